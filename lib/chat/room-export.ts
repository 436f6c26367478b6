import "server-only";
import { getDb } from "@/lib/db/client";
import { type CsvValue, csvRow } from "./csv";
import { paged } from "./text-stream";
import { reasonsFor } from "./turn-reasons";

// A room's record, streamed: each kind read a page at a time by a cursor on its index, so a
// room of any size costs one page of memory. JSON is one document written as it is read;
// CSV is one kind per file (RFC 4180, with a header row).

export const EXPORT_KINDS = ["messages", "turns", "bubbles", "annotations"] as const;
export type ExportKind = (typeof EXPORT_KINDS)[number];

const PAGE = 500;
type Row = Record<string, unknown>;
type Cursor = { createdAt: Date; id: string };

/** Rows after the cursor in (createdAt, id) order. */
const after = (cursor: Cursor | null) =>
  cursor
    ? {
        OR: [{ createdAt: { gt: cursor.createdAt } }, { createdAt: cursor.createdAt, id: { gt: cursor.id } }],
      }
    : {};
const byTime = [{ createdAt: "asc" as const }, { id: "asc" as const }];
const cursorOf = (row: { createdAt: Date; id: string }) => ({ createdAt: row.createdAt, id: row.id });

/** Pages of records of one kind. */
async function* chunks<T>(rows: AsyncGenerator<T>, size = PAGE): AsyncGenerator<T[]> {
  let page: T[] = [];
  for await (const row of rows) {
    page.push(row);
    if (page.length >= size) {
      yield page;
      page = [];
    }
  }
  if (page.length > 0) yield page;
}

export const COLUMNS: Record<ExportKind, readonly string[]> = {
  messages: [
    "id",
    "seq",
    "authorType",
    "senderName",
    "userId",
    "agentId",
    "content",
    "replyKey",
    "position",
    "createdAt",
    "editedAt",
  ],
  turns: [
    "id",
    "agentId",
    "agentName",
    "heardFrom",
    "heardFromAgent",
    "heard",
    "decision",
    "outcome",
    "turnEpoch",
    "score",
    "reasons",
    "tags",
    "credits",
    "draft",
    "replyKey",
    "systemPrompt",
    "forwardness",
    "firstBubbleAt",
    "lastBubbleAt",
    "createdAt",
  ],
  bubbles: [
    "id",
    "agentId",
    "senderName",
    "scheduleId",
    "replyKey",
    "position",
    "content",
    "status",
    "deliverAt",
    "shownAt",
    "createdAt",
  ],
  annotations: ["id", "turnId", "userId", "reviewer", "verdict", "note", "createdAt", "updatedAt"],
};

async function* messagePages(roomId: string): AsyncGenerator<Row[]> {
  const db = getDb();
  yield* chunks(
    paged(
      (cursor: number | null) =>
        db.chatMessage.findMany({
          where: { roomId, ...(cursor !== null ? { seq: { gt: cursor } } : {}) },
          orderBy: { seq: "asc" },
          take: PAGE,
        }),
      (m) => m.seq,
    ),
  );
}

async function* turnPages(roomId: string): AsyncGenerator<Row[]> {
  const db = getDb();
  const agents = await db.agent.findMany({ where: { roomId }, select: { id: true, threadId: true } });
  const threads = new Map(agents.map((a) => [a.id, a.threadId]));
  const rows = paged(
    (cursor: Cursor | null) =>
      db.agentTurn.findMany({ where: { roomId, ...after(cursor) }, orderBy: byTime, take: PAGE }),
    cursorOf,
  );
  for await (const page of chunks(rows)) {
    const reasons = await reasonsFor(page, threads);
    yield page.map(({ roomId: _room, updatedAt: _updated, ...turn }) => ({
      ...turn,
      tags: safeJson(turn.tags),
      score: reasons.get(turn.id)?.score ?? null,
      reasons: reasons.get(turn.id)?.reasons ?? null,
    }));
  }
}

async function* bubblePages(roomId: string): AsyncGenerator<Row[]> {
  const db = getDb();
  yield* chunks(
    paged(
      (cursor: Cursor | null) =>
        db.agentBubble.findMany({ where: { roomId, ...after(cursor) }, orderBy: byTime, take: PAGE }),
      cursorOf,
    ),
  );
}

async function* annotationPages(roomId: string): AsyncGenerator<Row[]> {
  const db = getDb();
  const rows = paged(
    (cursor: Cursor | null) =>
      db.turnAnnotation.findMany({
        where: { roomId, ...after(cursor) },
        orderBy: byTime,
        take: PAGE,
        include: { user: { select: { name: true } } },
      }),
    cursorOf,
  );
  for await (const page of chunks(rows))
    yield page.map(({ user, roomId: _room, ...a }) => ({ ...a, reviewer: user.name?.trim() || "Someone" }));
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

const PAGES: Record<ExportKind, (roomId: string) => AsyncGenerator<Row[]>> = {
  messages: messagePages,
  turns: turnPages,
  bubbles: bubblePages,
  annotations: annotationPages,
};

/** Only the export's columns, in order (a column added to the schema is not exported by accident). */
const pick = (kind: ExportKind, row: Row) =>
  Object.fromEntries(COLUMNS[kind].map((c) => [c, row[c] ?? null]));

const cell = (value: unknown): CsvValue =>
  value === null || value === undefined || value instanceof Date || typeof value !== "object"
    ? (value as CsvValue)
    : JSON.stringify(value);

/** One kind as CSV: a header row, then a row per record. */
export async function* csvExport(roomId: string, kind: ExportKind): AsyncGenerator<string> {
  yield csvRow(COLUMNS[kind]);
  for await (const page of PAGES[kind](roomId))
    yield page.map((row) => csvRow(COLUMNS[kind].map((c) => cell(row[c])))).join("");
}

/** The whole room as one JSON document, written as it is read. */
export async function* jsonExport(room: {
  id: string;
  name: string;
  createdAt: Date;
}): AsyncGenerator<string> {
  const agents = await getDb().agent.findMany({
    where: { roomId: room.id },
    orderBy: { createdAt: "asc" },
    select: { id: true, name: true, persona: true, systemPrompt: true, forwardness: true, createdAt: true },
  });
  const head = {
    format: "roundtable-room-export",
    version: 1,
    exportedAt: new Date().toISOString(),
    room: { id: room.id, name: room.name, createdAt: room.createdAt.toISOString() },
    agents,
  };
  yield JSON.stringify(head).slice(0, -1);
  for (const kind of EXPORT_KINDS) {
    yield `,\n${JSON.stringify(kind)}:[`;
    let first = true;
    for await (const page of PAGES[kind](room.id)) {
      const text = page.map((row) => JSON.stringify(pick(kind, row))).join(",\n");
      yield `${first ? "\n" : ",\n"}${text}`;
      first = false;
    }
    yield "]";
  }
  yield "}\n";
}
