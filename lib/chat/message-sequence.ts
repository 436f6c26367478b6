import "server-only";
import { randomUUID } from "node:crypto";
import { getDb } from "@/lib/db/client";
import { databaseProvider } from "@/lib/db/url";
import type { AgentBubble, ChatMessage } from "@/lib/generated/sqlite/client";
import { bubbleKey } from "./bubble-key";

export interface NewMessage {
  roomId: string;
  authorType: "user" | "agent" | "system";
  userId?: string | null;
  agentId?: string | null;
  senderName: string;
  content: string;
  deliveryId?: string | null;
  replyKey?: string | null;
  position?: number | null;
}

/**
 * Room messages get their seq from the room's RoomSeq row, bumped (upserted) in the same
 * statement or transaction that stores the message: the row stays locked until commit, so
 * messages commit in seq order on every instance, and a reader that has seen seq N has every
 * message before it.
 *
 * On Postgres each write is one statement (a data-modifying CTE): a message costs one round
 * trip instead of six, which is most of what a busy room spends. SQLite runs the same steps
 * in one transaction of its single writer.
 */
const onPostgres = () => databaseProvider(process.env.DATABASE_URL) === "postgres";

/** The room's next seq, as a statement returning "lastSeq" (nothing when the room is gone). */
const BUMP_SEQ = (roomId: string) =>
  `INSERT INTO "RoomSeq" ("roomId", "lastSeq") SELECT ${roomId}, 1 WHERE EXISTS (SELECT 1 FROM "Room" WHERE "id" = ${roomId})
   ON CONFLICT ("roomId") DO UPDATE SET "lastSeq" = "RoomSeq"."lastSeq" + 1 RETURNING "lastSeq"`;

type Tx = Parameters<Parameters<ReturnType<typeof getDb>["$transaction"]>[0]>[0];

async function bumpSeqSqlite(tx: Tx, roomId: string): Promise<number | null> {
  const rows = await tx.$queryRawUnsafe<{ lastSeq: number | bigint }[]>(BUMP_SEQ("?1"), roomId);
  return rows[0] ? Number(rows[0].lastSeq) : null;
}

/** The columns a message is stored with, in the order the Postgres statements below give them. */
const INSERT_MESSAGE = `INSERT INTO "ChatMessage" ("id","roomId","seq","authorType","userId","agentId","senderName","content","deliveryId","replyKey","position","createdAt")`;

/** A message row as stored, before its seq is known. */
function messageRow(input: NewMessage, createdAt: Date): ChatMessage {
  return {
    id: randomUUID(),
    roomId: input.roomId,
    seq: 0,
    authorType: input.authorType,
    userId: input.userId ?? null,
    agentId: input.agentId ?? null,
    senderName: input.senderName,
    content: input.content,
    deliveryId: input.deliveryId ?? null,
    replyKey: input.replyKey ?? null,
    position: input.position ?? null,
    createdAt,
    editedAt: null,
  };
}

/** Postgres stores DateTime as timestamp(3) in UTC without a zone. */
const pgTimestamp = (date: Date) => date.toISOString().replace("Z", "");

/** Stores a message under its room's next seq; null when the room is gone. */
export async function insertMessage(input: NewMessage, createdAt = new Date()): Promise<ChatMessage | null> {
  const row = messageRow(input, createdAt);
  if (onPostgres()) {
    const rows = await getDb().$queryRawUnsafe<{ seq: number }[]>(
      `WITH next AS (${BUMP_SEQ("$2")})
       ${INSERT_MESSAGE}
       SELECT $1, $2, next."lastSeq", $3, $4, $5, $6, $7, $8, $9, $10::int, $11::timestamp(3) FROM next
       RETURNING "seq"`,
      row.id,
      row.roomId,
      row.authorType,
      row.userId,
      row.agentId,
      row.senderName,
      row.content,
      row.deliveryId,
      row.replyKey,
      row.position,
      pgTimestamp(createdAt),
    );
    return rows[0] ? { ...row, seq: Number(rows[0].seq) } : null;
  }
  return getDb().$transaction(async (tx) => {
    const seq = await bumpSeqSqlite(tx, row.roomId);
    return seq === null ? null : tx.chatMessage.create({ data: { ...row, seq } });
  });
}

/**
 * Shows a scheduled bubble as a room message, exactly once: the bubble is claimed in the same
 * statement (or transaction) that gives it its seq. Null when another instance got there first,
 * or the bubble was dropped.
 */
export async function insertBubbleMessage(bubble: AgentBubble): Promise<ChatMessage | null> {
  const row = messageRow(
    {
      roomId: bubble.roomId,
      authorType: "agent",
      agentId: bubble.agentId,
      senderName: bubble.senderName,
      content: bubble.content,
      deliveryId: bubbleKey(bubble.replyKey, bubble.position),
      replyKey: bubble.replyKey,
      position: bubble.position,
    },
    bubble.deliverAt,
  );
  if (onPostgres()) {
    const rows = await getDb().$queryRawUnsafe<{ seq: number }[]>(
      `WITH claimed AS (
         UPDATE "AgentBubble" SET "status" = 'shown', "shownAt" = (now() AT TIME ZONE 'UTC') WHERE "id" = $1 AND "status" = 'scheduled' RETURNING "roomId"
       ), next AS (${BUMP_SEQ(`(SELECT "roomId" FROM claimed)`)})
       ${INSERT_MESSAGE}
       SELECT $2, $3, next."lastSeq", 'agent', NULL, $4, $5, $6, $7, $8, $9::int, $10::timestamp(3) FROM next
       RETURNING "seq"`,
      bubble.id,
      row.id,
      row.roomId,
      row.agentId,
      row.senderName,
      row.content,
      row.deliveryId,
      row.replyKey,
      row.position,
      pgTimestamp(bubble.deliverAt),
    );
    return rows[0] ? { ...row, seq: Number(rows[0].seq) } : null;
  }
  return getDb().$transaction(async (tx) => {
    const claimed = await tx.agentBubble.updateMany({
      where: { id: bubble.id, status: "scheduled" },
      data: { status: "shown", shownAt: new Date() },
    });
    if (claimed.count === 0) return null;
    const seq = await bumpSeqSqlite(tx, row.roomId);
    return seq === null ? null : tx.chatMessage.create({ data: { ...row, seq } });
  });
}
