// The rooms and turns a review view covers, as SQL: the caller's rooms narrowed by name and
// agent, and turns narrowed by date and agent. Shared by the index and the charts so both
// count the same things. Parameters are bound, never spliced into the text.

import { containsPattern, type Dialect } from "./review-sql";
import { sqlParams } from "./sql-params";

export interface ReviewScope {
  userId: string;
  /** one room (the room's charts); membership still applies */
  roomId?: string;
  /** only these rooms (the rooms of one page) */
  only?: readonly string[];
  q?: string;
  agent?: string;
  since?: Date;
  until?: Date;
  /**
   * The rooms in scope are most of the database's rooms (see `coversMostRooms`): turns are read
   * in the order of an index that fits the query, the room checked per turn, rather than
   * sought room by room and sorted.
   */
  mostRooms?: boolean;
}

export interface ScopedSql {
  /** `WITH rooms AS (…)`: the ids of the rooms in scope, as column "id" */
  rooms: string;
  /**
   * Extra conditions on a table aliased `alias` with "roomId" and "createdAt" (and "agentName"
   * when `agent`). For AgentTurn (`turns`), whole-day bounds are checked on its "day" column,
   * which its review indexes hold. `rooms: false` leaves out the room conditions.
   */
  where(alias: string, opts?: { agent?: boolean; turns?: boolean; rooms?: boolean }): string;
  /** the parameters of a query that uses `where` */
  params: unknown[];
  /** the parameters of a query that uses only `rooms` (Postgres refuses parameters a query leaves unused) */
  roomParams: unknown[];
}

export function scopeSql(d: Dialect, scope: ReviewScope): ScopedSql {
  const { params, bind, bindDate } = sqlParams(d);
  const roomConds = [`m."userId" = ${bind(scope.userId)}`];
  const roomId = scope.roomId ? bind(scope.roomId) : null;
  if (roomId) roomConds.push(`m."roomId" = ${roomId}`);
  if (scope.only) roomConds.push(`r."id" IN (${scope.only.map((id) => bind(id)).join(", ") || "NULL"})`);
  if (scope.q) roomConds.push(`r."name" ${d.ilike} ${bind(containsPattern(scope.q))} ESCAPE '\\'`);
  const agent = scope.agent ? bind(scope.agent) : null;
  if (agent)
    roomConds.push(`EXISTS (SELECT 1 FROM "Agent" a WHERE a."roomId" = r."id" AND a."name" = ${agent})`);
  const roomParams = [...params];
  const since = scope.since ? bindDate(scope.since) : null;
  const until = scope.until ? bindDate(scope.until) : null;
  // Whole-day bounds as days, from the same parameters (Postgres refuses a parameter left unused).
  const sinceDay = since && scope.since && wholeDay(scope.since) ? d.day(since) : null;
  const untilDay = until && scope.until && wholeDay(scope.until) ? d.day(until) : null;
  const roomCol = (alias: string) =>
    scope.mostRooms && !roomId && !scope.only ? d.noSeek(`${alias}."roomId"`) : `${alias}."roomId"`;
  const rooms = `WITH rooms AS (SELECT r."id" AS id FROM "RoomMember" m JOIN "Room" r ON r."id" = m."roomId" WHERE ${roomConds.join(" AND ")})`;
  return {
    rooms,
    params,
    roomParams,
    where(alias, opts = {}) {
      // One room: an equality the planner turns into a seek on the room's index entries.
      // `rooms: false` leaves the room to the caller (a subquery tied to a room already in scope).
      const c = opts.rooms === false ? [] : [`${roomCol(alias)} IN (SELECT id FROM rooms)`];
      if (roomId && opts.rooms !== false) c.push(`${alias}."roomId" = ${roomId}`);
      if (opts.turns && sinceDay) c.push(`${alias}."day" >= ${sinceDay}`);
      else if (since) c.push(`${alias}."createdAt" >= ${since}`);
      if (opts.turns && untilDay) c.push(`${alias}."day" < ${untilDay}`);
      else if (until) c.push(`${alias}."createdAt" < ${until}`);
      if (opts.agent && agent) c.push(`${alias}."agentName" = ${agent}`);
      return c.join(" AND ");
    },
  };
}

/** A UTC midnight. */
function wholeDay(at: Date): boolean {
  return at.getTime() % 86_400_000 === 0;
}
