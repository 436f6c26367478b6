// Exchanges between other people. When two people are talking to each other
// (one asked the other by name, or they have been trading lines), an agent
// that cuts in is rude; people keep out of exchanges addressed to someone else.

import { normalizeText, tokenize } from "../../text/normalize";
import { addressedToAgent, type WindowLine } from "./window";

/** The focus replies to a line that addressed its sender by name ("Kat, did you…?" → Kat). */
export function replyInExchange(window: WindowLine[], focusIndex: number): WindowLine | null {
  const focus = window[focusIndex];
  const prev = window[focusIndex - 1];
  if (!focus || !prev || prev.self || addressedToAgent(focus)) return null;
  return prev.addressing.toOthers.includes(focus.line.sender) ? prev : null;
}

/** Two other people trading the last three lines (A, B, A), none of them involving the agent. */
export function sideConversation(window: WindowLine[], focusIndex: number): [string, string] | null {
  if (focusIndex < 2) return null;
  const [a, b, c] = window.slice(focusIndex - 2, focusIndex + 1);
  if (!a || !b || !c) return null;
  if ([a, b, c].some((w) => w.self || addressedToAgent(w) || w.addressing.toRoom)) return null;
  const [x, y, z] = [a.line.sender, b.line.sender, c.line.sender];
  return x !== y && y !== z && x === z ? [x, y] : null;
}

/** A very short question right after someone else's line ("price?") is for that person. */
export function elliptical(window: WindowLine[], focusIndex: number): string | null {
  const focus = window[focusIndex];
  const prev = window[focusIndex - 1];
  if (!focus || !prev || prev.self || prev.line.sender === focus.line.sender) return null;
  if (!focus.line.content.includes("?") || focus.addressing.toAgent || focus.addressing.toOthers.length > 0)
    return null;
  const words = tokenize(normalizeText(focus.line.content));
  return words.length <= 2 ? prev.line.sender : null;
}
