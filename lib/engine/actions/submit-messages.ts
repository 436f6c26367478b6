import type { ActionContext } from "../context";
import { reserveCredits } from "../credits";
import { resolveAgentName } from "../decide";
import type { ChatLine, DecisionResult } from "../decide/types";
import { loadHistory } from "../history";
import { newRowId } from "../ids";
import { parseBody, submitMessagesSchema } from "../schemas";
import { requireThread } from "../threads";

export async function submitMessages(ctx: ActionContext, body: unknown) {
  const input = parseBody(submitMessagesSchema, body);
  const accountId = ctx.principal.accountId;
  const thread = await requireThread(ctx.db, accountId, input.thread_id);
  const skip =
    input.skip_decide === true ? "skip_decide" : input.messages.some((m) => m.has_media) ? "has_media" : null;
  const credits = skip ? null : await reserveCredits(ctx.db, accountId, "submit_messages");

  try {
    const result = await ctx.threadLocks.run(thread.pk, async () => {
      const current = await ctx.db.engineThread.findUniqueOrThrow({ where: { pk: thread.pk } });
      const receivedAt = Date.now();
      const batch: ChatLine[] = input.messages.map((m) => ({
        sender: m.sender,
        content: m.content,
        ts: m.client_ts ? Date.parse(m.client_ts) : receivedAt,
      }));
      const agentName = resolveAgentName(input.agent_name, current.agentName, input.system_prompt);
      const decision: DecisionResult = skip
        ? { decision: "speak", score: 1, reasons: [{ factor: skip, weight: 1 }] }
        : await ctx.decider.decide({
            agentName,
            systemPrompt: input.system_prompt ?? null,
            history: await loadHistory(ctx.db, thread.pk),
            batch,
            now: receivedAt,
          });
      const epoch = current.turnEpoch + 1;
      const at = new Date(receivedAt);
      await ctx.db.$transaction([
        ctx.db.engineThread.update({ where: { pk: thread.pk }, data: { turnEpoch: { increment: 1 } } }),
        ctx.db.engineMessage.createMany({
          data: input.messages.map((m, i) => ({
            pk: newRowId(),
            threadPk: thread.pk,
            seq: i,
            epoch,
            sender: m.sender,
            content: m.content,
            clientTs: m.client_ts ? new Date(m.client_ts) : null,
            receivedAt: at,
            hasMedia: m.has_media ?? false,
          })),
        }),
        ctx.db.engineDecision.create({
          data: {
            pk: newRowId(),
            threadPk: thread.pk,
            epoch,
            decision: decision.decision,
            score: decision.score,
            reasons: JSON.stringify(decision.reasons),
            tags: "[]",
            billed: credits !== null,
            agentName,
            createdAt: at,
          },
        }),
      ]);
      return { decision: decision.decision, turn_epoch: epoch, tags: [] as string[] };
    });
    await credits?.commit();
    return result;
  } catch (error) {
    await credits?.refund();
    throw error;
  }
}
