import type { ActionContext } from "../context";
import type { DecisionReason } from "../decide/types";
import { decisionsProjectionSchema, parseBody } from "../schemas";
import { requireThread } from "../threads";
import { formatTimestamp } from "../time";

/** Engine extension: every decision on a thread with its reasons, for the transcript dashboard. */
export async function decisionsProjection(ctx: ActionContext, body: unknown) {
  const input = parseBody(decisionsProjectionSchema, body);
  const thread = await requireThread(ctx.db, ctx.principal.accountId, input.thread_id);
  const rows = await ctx.db.engineDecision.findMany({
    where: { threadPk: thread.pk },
    orderBy: { epoch: "asc" },
  });
  return {
    thread_id: thread.id,
    decisions: rows.map((r) => ({
      turn_epoch: r.epoch,
      decision: r.decision,
      score: r.score,
      reasons: JSON.parse(r.reasons) as DecisionReason[],
      tags: JSON.parse(r.tags) as string[],
      billed: r.billed,
      agent_name: r.agentName,
      created_at: formatTimestamp(r.createdAt),
    })),
  };
}
