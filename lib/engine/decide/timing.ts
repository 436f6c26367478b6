// Timing: a person typing right now or firing off a burst of messages has not
// finished their thought. Replying mid-thought interrupts them, so the agent
// waits; the next batch brings a fresh decision.

import type { ChatLine, DecisionSignals } from "./types";
import { BURST_GAP_MS } from "./weights";

export interface TypingState {
  /** the focus line's sender is still typing */
  sender: boolean;
  /** other people typing */
  others: string[];
}

const same = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

export function typingState(
  signals: DecisionSignals | undefined,
  focusSender: string,
  agentName: string | null,
): TypingState {
  const typing = (signals?.typingNow ?? []).filter((s) => !(agentName && same(s, agentName)));
  return {
    sender: typing.some((s) => same(s, focusSender)),
    others: typing.filter((s) => !same(s, focusSender)),
  };
}

/** Consecutive lines from the focus sender ending at the focus, each within BURST_GAP_MS of the next. */
export function burstLength(lines: readonly ChatLine[], focusIndex: number): number {
  const focus = lines[focusIndex];
  if (!focus) return 0;
  let count = 1;
  for (let j = focusIndex - 1; j >= 0; j--) {
    const prev = lines[j];
    const next = lines[j + 1];
    if (!prev || !next || prev.sender !== focus.sender || next.ts - prev.ts > BURST_GAP_MS) break;
    count += 1;
  }
  return count;
}
