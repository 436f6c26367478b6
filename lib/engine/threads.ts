import { LruMap } from "../collections/lru-map";
import { notFound } from "./errors";
import { selectThread } from "./store/queries/threads";
import type { Sql } from "./store/sql";
import { toBool, toDate } from "./store/sql";

export interface ThreadRow {
  pk: string;
  id: string;
  accountId: string;
  createdAt: Date;
  updatedAt: Date;
  turnEpoch: number;
  integrations: string | null;
  agentName: string | null;
  /** Engine extension: a batch from someone else cancels the agent's reply before its first bubble. */
  interruptible: boolean;
}

function toThread(r: Record<string, unknown>): ThreadRow {
  return {
    pk: String(r.pk),
    id: String(r.id),
    accountId: String(r.accountId),
    createdAt: toDate(r.createdAt),
    updatedAt: toDate(r.updatedAt),
    turnEpoch: Number(r.turnEpoch),
    integrations: r.integrations === null ? null : String(r.integrations),
    agentName: r.agentName === null ? null : String(r.agentName),
    interruptible: toBool(r.interruptible),
  };
}

// Thread ids are only unique per owner: another account's id simply reads as absent.
export async function findThread(sql: Sql, accountId: string, threadId: string): Promise<ThreadRow | null> {
  const query = selectThread(accountId, threadId.toLowerCase());
  const [row] = await sql.all(query.sql, query.args);
  return row ? toThread(row) : null;
}

function found(thread: ThreadRow | null, threadId: string): ThreadRow {
  if (!thread) throw notFound(`thread ${threadId} not found`);
  return thread;
}

export async function requireThread(sql: Sql, accountId: string, threadId: string): Promise<ThreadRow> {
  return found(await findThread(sql, accountId, threadId), threadId);
}

export interface SocialSignalsConfig {
  channel_id?: string;
}

export function socialSignals(thread: Pick<ThreadRow, "integrations">): SocialSignalsConfig | null {
  if (!thread.integrations) return null;
  const parsed = JSON.parse(thread.integrations) as { social_signals?: SocialSignalsConfig };
  return parsed.social_signals ?? null;
}

const CACHED_THREADS = 5000;

/**
 * Thread rows in memory, so the calls on a thread do not read it back each time.
 * Only with SQLite, where this process is the engine tables' only writer; and only
 * under the thread's lock, which is where every change to a thread is made
 * (open_thread, submit_messages, respond), each followed by `remember`.
 */
export class ThreadCache {
  private readonly rows = new LruMap<string, ThreadRow>(CACHED_THREADS);

  constructor(private readonly sql: Sql) {}

  async find(accountId: string, threadId: string): Promise<ThreadRow | null> {
    const hit = this.rows.get(`${accountId}:${threadId.toLowerCase()}`);
    if (hit) return hit;
    const row = await findThread(this.sql, accountId, threadId);
    if (row) this.remember(row);
    return row;
  }

  async require(accountId: string, threadId: string): Promise<ThreadRow> {
    return found(await this.find(accountId, threadId), threadId);
  }

  /** Call after the change is committed. */
  remember(row: ThreadRow): void {
    if (this.sql.dialect === "sqlite") this.rows.set(`${row.accountId}:${row.id}`, row);
  }

  /** The row may no longer match the database: read it again next time. */
  forget(row: Pick<ThreadRow, "accountId" | "id">): void {
    this.rows.delete(`${row.accountId}:${row.id}`);
  }
}
