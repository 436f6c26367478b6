import type { ActionContext } from "../context";
import { newRowId } from "../ids";
import { envelope } from "../realtime/frames";
import { parseBody, recordEventSchema } from "../schemas";
import type { SignalKind } from "../signals/vocabulary";
import { insertEvent } from "../store/queries/events";
import { selectLastSentBy } from "../store/queries/messages";
import { toDate } from "../store/sql";
import { requireThread, socialSignals } from "../threads";

export async function recordEvent(ctx: ActionContext, body: unknown) {
  const input = parseBody(recordEventSchema, body);
  const thread = await requireThread(ctx.sql, ctx.principal.accountId, input.thread_id);
  const now = Date.now();
  const at = input.client_ts ? new Date(input.client_ts) : null;
  ctx.events.noteRecorded(thread.pk, now);
  const insert = insertEvent({
    pk: newRowId(),
    threadPk: thread.pk,
    type: input.type,
    sender: input.sender,
    clientTs: at,
    receivedAt: new Date(now),
  });
  await ctx.sql.run(insert.sql, insert.args);
  if (socialSignals(thread)) {
    const kind = await signalFor(ctx, thread.pk, input.type, input.sender, at?.getTime() ?? now);
    if (kind) {
      ctx.hub.publish(
        thread.pk,
        envelope("turn_taking.signal", thread.id, { thread_id: thread.id, user_id: input.sender, kind }),
      );
    }
  }
  return { tags: [] as string[] };
}

async function signalFor(
  ctx: ActionContext,
  threadPk: string,
  type: "typing_start" | "typing_stop" | "message_edited",
  sender: string,
  at: number,
): Promise<SignalKind | null> {
  if (type === "typing_start") return "typing_started";
  if (type === "message_edited") return "message_edited";
  // typing_stop: abandoned when nothing was sent since this person started typing.
  const events = await ctx.events.recent(threadPk, at);
  const started = events.filter((e) => e.sender === sender && e.type === "typing_start").at(-1);
  if (!started) return null;
  const query = selectLastSentBy(threadPk, sender);
  const [sent] = await ctx.sql.all<{ receivedAt: unknown; clientTs: unknown }>(query.sql, query.args);
  const sentAt = sent ? toDate(sent.clientTs ?? sent.receivedAt).getTime() : null;
  return sentAt !== null && sentAt >= started.at ? null : "typing_abandoned";
}
