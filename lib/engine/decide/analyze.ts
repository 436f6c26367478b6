// Turns one decision's input into named features (factor, value, detail) and
// the verdict of the prompt's stated rules. The engine and the training script
// both call this, so the model is trained on exactly what it sees at run time.

import { resolveAgentName } from "./agent-name";
import { addressingFactors } from "./factors/addressing-factors";
import { contentFactors } from "./factors/content-factors";
import type { FactorContext } from "./factors/context";
import { conversationFactors } from "./factors/conversation-factors";
import { interactionFactors } from "./factors/interaction-factors";
import { promptRuleVerdict, type RuleVerdict } from "./factors/prompt-rule-factors";
import { recencyFactors } from "./factors/recency-factors";
import { timingFactors } from "./factors/timing-factors";
import { gatherFacts } from "./facts";
import { nameBookFor } from "./name-books";
import { promptProfile } from "./prompt-cache";
import type { ChatLine, DecisionInput } from "./types";
import { REACH, WINDOW } from "./weights";
import { analyzeLine, type WindowLine } from "./window";

export interface Feature {
  factor: string;
  value: number;
  detail?: string;
}

export interface Analysis {
  features: Feature[];
  verdict: RuleVerdict | null;
  /**
   * The prompt gives the agent a job. Every weight then has a second part
   * learned for agents with a job (FIELD_PREFIX + name), which the engine adds
   * to the shared one: a support agent answers its field unasked, one more
   * person in a busy channel rarely does.
   */
  field: boolean;
}

export const FIELD_PREFIX = "field:";

const sameName = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

/** Senders in order of first appearance; a run of one sender's lines costs one comparison per line. */
function addSenders(lines: ChatLine[], into: Set<string>): void {
  let previous: string | undefined;
  for (const line of lines) {
    if (line.sender === previous) continue;
    previous = line.sender;
    into.add(previous);
  }
}

function isSelf(line: ChatLine, agentName: string | null): boolean {
  return line.self ?? (agentName !== null && sameName(line.sender, agentName));
}

export function analyzeDecision(input: DecisionInput): Analysis {
  const agentName = resolveAgentName(input.agentName, null, input.systemPrompt);

  // Older history only feeds the participant list; the analysis reads a bounded tail.
  const senders = new Set<string>();
  addSenders(input.history, senders);
  addSenders(input.batch, senders);
  const book = nameBookFor(agentName, senders);
  const tail = input.history.slice(-REACH);
  const lines: WindowLine[] = [
    ...tail.map((line) => analyzeLine(book, line, isSelf(line, agentName), false)),
    ...input.batch.map((line) => analyzeLine(book, line, isSelf(line, agentName), true)),
  ];
  const skip = Math.max(0, tail.length - WINDOW);
  const window = lines.slice(skip);

  let focusIndex = -1;
  for (let i = window.length - 1; i >= tail.length - skip; i--) {
    if (!window[i]?.self) {
      focusIndex = i;
      break;
    }
  }
  const focus = window[focusIndex];
  if (!focus)
    return {
      features: [{ factor: "own_message", value: 1, detail: "the batch holds only this agent's lines" }],
      verdict: null,
      field: false,
    };

  const features: Feature[] = [];
  const profile = promptProfile(input.systemPrompt, agentName);
  const ctx: FactorContext = {
    input,
    agentName,
    book,
    window,
    focusIndex,
    focus,
    profile,
    facts: gatherFacts(input, agentName, window, focusIndex, profile, {
      lines,
      focusIndex: focusIndex + skip,
    }),
    // A method, not an arrow: under tsx every named arrow made per call also pays for a defineProperty.
    add(factor, value, detail) {
      if (value !== 0) features.push(detail ? { factor, value, detail } : { factor, value });
    },
  };
  addressingFactors(ctx);
  conversationFactors(ctx);
  contentFactors(ctx);
  interactionFactors(ctx);
  recencyFactors(ctx);
  timingFactors(ctx);
  return { features, verdict: promptRuleVerdict(ctx), field: profile.field };
}
