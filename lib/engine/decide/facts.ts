// Everything the factors need to know about one decision, computed once.
// Analysis lives here; turning facts into weights lives in factors/.

import { memoize } from "../../text/memoize";
import { normalizeText } from "../../text/normalize";
import { type AgentAddress, strongerAddress } from "./addressing";
import { elliptical, replyInExchange, sideConversation } from "./conversation";
import { type Interaction, interaction } from "./interaction";
import { needsAnswer } from "./message-kind";
import { type QuestionState, questionState } from "./questions";
import { agentShare, asksBack, pendingFollowUp, repliesToAgent } from "./recency";
import { type PromptProfile, prepareText, type Relevance, scoreRelevance } from "./relevance";
import { stem } from "./stem";
import { burstLength, type TypingState, typingState } from "./timing";
import type { DecisionInput } from "./types";
import { WINDOW } from "./weights";
import { addressedElsewhere, type WindowLine } from "./window";

export interface DecisionFacts {
  /** strongest way any new line addresses the agent */
  agentAddress: AgentAddress | null;
  addressed: boolean;
  /** people the newest line is addressed to instead */
  addressedTo: string[];
  /** the newest line answers a line that addressed its sender */
  replyTo: WindowLine | null;
  side: [string, string] | null;
  /** question, request, problem or plan: something to respond to */
  engaging: boolean;
  /** good news or a joke (and not a bare acknowledgement) */
  social: boolean;
  question: QuestionState;
  relevance: Relevance;
  followUp: WindowLine | null;
  /** the focus reacts to the agent's message right before it */
  repliesToAgent: boolean;
  /** relevance of the lines just before the focus (what the thread is about) */
  context: Relevance;
  /** the focus says little on its own ("how much is that each?"), so the lines before carry its topic */
  leansOnContext: boolean;
  /** the focus asks something right after the agent answered its sender */
  askBack: boolean;
  share: number;
  typing: TypingState;
  burst: number;
  /** who has been talking with whom, the agent's own activity, the room's pace */
  interaction: Interaction;
  /** relevance of a still-open earlier question (zero when none is open) */
  pendingRelevance: Relevance;
  /** the words of the recent lines as written, for stems ("joking" for "jok"), comma-separated */
  words(stems: readonly string[]): string;
}

const NO_RELEVANCE: Relevance = { score: 0, matched: [], avoided: [] };
const RAW_WORD = /[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu;

/** A line's words by their stem, each stem's first spelling kept; once per distinct content. */
const wordsByStem = memoize((content: string): ReadonlyMap<string, string> => {
  const words = new Map<string, string>();
  for (const m of content.matchAll(RAW_WORD)) {
    const s = stem(normalizeText(m[0]));
    if (!words.has(s)) words.set(s, m[0]);
  }
  return words;
});

/** Maps stems back to the words the people typed, looking at the newest lines first. */
function wordsAsWritten(window: WindowLine[], focusIndex: number): (stems: readonly string[]) => string {
  // Per decision too: the memo skips very long lines, which several stems would re-read.
  const lines: ReadonlyMap<string, string>[] = [];
  const asWritten = (s: string): string => {
    for (let j = focusIndex; j >= 0; j--) {
      const words = lines[j] ?? wordsByStem(window[j]?.line.content ?? "");
      lines[j] = words;
      const word = words.get(s);
      if (word !== undefined) return word;
    }
    return s;
  };
  return (stems) => [...new Set(stems.map(asWritten))].join(", ");
}

const CONTEXT_GAP_MS = 120_000;
/** A question with at most this many topic words and a pointing word leans on what was just said. */
const ANAPHORIC_MAX_STEMS = 2;
const ANAPHORA = /\b(?:that|this|it|those|these|them|there)\b/;

/** Topic stems of the focus line plus the same sender's lines just before it (one thought, several bubbles). */
function focusStems(window: WindowLine[], focusIndex: number): Set<string> {
  const focus = window[focusIndex];
  const stems = new Set<string>();
  if (!focus) return stems;
  let next = focus;
  for (let j = focusIndex; j >= 0; j--) {
    const w = window[j];
    if (!w || w.self || w.line.sender !== focus.line.sender) break;
    if (j !== focusIndex && next.line.ts - w.line.ts > CONTEXT_GAP_MS) break;
    for (const s of w.topicAndMood) stems.add(s);
    next = w;
  }
  return stems;
}

/**
 * Stems of the two lines before the focus, within a few minutes and since the
 * agent last spoke (its own reply closed whatever came before).
 */
function contextStems(window: WindowLine[], focusIndex: number): Set<string> {
  const focus = window[focusIndex];
  const stems = new Set<string>();
  if (!focus) return stems;
  for (let j = focusIndex - 1; j >= Math.max(0, focusIndex - 2); j--) {
    const w = window[j];
    if (!w || w.self || focus.line.ts - w.line.ts > 3 * CONTEXT_GAP_MS) break;
    for (const s of w.stems) stems.add(s);
  }
  return stems;
}

export function gatherFacts(
  input: DecisionInput,
  agentName: string | null,
  window: WindowLine[],
  focusIndex: number,
  profile: PromptProfile,
  reach: { lines: WindowLine[]; focusIndex: number },
): DecisionFacts {
  const focus = window[focusIndex] as WindowLine;
  let agentAddress: AgentAddress | null = null;
  for (const w of window) {
    if (!w.inBatch || w.self) continue;
    const a = w.addressing.toAgent;
    if (a) agentAddress = strongerAddress(agentAddress, a);
  }
  const addressed = agentAddress !== null && agentAddress !== "third_person";
  const addressedTo = addressedElsewhere(focus) ? [...focus.addressing.toOthers] : [];
  const shortFollowUp = addressed ? null : elliptical(window, focusIndex);
  if (shortFollowUp && !addressedTo.includes(shortFollowUp)) addressedTo.push(shortFollowUp);

  const kind = focus.kind;
  const engaging = needsAnswer(kind) || kind.intent;
  const social = !focus.ack && (kind.excited || kind.laughing);
  const question = questionState(window, focusIndex);

  const lines = window.map((w) => w.line);
  return {
    agentAddress,
    addressed,
    addressedTo,
    replyTo: addressed ? null : replyInExchange(window, focusIndex),
    side: sideConversation(window, focusIndex),
    engaging,
    social,
    question,
    relevance: scoreRelevance(profile, focusStems(window, focusIndex)),
    followUp: pendingFollowUp(window, focusIndex),
    repliesToAgent: !engaging && repliesToAgent(window, focusIndex),
    context: scoreRelevance(profile, contextStems(window, focusIndex)),
    leansOnContext: focus.stems.size <= ANAPHORIC_MAX_STEMS && ANAPHORA.test(prepareText(focus.line.content)),
    askBack: needsAnswer(kind) && asksBack(window, focusIndex),
    share: agentShare(window.slice(-WINDOW)),
    typing: typingState(input.signals, focus.line.sender, agentName),
    burst: input.signals?.burstSender === focus.line.sender ? 2 : burstLength(lines, focusIndex),
    interaction: interaction(reach.lines, reach.focusIndex),
    pendingRelevance:
      question.state === "pending"
        ? scoreRelevance(profile, focusStems(window, window.indexOf(question.question)))
        : NO_RELEVANCE,
    words: wordsAsWritten(window, focusIndex),
  };
}
