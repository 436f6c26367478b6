// The agent's own recent behaviour. It should not dominate the room (penalty
// grows with its share of the recent lines), but when it asked something and
// the answer arrives it owes a follow-up.

import { looksLikeAnswer } from "./questions";
import { addressedElsewhere, type WindowLine } from "./window";

export function agentShare(window: WindowLine[]): number {
  if (window.length === 0) return 0;
  let mine = 0;
  for (const w of window) if (w.self) mine += 1;
  return mine / window.length;
}

/** How many lines after the agent's question a reply still counts as its answer. */
const FOLLOW_UP_REACH = 4;

/** "could you pair on it?" is settled by "sure"; "want me to set it up?" needs the agent to act on "yes". */
const REQUEST_TO_THEM = /\b(?:could|can|would|will) you\b(?! like)/i;
const OFFER = /\b(?:want me to|should i|shall i|do you want|want that|would you like|want the)\b/i;
/** Short replies to a question put to the whole room ("yes!", "sat works") keep coming after the first one. */
const SHORT_REPLY_WORDS = 4;

/** The agent's own recent question that the focus line plausibly answers. */
export function pendingFollowUp(window: WindowLine[], focusIndex: number): WindowLine | null {
  const focus = window[focusIndex];
  if (!focus || focus.self || addressedElsewhere(focus)) return null;
  for (let j = focusIndex - 1; j >= Math.max(0, focusIndex - FOLLOW_UP_REACH); j--) {
    const w = window[j];
    if (!w?.self) continue;
    const asked = w.line.content;
    if (!asked.includes("?")) return null;
    // A question the agent put to one person is answered by that person: the one it named, or
    // else the one it was replying to. A question to the room ("anyone?") is anyone's.
    const prev = window[j - 1];
    const askedOf =
      w.addressing.toOthers.length > 0
        ? w.addressing.toOthers
        : !w.addressing.toRoom && prev && !prev.self
          ? [prev.line.sender]
          : [];
    if (askedOf.length > 0 && !askedOf.includes(focus.line.sender)) return null;
    if (focus.ack === "affirm" && REQUEST_TO_THEM.test(asked) && !OFFER.test(asked)) return null;
    // Only the first reply answers it (the first from the person asked, if it was put to someone),
    // unless people reply briefly to a question to the room.
    const between = window.slice(j + 1, focusIndex);
    const first =
      askedOf.length > 0
        ? between.every((b) => b.line.sender !== focus.line.sender)
        : between.every((b) => b.line.sender === focus.line.sender);
    const brief = focus.kind.tokens.length <= SHORT_REPLY_WORDS && !focus.kind.question;
    return first || (askedOf.length === 0 && brief) ? w : null;
  }
  return null;
}

/** The agent just answered X and X asks again: the follow-up question is for the agent. */
export function asksBack(window: WindowLine[], focusIndex: number): boolean {
  const focus = window[focusIndex];
  const mine = window[focusIndex - 1];
  const before = window[focusIndex - 2];
  if (!focus || !mine?.self || addressedElsewhere(focus)) return false;
  return mine.addressing.toOthers.includes(focus.line.sender) || before?.line.sender === focus.line.sender;
}

/** The focus reacts to the agent's line right before it (not a new question, not a reply to someone else). */
export function repliesToAgent(window: WindowLine[], focusIndex: number): boolean {
  const focus = window[focusIndex];
  const mine = window[focusIndex - 1];
  if (!focus || !mine?.self || focus.ack || addressedElsewhere(focus)) return false;
  const to = mine.addressing.toOthers;
  if (to.length > 0 && !to.includes(focus.line.sender)) return false;
  return looksLikeAnswer(focus, mine);
}
