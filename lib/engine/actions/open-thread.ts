import type { ActionContext } from "../context";
import { newRowId, newThreadId } from "../ids";
import { channelOf } from "../realtime/frames";
import { GRANT_TTL_MS, issueGrant } from "../realtime/grants";
import { WS_PATH } from "../realtime/socket-server";
import { openThreadSchema, parseBody } from "../schemas";
import { insertThread, updateReopenedThread } from "../store/queries/threads";
import type { ThreadRow } from "../threads";
import { formatTimestamp } from "../time";

export async function openThread(ctx: ActionContext, body: unknown) {
  const input = parseBody(openThreadSchema, body);
  const accountId = ctx.principal.accountId;
  const threadId = input.thread_id?.toLowerCase() ?? newThreadId();
  const integrations = input.integrations === undefined ? undefined : JSON.stringify(input.integrations);

  const thread = await ctx.threadLocks.run(`${accountId}:${threadId}`, async (): Promise<ThreadRow> => {
    const existing = await ctx.threads.find(accountId, threadId);
    const now = Date.now();
    if (existing) {
      // updated_at strictly increases on every re-open, even within one millisecond.
      const updatedAt = new Date(Math.max(now, existing.updatedAt.getTime() + 1));
      // Like integrations: replaced by a re-open that sends it, kept by one that omits it.
      const nextIntegrations = integrations ?? existing.integrations;
      const interruptible = input.interruptible ?? existing.interruptible;
      const update = updateReopenedThread(existing.pk, updatedAt, nextIntegrations, interruptible);
      await ctx.sql.run(update.sql, update.args);
      const updated = { ...existing, updatedAt, integrations: nextIntegrations, interruptible };
      ctx.threads.remember(updated);
      return updated;
    }
    const created: ThreadRow = {
      pk: newRowId(),
      id: threadId,
      accountId,
      createdAt: new Date(now),
      updatedAt: new Date(now),
      turnEpoch: 0,
      integrations: integrations ?? null,
      agentName: null,
      interruptible: input.interruptible ?? false,
    };
    const insert = insertThread(created);
    await ctx.sql.run(insert.sql, insert.args);
    ctx.threads.remember(created);
    return created;
  });

  const expiresAt = Date.now() + GRANT_TTL_MS;
  const token = issueGrant(ctx.grantSecret, {
    accountId,
    threadPk: thread.pk,
    threadId: thread.id,
    expiresAt,
  });
  const wsBase = ctx.publicWsUrl ?? ctx.origin.replace(/^http/, "ws");
  return {
    thread: {
      id: thread.id,
      user_id: accountId,
      created_at: formatTimestamp(thread.createdAt),
      updated_at: formatTimestamp(thread.updatedAt),
    },
    channel: channelOf(thread.id),
    realtime: { connect_url: `${wsBase}${WS_PATH}?token=${token}`, expires_at: formatTimestamp(expiresAt) },
  };
}
