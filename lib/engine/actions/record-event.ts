import type { ActionContext } from "../context";
import { newRowId } from "../ids";
import { parseBody, recordEventSchema } from "../schemas";
import { requireThread } from "../threads";

export async function recordEvent(ctx: ActionContext, body: unknown) {
  const input = parseBody(recordEventSchema, body);
  const thread = await requireThread(ctx.db, ctx.principal.accountId, input.thread_id);
  await ctx.db.engineEvent.create({
    data: {
      pk: newRowId(),
      threadPk: thread.pk,
      type: input.type,
      sender: input.sender,
      clientTs: input.client_ts ? new Date(input.client_ts) : null,
      receivedAt: new Date(),
    },
  });
  return { tags: [] as string[] };
}
