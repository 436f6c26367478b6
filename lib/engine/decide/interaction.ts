// Who has been talking with whom. In real group chat most replies go to the
// person one was just talking to, named or not: a line from someone the agent
// answered a minute ago is usually for the agent. Also the room's pace: how
// many people are active, how long the pause before the line was, and how
// recently the agent itself spoke.

import { addressedToAgent, type WindowLine } from "./window";

/** How far back an exchange still counts as "just talking". */
export const TALK_REACH_MS = 10 * 60_000;
/** People who posted within this time count as active. */
export const ACTIVE_REACH_MS = 5 * 60_000;

export interface Interaction {
  /** minutes since the agent last addressed the focus sender by name, if within reach */
  agentToSender: number | null;
  /** minutes since the focus sender last addressed the agent by name, if within reach */
  senderToAgent: number | null;
  /** the agent's newest line was addressed to the focus sender: they are mid-exchange */
  agentLastToSender: boolean;
  /** lines between the agent's newest line and the focus (1 = right before), null when not in reach */
  agentLinesAgo: number | null;
  /** minutes since the agent's newest line, null when not in reach */
  agentMinutesAgo: number | null;
  /** distinct other people who posted in the last few minutes (the focus sender included) */
  activePeople: number;
  /** minutes between the previous line and the focus */
  gapMinutes: number;
  /** the focus sender's previous line (within reach) was addressed to someone else */
  senderBusyElsewhere: boolean;
  /**
   * The focus sender's latest exchange: the agent, someone else, or nobody in
   * reach. An exchange is a line of the sender's addressed to someone, or a
   * line addressed to the sender, whichever came last.
   */
  partner: "agent" | "other" | null;
  /** the focus sender posted nothing else within reach: a newcomer to the conversation */
  senderFirstLine: boolean;
  /** the agent's lines within reach */
  agentLines: number;
  /** distinct people the agent addressed within reach */
  agentHelped: number;
  /** the agent's newest line, a few lines back, asked something: the focus may be the answer */
  agentAsked: boolean;
  /** content words the focus shares with the agent's recent lines */
  sharedWithAgent: string[];
  /**
   * The agent's lines within reach that answered someone who had asked the
   * room: addressed to a person whose latest line before it was addressed to
   * nobody. An agent answering the room's questions tends to take the next one.
   */
  agentAnsweredRoom: number;
}

/** How many lines back the agent's question still waits for its answer. */
const ASKED_REACH = 3;
/** The agent's lines whose words count for sharedWithAgent. */
const AGENT_LINES_FOR_TOPIC = 3;

/** How far back the line an agent's answer answers is looked for. */
const ANSWER_REACH = 15;

const sameSender = (a: WindowLine, b: WindowLine) => a.line.sender === b.line.sender;

/** Line `j` is addressed to someone whose latest line before it was addressed to nobody (a question to the room). */
function answersRoom(lines: readonly WindowLine[], j: number): boolean {
  const to = (lines[j] as WindowLine).addressing.toOthers;
  if (to.length === 0) return false;
  for (let k = j - 1; k >= 0 && j - k <= ANSWER_REACH; k--) {
    const v = lines[k] as WindowLine;
    if (v.self || !to.includes(v.line.sender)) continue;
    return v.addressing.toOthers.length === 0 && v.addressing.toAgent === null;
  }
  return false;
}

export function interaction(lines: readonly WindowLine[], focusIndex: number): Interaction {
  const focus = lines[focusIndex] as WindowLine;
  const sender = focus.line.sender;
  const at = focus.line.ts;
  const result: Interaction = {
    agentToSender: null,
    senderToAgent: null,
    agentLastToSender: false,
    agentLinesAgo: null,
    agentMinutesAgo: null,
    activePeople: 1,
    gapMinutes: 0,
    senderBusyElsewhere: false,
    partner: null,
    senderFirstLine: true,
    agentLines: 0,
    agentHelped: 0,
    agentAsked: false,
    sharedWithAgent: [],
    agentAnsweredRoom: 0,
  };
  const shared = new Set<string>();
  const helped = new Set<string>();
  const prev = lines[focusIndex - 1];
  if (prev) result.gapMinutes = Math.max(0, (at - prev.line.ts) / 60_000);
  const active = new Set<string>([sender]);
  let senderSeen = false;
  for (let j = focusIndex - 1; j >= 0; j--) {
    const w = lines[j] as WindowLine;
    const age = at - w.line.ts;
    if (age > TALK_REACH_MS) break;
    const minutes = Math.max(0, age / 60_000);
    if (w.self) {
      result.agentLines += 1;
      const named = w.addressing.mentioned;
      for (const who of named) helped.add(who);
      if (result.partner === null && named.includes(sender)) result.partner = "agent";
      if (result.agentLinesAgo === null) {
        result.agentLinesAgo = focusIndex - j;
        result.agentMinutesAgo = minutes;
        result.agentLastToSender = named.includes(sender);
        result.agentAsked = focusIndex - j <= ASKED_REACH && w.kind.question;
      }
      if (result.agentLines <= AGENT_LINES_FOR_TOPIC)
        for (const s of focus.stems) if (w.stems.has(s)) shared.add(s);
      if (result.agentToSender === null && named.includes(sender)) result.agentToSender = minutes;
      if (answersRoom(lines, j)) result.agentAnsweredRoom += 1;
      continue;
    }
    if (age <= ACTIVE_REACH_MS) active.add(w.line.sender);
    if (result.partner === null && !sameSender(w, focus) && w.addressing.mentioned.includes(sender))
      result.partner = "other";
    if (sameSender(w, focus)) {
      result.senderFirstLine = false;
      const toAgent = w.addressing.toAgent !== null;
      if (result.partner === null && toAgent) result.partner = "agent";
      else if (result.partner === null && w.addressing.mentioned.length > 0) result.partner = "other";
      if (result.senderToAgent === null && toAgent) result.senderToAgent = minutes;
      if (!senderSeen) {
        senderSeen = true;
        result.senderBusyElsewhere = w.addressing.toOthers.length > 0 && !addressedToAgent(w);
      }
    }
  }
  result.activePeople = active.size;
  result.agentHelped = helped.size;
  result.sharedWithAgent = [...shared];
  return result;
}
