// The shape of the exchange: someone answering someone else, two people
// talking to each other, a question already answered, or one still open.

import type { FactorContext } from "./context";

export function conversationFactors(ctx: FactorContext): void {
  const { facts, weights: w, profile } = ctx;
  if (facts.addressed) return;
  // A new question of their own is not just an answer to the other person.
  if (facts.replyTo && facts.addressedTo.length === 0 && !facts.engaging)
    ctx.add(
      "reply_in_exchange",
      w.replyInExchange,
      `${ctx.focus.line.sender} is answering ${facts.replyTo.line.sender}`,
    );
  // Good news told to the room is not a private exchange, even mid-exchange.
  if (facts.side && !facts.engaging && !(facts.social && ctx.focus.kind.excited)) {
    ctx.add("side_conversation", w.sideConversation, `${facts.side[0]} and ${facts.side[1]} are talking`);
    if (profile.rules.quietChatter === "side")
      ctx.add(
        "prompt_quiet_on_side_chatter",
        w.quietSideChatter,
        "the prompt says to stay out of side chatter",
      );
  }
  const q = facts.question;
  if (q.state === "answered" && !facts.engaging)
    ctx.add("already_answered", w.alreadyAnswered, `${q.by} already replied to ${q.question.line.sender}`);
}
