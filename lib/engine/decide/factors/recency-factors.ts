// The agent's own recent turns: don't dominate, but do follow up.

import { WINDOW } from "../weights";
import type { FactorContext } from "./context";

/** Share of the recent lines the agent may have before it counts as dominating. */
const FREE_SHARE = 0.3;

export function recencyFactors(ctx: FactorContext): void {
  const { facts, focus } = ctx;
  if (facts.share > FREE_SHARE)
    ctx.add(
      "recently_spoke",
      facts.share - FREE_SHARE,
      `${Math.round(facts.share * 100)}% of the last ${WINDOW} lines are the agent's`,
    );
  const closing = focus.ack !== null && focus.ack !== "affirm";
  if (facts.followUp && !closing) ctx.add("follow_up", 1, "answers the agent's own question");
  else if (facts.askBack) ctx.add("follow_up_question", 1, "asks on after the agent's answer");
  else if (facts.repliesToAgent && !facts.addressed)
    ctx.add("reply_to_agent", 1, "reacts to the agent's message just before");
}
