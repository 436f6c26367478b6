import type { ActionContext } from "../context";
import { newRowId } from "../ids";
import { parseBody, recordEventSchema } from "../schemas";
import { requireThread } from "../threads";

export async function recordEvent(ctx: ActionContext, body: unknown) {
  const input = parseBody(recordEventSchema, body);
  const thread = await requireThread(ctx.sql, ctx.principal.accountId, input.thread_id);
  await ctx.sql.run(
    `INSERT INTO "EngineEvent" ("pk","threadPk","type","sender","clientTs","receivedAt") VALUES (?,?,?,?,?,?)`,
    [
      newRowId(),
      thread.pk,
      input.type,
      input.sender,
      input.client_ts ? new Date(input.client_ts) : null,
      new Date(),
    ],
  );
  return { tags: [] as string[] };
}
