import { LruMap } from "../collections/lru-map";
import type { ChatLine } from "./decide/types";
import { HISTORY_LIMIT } from "./history-limit";
import { selectLatestLines } from "./store/queries/messages";
import type { Sql } from "./store/sql";
import { toBool, toDate } from "./store/sql";

export { HISTORY_LIMIT };

const CACHED_THREADS = 5000;

async function loadFromDb(sql: Sql, threadPk: string, limit: number): Promise<ChatLine[]> {
  const query = selectLatestLines(threadPk, limit);
  const rows = await sql.all<Record<string, unknown>>(query.sql, query.args);
  return rows.reverse().map((r) => ({
    sender: String(r.sender),
    content: String(r.content),
    ts: toDate(r.clientTs ?? r.receivedAt).getTime(),
    ...(toBool(r.self) ? { self: true } : {}),
  }));
}

/**
 * The last lines of each thread, as the decider sees them. Reading 200 rows per call
 * was most of submit_messages' cost, so with SQLite (one engine process owns the file)
 * the lines are kept in memory and appended as this process writes them. With Postgres
 * several engine instances may write one thread, so every call reads the database.
 */
export class ThreadHistory {
  private readonly cache: LruMap<string, ChatLine[]>;

  constructor(
    private readonly sql: Sql,
    private readonly limit = HISTORY_LIMIT,
  ) {
    this.cache = new LruMap(CACHED_THREADS);
  }

  private get cached(): boolean {
    return this.sql.dialect === "sqlite";
  }

  async load(threadPk: string): Promise<ChatLine[]> {
    const hit = this.cache.get(threadPk);
    if (hit) return hit.slice();
    const lines = await loadFromDb(this.sql, threadPk, this.limit);
    if (this.cached) this.cache.set(threadPk, lines);
    return lines.slice();
  }

  /** The cached lines may no longer match the database: read them again next time. */
  forget(threadPk: string): void {
    this.cache.delete(threadPk);
  }

  /** Call after the lines are committed. */
  append(threadPk: string, lines: ChatLine[]): void {
    const current = this.cache.peek(threadPk);
    if (!current) return;
    current.push(...lines);
    if (current.length > this.limit) current.splice(0, current.length - this.limit);
  }
}
