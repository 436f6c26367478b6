// The agent's own recent turns: don't dominate, but do follow up.

import { WINDOW } from "../weights";
import type { FactorContext } from "./context";

export function recencyFactors(ctx: FactorContext): void {
  const { facts, weights: w, focus } = ctx;
  if (facts.share > w.dominanceFreeShare)
    ctx.add(
      "recently_spoke",
      w.dominancePerShare * (facts.share - w.dominanceFreeShare),
      `${Math.round(facts.share * 100)}% of the last ${WINDOW} lines are the agent's`,
    );
  const closing = focus.ack !== null && focus.ack !== "affirm";
  if (facts.followUp && !closing) ctx.add("follow_up", w.followUp, "answers the agent's own question");
  else if (facts.askBack)
    ctx.add("follow_up_question", w.followUpQuestion, "asks on after the agent's answer");
  else if (facts.repliesToAgent && !facts.addressed)
    ctx.add("reply_to_agent", w.replyToAgent, "reacts to the agent's message just before");
}
