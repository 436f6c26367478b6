// Who the agent has been talking with, its own recent activity, the room's
// pace and the role its prompt gives it (see interaction.ts, prompt-role.ts).

import type { FactorContext } from "./context";

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
const minutes = (m: number) => (m < 1 ? "just now" : `${Math.round(m)} min ago`);

export function interactionFactors(ctx: FactorContext): void {
  const { facts, focus, profile } = ctx;
  const talk = facts.interaction;
  const sender = focus.line.sender;
  const elsewhere = !facts.addressed && facts.addressedTo.length > 0;
  if (talk.agentToSender !== null)
    ctx.add("agent_talked_to_sender", 1, `the agent spoke to ${sender} ${minutes(talk.agentToSender)}`);
  if (talk.senderToAgent !== null)
    ctx.add("sender_talked_to_agent", 1, `${sender} spoke to the agent ${minutes(talk.senderToAgent)}`);
  if (talk.agentLastToSender && !elsewhere)
    ctx.add("in_exchange_with_sender", 1, `the agent's last line was to ${sender}`);
  if (talk.partner === "agent" && !facts.addressed && !elsewhere)
    ctx.add("sender_partner_is_agent", 1, `${sender}'s latest exchange was with the agent`);
  else if (talk.partner === "other" && !facts.addressed)
    ctx.add("sender_partner_is_other", 1, `${sender}'s latest exchange was with someone else`);
  if (talk.senderFirstLine && !facts.addressed && !elsewhere)
    ctx.add("newcomer_line", 1, `${sender}'s first line in a while`);
  if (talk.agentAsked && !elsewhere && !facts.addressed)
    ctx.add("after_agent_question", 1, "comes right after the agent asked something");
  if (talk.sharedWithAgent.length > 0 && !elsewhere)
    ctx.add(
      "shares_agent_topic",
      Math.min(3, talk.sharedWithAgent.length),
      `shares ${facts.words(talk.sharedWithAgent)} with the agent's recent lines`,
    );
  if (talk.agentLines > 0)
    ctx.add(
      "agent_activity",
      Math.log1p(talk.agentLines),
      `${plural(talk.agentLines, "line")} by the agent lately`,
    );
  if (talk.agentHelped > 0)
    ctx.add(
      "agent_helping",
      Math.log1p(talk.agentHelped),
      `the agent spoke to ${plural(talk.agentHelped, "person", "people")} lately`,
    );
  if (talk.agentAnsweredRoom > 0)
    ctx.add(
      "agent_answering_room",
      Math.log1p(talk.agentAnsweredRoom),
      `the agent answered ${plural(talk.agentAnsweredRoom, "question")} asked to the room lately`,
    );
  if (talk.senderBusyElsewhere && !facts.addressed)
    ctx.add("sender_talking_to_other", 1, `${sender} was just talking to someone else`);

  if (talk.agentLinesAgo === 1) ctx.add("agent_spoke_just_before", 1, "the agent's line is right before");
  else if (talk.agentLinesAgo !== null && talk.agentLinesAgo <= 5)
    ctx.add("agent_spoke_lately", 1, `the agent spoke ${talk.agentLinesAgo} lines ago`);
  else if (talk.agentLinesAgo === null) ctx.add("agent_quiet", 1, "the agent has not spoken for 10 minutes");

  if (talk.activePeople > 1)
    ctx.add("active_people", Math.log2(talk.activePeople), `${talk.activePeople} people active`);
  if (talk.gapMinutes >= 1)
    ctx.add(
      "pause_before",
      Math.log1p(talk.gapMinutes),
      `${Math.round(talk.gapMinutes)} min of silence before`,
    );

  const role = profile.role;
  if (role) ctx.add(`role_${role}`, 1, `the prompt makes the agent a ${role}`);
  if (role === "helper" && facts.engaging && !facts.addressed && !elsewhere)
    ctx.add("helper_open_question", 1, "a question to the room for a helper");
}
