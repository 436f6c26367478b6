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
}

const sameSender = (a: WindowLine, b: WindowLine) => a.line.sender === b.line.sender;

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
  };
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
      if (result.agentLinesAgo === null) {
        result.agentLinesAgo = focusIndex - j;
        result.agentMinutesAgo = minutes;
        result.agentLastToSender = w.addressing.toOthers.includes(sender);
      }
      if (result.agentToSender === null && w.addressing.toOthers.includes(sender))
        result.agentToSender = minutes;
      continue;
    }
    if (age <= ACTIVE_REACH_MS) active.add(w.line.sender);
    if (sameSender(w, focus)) {
      if (result.senderToAgent === null && addressedToAgent(w)) result.senderToAgent = minutes;
      if (!senderSeen) {
        senderSeen = true;
        result.senderBusyElsewhere = w.addressing.toOthers.length > 0 && !addressedToAgent(w);
      }
    }
  }
  result.activePeople = active.size;
  return result;
}
