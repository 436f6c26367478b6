import type { ActionContext } from "../context";
import { usageSummary as summarize } from "../credits";
import { emptySchema, parseBody } from "../schemas";

export async function usageSummary(ctx: ActionContext, body: unknown) {
  parseBody(emptySchema, body);
  return summarize(ctx.sql, ctx.principal.accountId);
}
