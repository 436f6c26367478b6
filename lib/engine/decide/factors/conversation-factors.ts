// The shape of the exchange: someone answering someone else, two people
// talking to each other, a question already answered, or one still open.

import { relevanceValue } from "./content-factors";
import type { FactorContext } from "./context";

export function conversationFactors(ctx: FactorContext): void {
  const { facts } = ctx;
  if (facts.addressed) return;
  // A new question of their own is not just an answer to the other person.
  if (facts.replyTo && facts.addressedTo.length === 0 && !facts.engaging)
    ctx.add("reply_in_exchange", 1, `${ctx.focus.line.sender} is answering ${facts.replyTo.line.sender}`);
  // Good news told to the room is not a private exchange, even mid-exchange.
  if (facts.side && !facts.engaging && !(facts.social && ctx.focus.kind.excited))
    ctx.add("side_conversation", 1, `${facts.side[0]} and ${facts.side[1]} are talking`);
  const q = facts.question;
  if (q.state === "answered" && !facts.engaging)
    ctx.add("already_answered", 1, `${q.by} already replied to ${q.question.line.sender}`);
  if (q.state === "pending") {
    ctx.add("pending_question", 1, `${q.question.line.sender}'s message is still unanswered`);
    ctx.add(
      "pending_relevance",
      relevanceValue(facts.pendingRelevance.score),
      `the open question is about ${facts.words(facts.pendingRelevance.matched)}`,
    );
  }
}
