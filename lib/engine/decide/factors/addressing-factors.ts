// Being addressed is the strongest reason to speak; a message addressed to
// someone else is a strong reason to keep out.

import type { FactorContext } from "./context";

export function addressingFactors(ctx: FactorContext): void {
  const { facts, weights: w } = ctx;
  switch (facts.agentAddress) {
    case "mention":
      ctx.add("addressed_by_mention", w.addressedByMention, "@-mentioned");
      break;
    case "reply_convention":
      ctx.add(
        "addressed_by_reply_convention",
        w.addressedByReplyConvention,
        "'name:' / 'name,' at the start",
      );
      break;
    case "name":
      ctx.add("addressed_by_name", w.addressedByName);
      break;
    case "nickname":
      ctx.add("addressed_by_nickname", w.addressedByNickname);
      break;
    case "third_person":
      ctx.add("name_mentioned", w.nameMentioned, "named in passing, not addressed");
      break;
    default:
      break;
  }
  if (!facts.addressed && facts.addressedTo.length > 0)
    ctx.add("addressed_to_other", w.addressedToOther, `addressed to ${facts.addressedTo.join(", ")}`);
}
