// Let people finish: typing indicators and bursts of short messages mean the
// thought is not complete yet.

import type { FactorContext } from "./context";

export function timingFactors(ctx: FactorContext): void {
  const { facts, focus, input } = ctx;
  const sender = focus.line.sender;
  if (facts.typing.sender) ctx.add("typing_now", 1, `${sender} is still typing`);
  else if (facts.typing.others.length > 0)
    ctx.add("others_typing", 1, `${facts.typing.others.join(", ")} typing`);
  const signalled = input.signals?.burstSender === sender;
  if (facts.burst >= 2 && (focus.kind.incomplete || signalled))
    ctx.add("burst_in_progress", 1, `${sender} is sending several messages`);
  else if (focus.kind.incomplete) ctx.add("incomplete_message", 1, "the message trails off");
}
