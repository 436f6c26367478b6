// Questions in the flow of the conversation: is the newest message a question
// for the room, has an earlier question already been answered by someone
// else, or is it still open under a line of unrelated chatter (a drafted reply
// was superseded, so the question must not get lost)?

import { needsAnswer } from "./message-kind";
import { contentStems, prepareText } from "./relevance";
import { addressedElsewhere, addressedToAgent, type WindowLine } from "./window";

export type QuestionState =
  | { state: "none" }
  | { state: "answered"; question: WindowLine; by: string }
  | { state: "pending"; question: WindowLine };

const ANSWER_OPENERS =
  /^(?:(?:lol|haha|oh|ah|well|hmm)\b[\s,!.]*)*(?:yes|yeah|yep|yup|no|nope|nah|almost|close|actually|maybe|probably|definitely|i think|i'd|i would|i'm pretty sure|try|use|just|it's|its|it is|it was|they're|there's|there is|you can|you could|you need|you have to|you should|you just|depends|on the|in the|at the|because|since|sure|of course)\b/;

/**
 * Does `reply` read as an answer to `question`? Answer-like openers ("it's…",
 * "you can…"), naming the asker, shared topic words, or the question was
 * itself put to the replier (it came right after the replier's own line).
 */
export function looksLikeAnswer(reply: WindowLine, question: WindowLine, before?: WindowLine): boolean {
  if (reply.kind.question) return false;
  if (before && before.line.sender === reply.line.sender && !before.self) return true;
  const text = prepareText(reply.line.content).trim();
  if (ANSWER_OPENERS.test(text)) return true;
  if (reply.addressing.toOthers.includes(question.line.sender)) return true;
  const asked = contentStems(prepareText(question.line.content));
  for (const s of contentStems(text)) if (asked.has(s)) return true;
  return false;
}

/** The state of the most recent earlier question relative to the focus line. */
export function questionState(window: WindowLine[], focusIndex: number): QuestionState {
  const focus = window[focusIndex];
  if (!focus || needsAnswer(focus.kind)) return { state: "none" };
  for (let j = focusIndex - 1; j >= Math.max(0, focusIndex - 3); j--) {
    const q = window[j];
    if (!q) break;
    // Anything before the agent's own last line was handled then.
    if (q.self) return { state: "none" };
    if (!needsAnswer(q.kind) || q.kind.rollCall) continue;
    // A question for somebody else: not ours to answer or to wait on.
    if (addressedElsewhere(q)) return { state: "none" };
    const before = window[j - 1];
    let answeredBy: WindowLine | null = null;
    for (let k = j + 1; k <= focusIndex; k++) {
      const w = window[k];
      if (!w) continue;
      if (w.self) return { state: "none" };
      if (w.line.sender !== q.line.sender && looksLikeAnswer(w, q, before)) {
        answeredBy = w;
        break;
      }
    }
    if (!answeredBy) {
      // The asker closing the loop ("nvm") is not an open question either.
      if (focus.line.sender === q.line.sender && focus.ack) return { state: "none" };
      return { state: "pending", question: q };
    }
    // Answered earlier: only relevant when the focus is the answer, or the asker reacting to it.
    if (answeredBy === focus || focus.line.sender === q.line.sender || looksLikeAnswer(focus, q, before))
      return { state: "answered", question: q, by: answeredBy.line.sender };
    return { state: "none" };
  }
  return { state: "none" };
}

/** Is the question addressed to the agent or the room (not to someone else)? */
export function openToAgent(w: WindowLine): boolean {
  return addressedToAgent(w) || !addressedElsewhere(w);
}
