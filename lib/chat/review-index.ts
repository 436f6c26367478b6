import "server-only";
import { getDb } from "@/lib/db/client";
import { dateRange, type IndexSort, type ReviewIndexQuery } from "./review-index-query";
import { type Paged, paginate, type ReviewIndexRow, sortRows, speakRate } from "./review-index-rows";
import { type ReviewScope, scopeSql } from "./review-scope";
import { dialect, num, rawDate } from "./review-sql";

export interface ReviewIndex extends Paged<ReviewIndexRow> {
  /** every agent name in the caller's rooms, for the agent filter */
  agentNames: string[];
  /** the caller is in no room at all (as opposed to no room matching the filters) */
  noRooms: boolean;
}

type Raw = Record<string, unknown>;

const TURN_SORTS: ReadonlySet<IndexSort> = new Set([
  "turns",
  "speakRate",
  "silences",
  "dropped",
  "interrupted",
  "credits",
]);
const DELAY_SORTS: ReadonlySet<IndexSort> = new Set(["delayP50", "delayP95"]);

const byRoom = <T>(raw: Raw[], map: (r: Raw) => T) => new Map(raw.map((r) => [String(r.roomId), map(r)]));

/** Per room: turns, decisions, drafts dropped and interrupted, credits (one pass over the covering index). */
async function turnFigures(scope: ReviewScope) {
  const s = scopeSql(dialect(), scope);
  const raw = await getDb().$queryRawUnsafe<Raw[]>(
    `${s.rooms} SELECT t."roomId", COUNT(*) AS turns,
       SUM(CASE WHEN t."decision" = 'speak' THEN 1 ELSE 0 END) AS spoke,
       SUM(CASE WHEN t."decision" = 'stay_silent' THEN 1 ELSE 0 END) AS silences,
       SUM(CASE WHEN t."outcome" IN ('superseded', 'failed') THEN 1 ELSE 0 END) AS dropped,
       SUM(CASE WHEN t."outcome" = 'interrupted' THEN 1 ELSE 0 END) AS interrupted,
       SUM(t."credits") AS credits
     FROM "AgentTurn" t WHERE ${s.where("t", { agent: true, turns: true })} GROUP BY t."roomId"`,
    ...s.params,
  );
  return byRoom(raw, (r) => ({
    turns: num(r.turns) ?? 0,
    spoke: num(r.spoke) ?? 0,
    silences: num(r.silences) ?? 0,
    dropped: num(r.dropped) ?? 0,
    interrupted: num(r.interrupted) ?? 0,
    credits: num(r.credits) ?? 0,
  }));
}

/**
 * Per room, nearest-rank p50 and p95 of message → first bubble over replies: the value at rank
 * ⌈p × n⌉, read from the room's delay index in its order (no sort of every reply in scope).
 */
async function delayFigures(scope: ReviewScope) {
  const d = dialect();
  const s = scopeSql(d, scope);
  const replies = (alias: string, rooms = true) =>
    [
      s.where(alias, { agent: true, turns: true, rooms }),
      `${alias}."outcome" = 'replied'`,
      `${alias}."firstDelayMs" IS NOT NULL`,
    ]
      .filter(Boolean)
      .join(" AND ");
  const rank = (p: number) => `(c.n * ${p} + 99) / 100`;
  const counts = `c AS (
       SELECT t."roomId" AS "roomId", COUNT(*) AS n FROM "AgentTurn" t WHERE ${replies("t")} GROUP BY t."roomId"
     )`;
  // Postgres: per room, the index entry at each rank (OFFSET may depend on the room's count).
  // SQLite refuses that, so it numbers the rows in index order and keeps the two at the ranks.
  const sql =
    d.provider === "postgres"
      ? `${s.rooms}, ${counts}
     SELECT c."roomId", ${[50, 95]
       .map(
         (p) => `(SELECT x."firstDelayMs" FROM "AgentTurn" x
            WHERE x."roomId" = c."roomId" AND ${replies("x", false)}
            ORDER BY x."firstDelayMs" LIMIT 1 OFFSET ${rank(p)} - 1) AS p${p}`,
       )
       .join(", ")}
     FROM c`
      : `${s.rooms}, ${counts}, ranked AS (
       SELECT t."roomId" AS "roomId", t."firstDelayMs" AS ms,
         ROW_NUMBER() OVER (PARTITION BY t."roomId" ORDER BY t."firstDelayMs") AS rn
       FROM "AgentTurn" t WHERE ${replies("t")}
     )
     SELECT r."roomId", MAX(CASE WHEN r.rn = ${rank(50)} THEN r.ms END) AS p50,
       MAX(CASE WHEN r.rn = ${rank(95)} THEN r.ms END) AS p95
     FROM ranked r JOIN c ON c."roomId" = r."roomId"
     WHERE r.rn = ${rank(50)} OR r.rn = ${rank(95)}
     GROUP BY r."roomId"`;
  const raw = await getDb().$queryRawUnsafe<Raw[]>(sql, ...s.params);
  return byRoom(raw, (r) => ({ p50: num(r.p50), p95: num(r.p95) }));
}

/**
 * The caller's rooms with their figures, filtered, sorted and paged on the server.
 *
 * Rooms and their messages (count, latest) are cheap and read for every room in scope. The
 * turn figures and the delay percentiles cost a pass over every turn in scope, so they are
 * computed for all rooms only when the sort needs them, and otherwise for the page's rooms
 * alone: the first page of a reviewer with hundreds of rooms reads a page's worth of turns.
 */
export async function listReviewIndex(userId: string, query: ReviewIndexQuery): Promise<ReviewIndex> {
  const db = getDb();
  const d = dialect();
  const { since, until } = dateRange(query);
  const scope: ReviewScope = { userId, q: query.q, agent: query.agent, since, until };
  const s = scopeSql(d, scope);
  const byTurns = TURN_SORTS.has(query.sort);
  const byDelay = DELAY_SORTS.has(query.sort);

  const [rooms, messages, agents, anyRoom, allTurns, allDelays] = await Promise.all([
    db.$queryRawUnsafe<Raw[]>(
      `${s.rooms} SELECT r."id", r."name", (SELECT COUNT(*) FROM "Agent" a WHERE a."roomId" = r."id") AS "agentCount"
       FROM "Room" r WHERE r."id" IN (SELECT id FROM rooms)`,
      ...s.roomParams,
    ),
    db.$queryRawUnsafe<Raw[]>(
      `${s.rooms} SELECT c."roomId", COUNT(*) AS n, MAX(c."createdAt") AS "last"
       FROM "ChatMessage" c WHERE ${s.where("c")} GROUP BY c."roomId"`,
      ...s.params,
    ),
    db.$queryRawUnsafe<Raw[]>(
      `SELECT DISTINCT a."name" FROM "Agent" a JOIN "RoomMember" m ON m."roomId" = a."roomId"
       WHERE m."userId" = ${d.p(1)} ORDER BY a."name"`,
      userId,
    ),
    db.roomMember.findFirst({ where: { userId }, select: { id: true } }),
    byTurns ? turnFigures(scope) : null,
    byDelay ? delayFigures(scope) : null,
  ]);

  const messageBy = byRoom(messages, (r) => ({ n: num(r.n) ?? 0, last: rawDate(r.last) }));
  const dated = since !== undefined || until !== undefined;
  const blank = (room: Raw): ReviewIndexRow => {
    const id = String(room.id);
    const m = messageBy.get(id);
    return {
      id,
      name: String(room.name),
      agentCount: num(room.agentCount) ?? 0,
      messages: m?.n ?? 0,
      turns: 0,
      spoke: 0,
      silences: 0,
      speakRate: null,
      dropped: 0,
      interrupted: 0,
      credits: 0,
      delayP50: null,
      delayP95: null,
      lastActivity: m?.last?.toISOString() ?? null,
    };
  };
  const fill = (
    row: ReviewIndexRow,
    turns: Awaited<ReturnType<typeof turnFigures>> | null,
    delays: Awaited<ReturnType<typeof delayFigures>> | null,
  ) => {
    const t = turns?.get(row.id);
    if (t) Object.assign(row, t, { speakRate: speakRate(t.spoke, t.silences) });
    const dl = delays?.get(row.id);
    if (dl) Object.assign(row, { delayP50: dl.p50, delayP95: dl.p95 });
  };

  // A date range shows the rooms where something was said in it (turns always follow a message).
  const rows = rooms.map(blank).filter((r) => !dated || r.messages > 0);
  for (const row of rows) fill(row, allTurns, allDelays);
  const page = paginate(sortRows(rows, query.sort, query.dir), query.page, query.size);
  if ((!byTurns || !byDelay) && page.rows.length > 0) {
    const only = page.rows.map((r) => r.id);
    const [turns, delays] = await Promise.all([
      byTurns ? null : turnFigures({ ...scope, only }),
      byDelay ? null : delayFigures({ ...scope, only }),
    ]);
    for (const row of page.rows) fill(row, turns, delays);
  }
  return { ...page, agentNames: agents.map((a) => String(a.name)), noRooms: anyRoom === null };
}
