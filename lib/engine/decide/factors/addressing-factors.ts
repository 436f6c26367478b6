// Being addressed is the strongest reason to speak; a message addressed to
// someone else is a strong reason to keep out.

import type { FactorContext } from "./context";

export function addressingFactors(ctx: FactorContext): void {
  const { facts } = ctx;
  switch (facts.agentAddress) {
    case "mention":
      ctx.add("addressed_by_mention", 1, "@-mentioned");
      break;
    case "reply_convention":
      ctx.add("addressed_by_reply_convention", 1, "'name:' / 'name,' at the start");
      break;
    case "name":
      ctx.add("addressed_by_name", 1, "named as the one spoken to");
      break;
    case "nickname":
      ctx.add("addressed_by_nickname", 1, "called by a short form of the name");
      break;
    case "third_person":
      ctx.add("name_mentioned", 1, "named in passing, not addressed");
      break;
    default:
      break;
  }
  if (!facts.addressed && facts.addressedTo.length > 0)
    ctx.add("addressed_to_other", 1, `addressed to ${facts.addressedTo.join(", ")}`);
}
