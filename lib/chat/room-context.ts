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

const AGENT_SELECT = AGENT_COLUMNS.map((c) => `a."${c}" AS "agent_${c}"`).join(", ");

// One row per agent (or one without, for a room with none), membership and room repeated: the
// hottest path of a busy room reads in one round trip what membership and agentsOf read in four.
const POSTING = (p: (i: number) => string) =>
  `SELECT r."name" AS "roomName", r."createdById", u."name" AS "userName", ${AGENT_SELECT}
   FROM "RoomMember" m
   JOIN "Room" r ON r."id" = m."roomId"
   JOIN "User" u ON u."id" = m."userId"
   LEFT JOIN "Agent" a ON a."roomId" = m."roomId"
   WHERE m."roomId" = ${p(1)} AND m."userId" = ${p(2)}
   ORDER BY a."createdAt" ASC, a."id" ASC`;
/** The same for an agent's reply heard by the others: the room and its agents. */
const ROOM = (p: (i: number) => string) =>
  `SELECT r."name" AS "roomName", r."createdById", ${AGENT_SELECT}
   FROM "Room" r
   LEFT JOIN "Agent" a ON a."roomId" = r."id"
   WHERE r."id" = ${p(1)}
   ORDER BY a."createdAt" ASC, a."id" ASC`;
const dollar = (i: number) => `$${i}`;
const question = (i: number) => `?${i}`;
const SQL = {
  posting: { postgres: POSTING(dollar), sqlite: POSTING(question) },
  room: { postgres: ROOM(dollar), sqlite: ROOM(question) },
};

async function query(name: keyof typeof SQL, ...args: string[]): Promise<Row[]> {
  const postgres = databaseProvider(process.env.DATABASE_URL) === "postgres";
  return getDb().$queryRawUnsafe<Row[]>(SQL[name][postgres ? "postgres" : "sqlite"], ...args);
}

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

const agentsIn = (rows: Row[], roomId: string) =>
  rows.filter((r) => r.agent_id !== null && r.agent_id !== undefined).map((r) => toAgent(r, roomId));

/** The sender's membership (404 when they are not in the room, as requireMember), the room and its agents. */
export async function postingContext(roomId: string, userId: string): Promise<PostingContext> {
  const rows = await query("posting", roomId, userId);
  const first = rows[0];
  if (!first) throw notFound("room");
  return {
    userName: first.userName === null ? null : String(first.userName),
    room: { name: String(first.roomName), createdById: String(first.createdById) },
    agents: agentsIn(rows, roomId),
  };
}

/** The room (null when it is gone) and its agents, oldest first. */
export async function roomAgents(roomId: string): Promise<Omit<PostingContext, "userName"> | null> {
  const rows = await query("room", roomId);
  const first = rows[0];
  if (!first) return null;
  return {
    room: { name: String(first.roomName), createdById: String(first.createdById) },
    agents: agentsIn(rows, roomId),
  };
}
