// The agent's own recent behaviour. It should not dominate the room (penalty
// grows with its share of the recent lines), but when it asked something and
// the answer arrives it owes a follow-up.

import { addressedElsewhere, type WindowLine } from "./window";

export function agentShare(window: WindowLine[]): number {
  if (window.length === 0) return 0;
  let mine = 0;
  for (const w of window) if (w.self) mine += 1;
  return mine / window.length;
}

/** How many lines after the agent's question a reply still counts as its answer. */
const FOLLOW_UP_REACH = 4;

/** The agent's own recent question that the focus line plausibly answers. */
export function pendingFollowUp(window: WindowLine[], focusIndex: number): WindowLine | null {
  const focus = window[focusIndex];
  if (!focus || focus.self) return null;
  for (let j = focusIndex - 1; j >= Math.max(0, focusIndex - FOLLOW_UP_REACH); j--) {
    const w = window[j];
    if (!w?.self) continue;
    if (!w.line.content.includes("?")) return null;
    // A question the agent put to one person is answered by that person.
    const askedOf = w.addressing.toOthers;
    if (askedOf.length > 0 && !askedOf.includes(focus.line.sender)) return null;
    if (addressedElsewhere(focus)) return null;
    return w;
  }
  return null;
}

/** Did the agent write the line right before the focus? */
export function spokeJustBefore(window: WindowLine[], focusIndex: number): boolean {
  return window[focusIndex - 1]?.self === true;
}
