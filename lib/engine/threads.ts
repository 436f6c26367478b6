import type { Db } from "../db/client";
import type { EngineThread } from "../generated/sqlite/client";
import { notFound } from "./errors";

export type ThreadRow = EngineThread;

// Thread ids are only unique per owner: another account's id simply reads as absent.
export function findThread(db: Db, accountId: string, threadId: string): Promise<ThreadRow | null> {
  return db.engineThread.findUnique({ where: { accountId_id: { accountId, id: threadId } } });
}

export async function requireThread(db: Db, accountId: string, threadId: string): Promise<ThreadRow> {
  const thread = await findThread(db, accountId, threadId);
  if (!thread) throw notFound(`thread ${threadId} not found`);
  return thread;
}

export interface SocialSignalsConfig {
  channel_id?: string;
}

export function socialSignals(thread: Pick<ThreadRow, "integrations">): SocialSignalsConfig | null {
  if (!thread.integrations) return null;
  const parsed = JSON.parse(thread.integrations) as { social_signals?: SocialSignalsConfig };
  return parsed.social_signals ?? null;
}
