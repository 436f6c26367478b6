import "server-only";
import { randomUUID } from "node:crypto";
import { getDb } from "@/lib/db/client";
import type { AgentBubble } from "@/lib/generated/sqlite/client";
import type { ScheduledMessage } from "@/lib/turn-taking";
import { bubbleKey } from "./bubble-key";
import { roomBus } from "./bus";
import { insertBubbleMessage } from "./message-sequence";
import { toMessageDTO } from "./messages";
import { dialect, rawDate } from "./review-sql";
import { cancelledOf, markCancelled, pruneScheduleFates } from "./schedule-fates";
import { sqlParams } from "./sql-params";

/**
 * A bubble is shown this long after its deliver_at at the latest moment an interruption can
 * still reach us: the engine cancels a reply only before its first bubble's deliver_at, and
 * its answer takes a few milliseconds to come back. Browsers with the agent's socket open
 * see the bubble on time from the socket either way.
 */
export const SHOW_GRACE_MS = 250;
const FATE_PRUNE_CHANCE = 0.01;

interface ReplyAuthor {
  roomId: string;
  agentId: string;
  agentName: string;
}

/** What storeSchedule stored for a reply. */
export interface StoredSchedule {
  /** the bubbles to show when due */
  scheduled: AgentBubble[];
  /** the reply, when the engine cancelled it before it was stored here: stored dropped, never shown */
  interrupted: DroppedReply | null;
}

/**
 * Stores a reply's bubbles the moment `respond` returns their schedule, with the relay of the
 * finished reply to the other agents due at the last bubble. Nothing that must happen later
 * depends on this process: any instance shows the bubbles and runs the relay when they fall due.
 * Raw SQL, as are the other statements a burst runs per reply here: through Prisma's query
 * builder each cost about 1 ms of CPU, raw a quarter to a half of that.
 * The engine may already have cancelled the reply, and another request heard it first
 * (dropInterrupted found nothing to drop then): its fate rows say so, and the reply is stored dropped.
 */
export async function storeSchedule(
  author: ReplyAuthor,
  replyKey: string,
  scheduled: readonly ScheduledMessage[],
): Promise<StoredSchedule> {
  if (scheduled.length === 0) return { scheduled: [], interrupted: null };
  const now = new Date();
  const bubbles: AgentBubble[] = [...scheduled]
    .sort((a, b) => a.position - b.position)
    .map((s) => ({
      id: randomUUID(),
      status: "scheduled",
      createdAt: now,
      roomId: author.roomId,
      agentId: author.agentId,
      senderName: author.agentName,
      scheduleId: s.id,
      replyKey,
      position: s.position,
      content: s.content,
      deliverAt: new Date(s.deliver_at),
      shownAt: null,
    }));
  const last = new Date(Math.max(...bubbles.map((b) => b.deliverAt.getTime())));
  const cancelled = await getDb().$transaction(async (tx) => {
    const cancelled = await cancelledOf(
      tx,
      bubbles.map((b) => b.scheduleId),
    );
    for (const b of bubbles) if (cancelled.has(b.scheduleId)) b.status = "dropped";
    const d = dialect();
    const q = sqlParams(d);
    const rows = bubbles.map(
      (b) =>
        `(${q.bind(b.id)}, ${q.bind(b.roomId)}, ${q.bind(b.agentId)}, ${q.bind(b.senderName)}, ${q.bind(b.scheduleId)}, ${q.bind(b.replyKey)}, ${q.bindInt(b.position)}, ${q.bind(b.content)}, ${q.bindDate(b.deliverAt)}, ${q.bind(b.status)}, ${q.bindDate(b.createdAt)})`,
    );
    await tx.$executeRawUnsafe(
      `INSERT INTO "AgentBubble" ("id", "roomId", "agentId", "senderName", "scheduleId", "replyKey", "position", "content", "deliverAt", "status", "createdAt")
       VALUES ${rows.join(", ")}`,
      ...q.params,
    );
    // As dropInterrupted does: a reply with a cancelled bubble is not relayed (the engine
    // cancels a whole reply, from its first bubble on).
    const r = sqlParams(d);
    await tx.$executeRawUnsafe(
      `INSERT INTO "ReplyRelay" ("id", "roomId", "agentId", "replyKey", "dueAt", "status", "createdAt")
       VALUES (${r.bind(randomUUID())}, ${r.bind(author.roomId)}, ${r.bind(author.agentId)}, ${r.bind(replyKey)}, ${r.bindDate(last)}, ${r.bind(cancelled.size > 0 ? "dropped" : "pending")}, ${r.bindDate(now)})`,
      ...r.params,
    );
    return cancelled;
  });
  // Now and then a store also clears the fates nobody will need again (housekeeping: a
  // failure only leaves them for the next one).
  if (Math.random() < FATE_PRUNE_CHANCE)
    void pruneScheduleFates().catch((error) => console.error("chat: pruning schedule fates failed:", error));
  return {
    scheduled: bubbles.filter((b) => b.status === "scheduled"),
    interrupted: cancelled.size > 0 ? { replyKey, draft: bubbles.map((b) => b.content).join("\n") } : null,
  };
}

/** The time before which a bubble due now is not yet shown. */
function dueBefore(now = Date.now()): Date {
  return new Date(now - SHOW_GRACE_MS);
}

/**
 * Turns the bubbles that fell due into room messages, in deliver_at order, each exactly once:
 * the bubble is claimed in the same transaction that gives it its seq. Safe to call from any
 * instance, any number of times (readers call it before reading; the due worker on a timer).
 */
export async function showDueBubbles(roomId?: string, limit = 200): Promise<number> {
  const db = getDb();
  const due = await db.agentBubble.findMany({
    where: { status: "scheduled", deliverAt: { lte: dueBefore() }, ...(roomId ? { roomId } : {}) },
    orderBy: [{ deliverAt: "asc" }, { position: "asc" }],
    take: limit,
  });
  let shown = 0;
  for (const bubble of due) {
    if (await showBubble(bubble)) shown += 1;
  }
  return shown;
}

/** Shows one bubble (as stored), unless another instance or reader already did, or it was dropped. */
export async function showBubble(bubble: AgentBubble): Promise<boolean> {
  const message = await insertBubbleMessage(bubble);
  if (!message) return false;
  roomBus().publish(bubble.roomId, { type: "message", message: toMessageDTO(message) });
  return true;
}

/** When the next bubble of a room (or of any room) becomes due to be shown, if any is waiting. */
export async function nextBubbleDue(roomId?: string): Promise<Date | null> {
  const next = await getDb().agentBubble.findFirst({
    where: { status: "scheduled", ...(roomId ? { roomId } : {}) },
    orderBy: { deliverAt: "asc" },
    select: { deliverAt: true },
  });
  return next ? new Date(next.deliverAt.getTime() + SHOW_GRACE_MS) : null;
}

/**
 * The engine cancelled these scheduled bubbles (the thread is interruptible and someone spoke
 * before the first of them was due): they are never shown, the reply is not relayed, and the
 * review keeps the reply as a dropped draft. The engine decided before the first bubble's
 * deliver_at, but its answer can reach us after SHOW_GRACE_MS when this process is loaded:
 * a bubble shown meanwhile is taken back out of the room, so the room never keeps a line the
 * agent's thread does not have. Returns each dropped reply with what it would have said.
 */
export async function dropInterrupted(scheduleIds: readonly string[]): Promise<DroppedReply[]> {
  if (scheduleIds.length === 0) return [];
  const ids = [...scheduleIds];
  const d = dialect();
  const { dropped, retracted } = await getDb().$transaction(async (tx) => {
    // First: a reply whose bubbles are not stored yet (its respond call still under way here or
    // on another instance) is stored dropped, and one stored meanwhile is found below (each
    // statement after this one sees what committed before it).
    await markCancelled(tx, ids);
    // Every bubble of the replies concerned, in order: which were cancelled, and what each
    // reply would have said.
    const concerned = sqlParams(d);
    const bubbles = await tx.$queryRawUnsafe<BubbleLine[]>(
      `SELECT "scheduleId", "replyKey", "position", "content" FROM "AgentBubble"
       WHERE "replyKey" IN (SELECT "replyKey" FROM "AgentBubble" WHERE "scheduleId" IN (${concerned.list(ids)}))
       ORDER BY "position" ASC`,
      ...concerned.params,
    );
    const cancelledIds = new Set(ids);
    const cancelled = bubbles.filter((b) => cancelledIds.has(b.scheduleId));
    if (cancelled.length === 0) return { dropped: [], retracted: [] };
    const replyKeys = [...new Set(cancelled.map((b) => b.replyKey))];
    // Dropped first: a bubble not yet shown can no longer be claimed, and one shown before
    // this statement has its message by now, found below.
    const drop = sqlParams(d);
    await tx.$executeRawUnsafe(
      `UPDATE "AgentBubble" SET "status" = 'dropped'
       WHERE "scheduleId" IN (${drop.list(ids)}) AND "status" IN ('scheduled', 'shown')`,
      ...drop.params,
    );
    const relays = sqlParams(d);
    await tx.$executeRawUnsafe(
      `UPDATE "ReplyRelay" SET "status" = 'dropped' WHERE "replyKey" IN (${relays.list(replyKeys)}) AND "status" = 'pending'`,
      ...relays.params,
    );
    const shown = sqlParams(d);
    const retracted = await tx.$queryRawUnsafe<{ id: string; roomId: string }[]>(
      `DELETE FROM "ChatMessage" WHERE "deliveryId" IN (${shown.list(cancelled.map((b) => bubbleKey(b.replyKey, Number(b.position))))})
       RETURNING "id", "roomId"`,
      ...shown.params,
    );
    return { dropped: draftsOf(replyKeys, bubbles), retracted };
  });
  for (const m of retracted) roomBus().publish(m.roomId, { type: "message_deleted", id: m.id });
  return dropped;
}

/** A bubble as a line of its reply. */
interface BubbleLine {
  scheduleId: string;
  replyKey: string;
  position: number | bigint;
  content: string;
}

/** Each reply with its bubbles' lines, given in order, joined as they would have been said. */
function draftsOf(
  replyKeys: readonly string[],
  bubbles: readonly Pick<BubbleLine, "replyKey" | "content">[],
) {
  return replyKeys.map((replyKey) => ({
    replyKey,
    draft: bubbles
      .filter((b) => b.replyKey === replyKey)
      .map((b) => b.content)
      .join("\n"),
  }));
}

/**
 * Of these replies, those with a dropped bubble, each with all its bubbles (dropped ones too)
 * as they would have been said, in order.
 */
export async function droppedReplyDrafts(replyKeys: readonly string[]): Promise<DroppedReply[]> {
  if (replyKeys.length === 0) return [];
  const q = sqlParams(dialect());
  const bubbles = await getDb().$queryRawUnsafe<Pick<BubbleLine, "replyKey" | "content">[]>(
    `SELECT "replyKey", "content" FROM "AgentBubble"
     WHERE "replyKey" IN (SELECT "replyKey" FROM "AgentBubble" WHERE "replyKey" IN (${q.list(replyKeys)}) AND "status" = 'dropped')
     ORDER BY "position" ASC`,
    ...q.params,
  );
  return draftsOf([...new Set(bubbles.map((b) => b.replyKey))], bubbles);
}

export interface DroppedReply {
  replyKey: string;
  /** the reply's bubbles, as they would have been said */
  draft: string;
}

/**
 * When each agent's reply that has not started yet (its first bubble still ahead) starts, for
 * the agents that have one: another agent's reply is held back until then, so only people
 * interrupt a reply.
 */
export async function repliesStartingAt(
  agentIds: readonly string[],
  now = new Date(),
): Promise<Map<string, Date>> {
  const starts = new Map<string, Date>();
  if (agentIds.length === 0) return starts;
  const q = sqlParams(dialect());
  const firsts = await getDb().$queryRawUnsafe<{ agentId: string | null; deliverAt: unknown }[]>(
    `SELECT "agentId", "deliverAt" FROM "AgentBubble"
     WHERE "agentId" IN (${q.list(agentIds)}) AND "status" = 'scheduled' AND "position" = 0 AND "deliverAt" > ${q.bindDate(now)}`,
    ...q.params,
  );
  for (const first of firsts) {
    const { agentId } = first;
    const deliverAt = rawDate(first.deliverAt);
    if (!agentId || !deliverAt) continue;
    const known = starts.get(agentId);
    if (!known || deliverAt > known) starts.set(agentId, deliverAt);
  }
  return starts;
}
