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
  const rows = await sql.all<Record<string, unknown>>(
    `SELECT "type","sender","clientTs","receivedAt" FROM "EngineEvent"
     WHERE "threadPk" = ? AND "receivedAt" >= ? ORDER BY "receivedAt" ASC`,
    [threadPk, new Date(now - EVENT_LOOKBACK_MS)],
  );
  return rows.map((r) => ({
    type: String(r.type) as ThreadEvent["type"],
    sender: String(r.sender),
    at: toDate(r.clientTs ?? r.receivedAt).getTime(),
  }));
}
