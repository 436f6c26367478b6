// The system prompt's explicit rules override the defaults: a hard gate for
// "only when addressed", a lower bar for "speak up", a stronger penalty on
// chatter for "stay quiet during chatter".

import type { FactorContext } from "./context";

/** One full-weight keyword: the request is squarely the agent's job ("write up the action items"). */
const JOB_MATCH = 1;

export function promptRuleFactors(ctx: FactorContext): void {
  const { facts, weights: w, profile, focus } = ctx;
  const rules = profile.rules;
  const kind = focus.kind;
  const elsewhere = !facts.addressed && facts.addressedTo.length > 0;

  if (rules.onlyWhenAddressed && !facts.addressed && !facts.followUp) {
    const askedForItsJob =
      rules.onlyWhenAddressed === "lenient" &&
      (kind.request || kind.question) &&
      !elsewhere &&
      facts.relevance.score >= JOB_MATCH;
    if (!askedForItsJob)
      ctx.add(
        "prompt_only_when_addressed",
        w.onlyWhenAddressed,
        rules.onlyWhenAddressed === "strict" ? "speaks only when addressed" : "speaks only when asked",
      );
  }

  const need = facts.engaging && !elsewhere && !focus.ack;
  if (need && rules.proactive === "open")
    ctx.add("prompt_proactive", w.proactiveOpen, "the prompt says to speak up");
  const relevant = facts.relevance.score > 0;
  if (need && rules.proactive === "scoped" && relevant)
    ctx.add("prompt_proactive", w.proactiveScoped, "the prompt says to speak up on this topic");

  if (rules.quietChatter === "general" && !facts.engaging && !facts.addressed && !facts.followUp)
    ctx.add("prompt_quiet_on_chatter", w.quietChatter, "the prompt says not to join chatter");
}
