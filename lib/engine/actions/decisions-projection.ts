import type { ActionContext } from "../context";
import type { DecisionReason } from "../decide/types";
import { decisionsProjectionSchema, INT32_MAX, parseBody } from "../schemas";
import { selectDecisions } from "../store/queries/decisions";
import { toBool, toDate } from "../store/sql";
import { requireThread } from "../threads";
import { formatTimestamp } from "../time";

/** Engine extension: every decision on a thread with its reasons, for the transcript dashboard. */
export async function decisionsProjection(ctx: ActionContext, body: unknown) {
  const input = parseBody(decisionsProjectionSchema, body);
  const thread = await requireThread(ctx.sql, ctx.principal.accountId, input.thread_id);
  const query = selectDecisions(thread.pk, input.from_epoch ?? 0, input.to_epoch ?? INT32_MAX);
  const rows = await ctx.sql.all<Record<string, unknown>>(query.sql, query.args);
  return {
    thread_id: thread.id,
    decisions: rows.map((r) => ({
      turn_epoch: Number(r.epoch),
      decision: String(r.decision),
      score: Number(r.score),
      reasons: JSON.parse(String(r.reasons)) as DecisionReason[],
      tags: JSON.parse(String(r.tags)) as string[],
      billed: toBool(r.billed),
      agent_name: r.agentName === null ? null : String(r.agentName),
      created_at: formatTimestamp(toDate(r.createdAt)),
    })),
  };
}
