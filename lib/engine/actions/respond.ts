import type { ActionContext } from "../context";
import { reserveCredits } from "../credits";
import { validationError } from "../errors";
import { newRowId } from "../ids";
import { naturalize, naturalizeWithModel } from "../naturalize";
import { DEFAULT_PACING, scheduleTimes } from "../pacing";
import { envelope } from "../realtime/frames";
import type { PendingBubble } from "../scheduler";
import { parseBody, respondSchema } from "../schemas";
import { requireThread } from "../threads";
import { formatTimestamp } from "../time";

export async function respond(ctx: ActionContext, body: unknown) {
  const input = parseBody(respondSchema, body);
  if (input.content.trim().length === 0)
    throw validationError([{ field: "content", message: "must not be blank" }]);
  const accountId = ctx.principal.accountId;
  const thread = await requireThread(ctx.db, accountId, input.thread_id);

  return ctx.threadLocks.run(thread.pk, async () => {
    const current = await ctx.db.engineThread.findUniqueOrThrow({ where: { pk: thread.pk } });
    const metadata = input.metadata === undefined ? null : JSON.stringify(input.metadata);
    if (input.turn_epoch < current.turnEpoch) {
      // The room moved on: a stale draft is normal, kept for review, never billed.
      await ctx.db.engineReply.create({
        data: {
          pk: newRowId(),
          threadPk: thread.pk,
          epoch: input.turn_epoch,
          draft: input.content,
          superseded: true,
          metadata,
          createdAt: new Date(),
        },
      });
      return { scheduled: [], superseded: true };
    }

    const credits = await reserveCredits(ctx.db, accountId, "respond");
    try {
      const agentName = input.agent_name ?? current.agentName ?? undefined;
      const rewrite = ctx.rewriteModel
        ? await naturalizeWithModel({
            model: ctx.rewriteModel,
            draft: input.content,
            systemPrompt: input.system_prompt,
            agentName,
          })
        : { bubbles: naturalize(input.content), source: "deterministic" as const };
      const pacing = { ...DEFAULT_PACING, ...input.pacing };
      const createdAt = Date.now();
      const times = scheduleTimes(rewrite.bubbles, createdAt, pacing);
      const replyPk = newRowId();
      const created = new Date(createdAt);
      const rows = rewrite.bubbles.map((content, position) => ({
        id: newRowId(),
        replyPk,
        threadPk: thread.pk,
        content,
        position,
        isLast: position === rewrite.bubbles.length - 1,
        deliverAt: new Date(times[position]!),
        status: "scheduled",
        messageId: newRowId(),
        createdAt: created,
        updatedAt: created,
      }));
      // Persisted before we answer, so a restart still delivers every bubble.
      await ctx.db.$transaction([
        ctx.db.engineReply.create({
          data: {
            pk: replyPk,
            threadPk: thread.pk,
            epoch: input.turn_epoch,
            draft: input.content,
            superseded: false,
            metadata,
            source: rewrite.source,
            createdAt: created,
          },
        }),
        ctx.db.engineScheduled.createMany({ data: rows }),
        ...(input.agent_name
          ? [ctx.db.engineThread.update({ where: { pk: thread.pk }, data: { agentName: input.agent_name } })]
          : []),
      ]);
      await credits.commit(created);

      ctx.hub.publish(
        thread.pk,
        envelope("turn_taking.typing", thread.id, { thread_id: thread.id, typing: true }),
      );
      const parsedMetadata = input.metadata ?? null;
      ctx.scheduler.add(
        rows.map(
          (r): PendingBubble => ({
            id: r.id,
            threadPk: thread.pk,
            threadId: thread.id,
            replyPk,
            messageId: r.messageId,
            content: r.content,
            position: r.position,
            isLast: r.isLast,
            deliverAt: r.deliverAt.getTime(),
            metadata: parsedMetadata,
            sender: agentName ?? "agent",
          }),
        ),
      );
      return {
        scheduled: rows.map((r) => ({
          id: r.id,
          thread_id: thread.id,
          content: r.content,
          position: r.position,
          deliver_at: formatTimestamp(r.deliverAt),
          status: "scheduled",
          created_at: formatTimestamp(r.createdAt),
          updated_at: formatTimestamp(r.updatedAt),
        })),
        superseded: false,
      };
    } catch (error) {
      await credits.refund();
      throw error;
    }
  });
}
