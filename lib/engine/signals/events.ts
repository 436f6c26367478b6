import { LruMap } from "../../collections/lru-map";
import { selectEventsSince } from "../store/queries/events";
import type { Sql } from "../store/sql";
import { toDate } from "../store/sql";
import { EVENT_LOOKBACK_MS } from "./vocabulary";

export interface ThreadEvent {
  type: "typing_start" | "typing_stop" | "message_edited";
  sender: string;
  at: number;
}

/** record_event history of the last minute, oldest first; client_ts when given, else receipt time. */
export async function recentEvents(sql: Sql, threadPk: string, now: number): Promise<ThreadEvent[]> {
  const query = selectEventsSince(threadPk, new Date(now - EVENT_LOOKBACK_MS));
  const rows = await sql.all<Record<string, unknown>>(query.sql, query.args);
  return rows.map((r) => ({
    type: String(r.type) as ThreadEvent["type"],
    sender: String(r.sender),
    at: toDate(r.clientTs ?? r.receivedAt).getTime(),
  }));
}

const TRACKED_THREADS = 20_000;

/**
 * Most threads have no typing or edit events in the last minute; with SQLite (this
 * process records every event) the time of each thread's latest event is kept, so
 * those threads skip the query. Postgres is shared by instances: it always reads.
 */
export class RecentEvents {
  private readonly latest = new LruMap<string, number>(TRACKED_THREADS);

  constructor(private readonly sql: Sql) {}

  /** Call before writing an event, so a concurrent read does not skip it. */
  noteRecorded(threadPk: string, receivedAt: number): void {
    if (this.sql.dialect === "sqlite") this.latest.set(threadPk, receivedAt);
  }

  async recent(threadPk: string, now: number): Promise<ThreadEvent[]> {
    const latest = this.latest.get(threadPk);
    if (latest !== undefined && latest < now - EVENT_LOOKBACK_MS) return [];
    const events = await recentEvents(this.sql, threadPk, now);
    // Nothing in the window: remember that, as if the latest event were just older than it.
    if (events.length === 0 && !this.latest.has(threadPk))
      this.noteRecorded(threadPk, now - EVENT_LOOKBACK_MS - 1);
    return events;
  }
}
