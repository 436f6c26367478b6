// The system prompt's explicit rules about when to talk, and the app's one
// rule that a person who addresses the agent gets an answer. They are not learned:
// an operator who wrote "only speak when addressed" or "stay quiet during side
// chatter" gets exactly that, whatever the learned weights say. Each rule
// returns the decision it forces (or null), with the reason to show.

import type { FactorContext } from "./context";

/** One full-weight keyword: the request is squarely the agent's job ("write up the action items"). */
const JOB_MATCH = 1;

export interface RuleVerdict {
  factor: string;
  decision: "speak" | "stay_silent";
  detail: string;
}

export function promptRuleVerdict(ctx: FactorContext): RuleVerdict | null {
  const { facts, profile, focus } = ctx;
  const rules = profile.rules;
  const kind = focus.kind;
  const elsewhere = !facts.addressed && facts.addressedTo.length > 0;
  const inField = facts.relevance.score >= JOB_MATCH;

  if (rules.onlyWhenAddressed && !facts.addressed && !facts.followUp) {
    const askedForItsJob =
      rules.onlyWhenAddressed === "lenient" && (kind.request || kind.question) && !elsewhere && inField;
    if (!askedForItsJob)
      return {
        factor: "prompt_only_when_addressed",
        decision: "stay_silent",
        detail:
          rules.onlyWhenAddressed === "strict"
            ? "the prompt says to speak only when addressed"
            : "the prompt says to speak only when asked",
      };
  }
  if (rules.quietChatter === "general" && !facts.engaging && !facts.addressed && !facts.followUp)
    return {
      factor: "prompt_quiet_on_chatter",
      decision: "stay_silent",
      detail: "the prompt says not to join chatter",
    };
  if (rules.quietChatter === "side" && facts.side && !facts.engaging && !facts.addressed)
    return {
      factor: "prompt_quiet_on_side_chatter",
      decision: "stay_silent",
      detail: "the prompt says to stay out of side chatter",
    };

  // The app's own rules: a person who addresses the agent gets an answer, and a
  // thanks, an "ok" or a "brb" closes the loop (unless it answers the agent's own question).
  // A thanks or an ok said to the agent by name is left to the learned weights: in the
  // training logs 40% of those got a "np" or a follow-up from the agent, and on held-out
  // folds leaving them out of the rule raised balanced accuracy by 0.005 and F1 by 0.002.
  // Someone stepping away needs no answer, named or not.
  const closing =
    focus.ack !== null && focus.ack !== "greeting" && !(focus.ack === "affirm" && facts.followUp);
  if (closing && !facts.engaging && (!facts.addressed || focus.ack === "away"))
    return {
      factor: "closes_the_loop",
      decision: "stay_silent",
      detail: "thanks, an ok or a goodbye needs no answer",
    };
  if (facts.addressed && !focus.ack)
    return {
      factor: "addressed_directly",
      decision: "speak",
      detail: "a person who addresses the agent gets an answer",
    };

  const asks = facts.engaging && !elsewhere && !focus.ack && facts.question.state !== "answered";
  if (rules.proactive && asks && inField && facts.relevance.avoided.length === 0)
    return {
      factor: "prompt_proactive",
      decision: "speak",
      detail: "the prompt says to speak up when it can help, and this is its field",
    };
  return null;
}
