import "server-only";
import { getDb } from "@/lib/db/client";
import { databaseProvider } from "@/lib/db/url";
import type { Agent } from "@/lib/generated/sqlite/client";
import { notFound } from "./errors";
import { num, rawDate } from "./review-sql";

/** What storing a person's message and asking the agents need to know first. */
export interface PostingContext {
  /** the sender's own name, as stored (null for an account without one) */
  userName: string | null;
  room: { name: string; createdById: string };
  /** the room's agents, oldest first */
  agents: Agent[];
}

const AGENT_COLUMNS = [
  "id",
  "name",
  "color",
  "persona",
  "systemPrompt",
  "modelId",
  "typingWpm",
  "readingDelayMs",
  "maxTypingMs",
  "forwardness",
  "threadId",
  "createdAt",
  "updatedAt",
] as const;

// One row per agent (or one without, for a room with none), membership and room repeated: the
// hottest path of a busy room reads in one round trip what membership and agentsOf read in four.
const SQL = (p: (i: number) => string) =>
  `SELECT r."name" AS "roomName", r."createdById", u."name" AS "userName",
          ${AGENT_COLUMNS.map((c) => `a."${c}" AS "agent_${c}"`).join(", ")}
   FROM "RoomMember" m
   JOIN "Room" r ON r."id" = m."roomId"
   JOIN "User" u ON u."id" = m."userId"
   LEFT JOIN "Agent" a ON a."roomId" = m."roomId"
   WHERE m."roomId" = ${p(1)} AND m."userId" = ${p(2)}
   ORDER BY a."createdAt" ASC, a."id" ASC`;
const SQL_POSTGRES = SQL((i) => `$${i}`);
const SQL_SQLITE = SQL((i) => `?${i}`);

type Row = Record<string, unknown>;

function toAgent(row: Row, roomId: string): Agent {
  const text = (c: string) => String(row[`agent_${c}`]);
  const number = (c: string) => num(row[`agent_${c}`]) ?? 0;
  return {
    id: text("id"),
    roomId,
    name: text("name"),
    color: text("color"),
    persona: text("persona"),
    systemPrompt: text("systemPrompt"),
    modelId: text("modelId"),
    typingWpm: number("typingWpm"),
    readingDelayMs: number("readingDelayMs"),
    maxTypingMs: number("maxTypingMs"),
    forwardness: number("forwardness"),
    threadId: text("threadId"),
    createdAt: rawDate(row.agent_createdAt) ?? new Date(0),
    updatedAt: rawDate(row.agent_updatedAt) ?? new Date(0),
  };
}

/** The sender's membership (404 when they are not in the room, as requireMember), the room and its agents. */
export async function postingContext(roomId: string, userId: string): Promise<PostingContext> {
  const postgres = databaseProvider(process.env.DATABASE_URL) === "postgres";
  const rows = await getDb().$queryRawUnsafe<Row[]>(postgres ? SQL_POSTGRES : SQL_SQLITE, roomId, userId);
  const first = rows[0];
  if (!first) throw notFound("room");
  return {
    userName: first.userName === null ? null : String(first.userName),
    room: { name: String(first.roomName), createdById: String(first.createdById) },
    agents: rows
      .filter((r) => r.agent_id !== null && r.agent_id !== undefined)
      .map((r) => toAgent(r, roomId)),
  };
}
