// Questions in the flow of the conversation: is the newest message a question
// for the room, has an earlier question already been answered by someone
// else, or is it still open under a line of unrelated chatter (a drafted reply
// was superseded, so the question must not get lost)?

import { needsAnswer } from "./message-kind";
import { prepareText } from "./relevance";
import { addressedElsewhere, type WindowLine } from "./window";

export type QuestionState =
  | { state: "none" }
  | { state: "answered"; question: WindowLine; by: string }
  | { state: "pending"; question: WindowLine };

const ANSWER_OPENERS =
  /^(?:(?:lol|haha|oh|ah|well|hmm)\b[\s,!.]*)*(?:yes|yeah|yep|yup|no|nope|nah|not|same here|almost|close|actually|maybe|probably|definitely|i think|i'd|i would|i'm pretty sure|i'll|i will|i can|on it|try|use|just|it's|its|it is|it was|they're|there's|there is|you can|you could|you need|you have to|you should|you just|depends|on the|in the|at the|because|since|sure|of course)\b/;
/** "is it just me?", "anyone else?": other people confirming does not resolve it. */
const CONFIRMATION_WORDS = 6;
const CONFIRMATION_POLL = /\b(?:anyone else|anybody else|is it just me|just me or)\b/;

/** Does `reply` read as an answer to `question`? Answer-like openers ("it's…", "I can…"), naming the asker, or shared topic words. */
export function looksLikeAnswer(reply: WindowLine, question: WindowLine): boolean {
  if (reply.kind.question) return false;
  // "same here" to "is it just me?" confirms it; only an explanation answers it.
  const poll = CONFIRMATION_POLL.test(prepareText(question.line.content));
  if (poll && reply.kind.tokens.length <= CONFIRMATION_WORDS) return false;
  // A request is settled by its acknowledgement ("please be there" → 👍).
  if (reply.ack && (question.kind.request || !question.kind.question)) return true;
  const text = prepareText(reply.line.content).trim();
  if (ANSWER_OPENERS.test(text)) return true;
  if (reply.addressing.toOthers.includes(question.line.sender)) return true;
  for (const s of reply.stems) if (question.stems.has(s)) return true;
  return false;
}

/** How far back an unanswered question is still "just asked". */
const OPEN_REACH = 3;

/**
 * The state of the most recent earlier question, request or problem relative
 * to the focus line: answered by someone else, or still open (pending) under
 * lines that do not answer it. A message handing it to someone else
 * ("Sam, that one's for you") or the asker closing it ("nvm") settles it.
 */
export function questionState(window: WindowLine[], focusIndex: number): QuestionState {
  const focus = window[focusIndex];
  if (!focus) return { state: "none" };
  const focusAsks = needsAnswer(focus.kind);
  for (let j = focusIndex - 1; j >= Math.max(0, focusIndex - OPEN_REACH); j--) {
    const q = window[j];
    if (!q) break;
    // Anything before the agent's own last line was handled then.
    if (q.self) return { state: "none" };
    if (!needsAnswer(q.kind) || q.kind.rollCall || q.ack) continue;
    // A question for somebody else: not ours to answer or to wait on.
    if (addressedElsewhere(q)) return { state: "none" };
    let answeredBy: WindowLine | null = null;
    for (let k = j + 1; k <= focusIndex; k++) {
      const w = window[k];
      if (!w) continue;
      if (w.self) return { state: "none" };
      if (w.line.sender !== q.line.sender && looksLikeAnswer(w, q)) {
        answeredBy = w;
        break;
      }
    }
    if (!answeredBy) {
      if (focus.line.sender === q.line.sender && focus.ack) return { state: "none" };
      if (addressedElsewhere(focus) && !focus.ack) return { state: "none" };
      return { state: "pending", question: q };
    }
    // The focus asks something new: the earlier answer is not about it.
    if (focusAsks) return { state: "none" };
    // Answered earlier: only relevant when the focus is the answer, or the asker reacting to it.
    if (answeredBy === focus || focus.line.sender === q.line.sender || looksLikeAnswer(focus, q))
      return { state: "answered", question: q, by: answeredBy.line.sender };
    return { state: "none" };
  }
  return { state: "none" };
}
