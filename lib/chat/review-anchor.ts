import "server-only";
import { getDb } from "@/lib/db/client";
import { bubbleKey } from "./bubble-key";
import { halfPage, pageAround } from "./review-paging";
import type { ReviewAnchor } from "./review-query";

/** How far before its first bubble's creation a reply's turn can have been heard (drafting time). */
const REPLY_LOOKBACK_MS = 15 * 60_000;
/** A reply has 1–5 bubbles. */
const REPLY_POSITIONS = [0, 1, 2, 3, 4];

export interface ResolvedAnchor {
  /** the page to show (undefined: the latest) */
  before: number | undefined;
  /** the turn to unfold and scroll to */
  focusTurnId: string | null;
  /** the message to scroll to */
  focusSeq: number | null;
  missing: boolean;
}

const missing: ResolvedAnchor = { before: undefined, focusTurnId: null, focusSeq: null, missing: true };

/** The page holding the last message at or before `at`, with half a page of what followed. */
async function pageAt(roomId: string, at: Date, pageSize: number) {
  const db = getDb();
  const anchor = await db.chatMessage.findFirst({
    where: { roomId, createdAt: { lte: at } },
    orderBy: { createdAt: "desc" },
    select: { seq: true },
  });
  return pageAfterSeq(roomId, anchor?.seq ?? 0, pageSize);
}

async function pageAfterSeq(roomId: string, seq: number, pageSize: number) {
  const later = await getDb().chatMessage.findMany({
    where: { roomId, seq: { gt: seq } },
    orderBy: { seq: "asc" },
    take: halfPage(pageSize) + 1,
    select: { seq: true },
  });
  return {
    before: pageAround(
      later.map((m) => m.seq),
      pageSize,
    ),
    seq: seq > 0 ? seq : null,
  };
}

/**
 * The turn behind a reply. AgentTurn has no replyKey index, so the search is bounded in
 * time by the reply's bubbles (indexed by replyKey) and walks (roomId, createdAt).
 */
async function turnOfReply(roomId: string, replyKey: string) {
  const db = getDb();
  const bubble = await db.agentBubble.findFirst({
    where: { replyKey, roomId },
    orderBy: { position: "asc" },
    select: { createdAt: true },
  });
  const message = bubble
    ? null
    : // A reply delivered without Turn-taking has no bubble rows; its messages have a unique key per position.
      await db.chatMessage.findFirst({
        where: { roomId, deliveryId: { in: REPLY_POSITIONS.map((p) => bubbleKey(replyKey, p)) } },
        select: { createdAt: true },
      });
  const around = bubble?.createdAt ?? message?.createdAt;
  if (!around) return null;
  return db.agentTurn.findFirst({
    where: {
      roomId,
      replyKey,
      createdAt: {
        gte: new Date(around.getTime() - REPLY_LOOKBACK_MS),
        lte: new Date(around.getTime() + 60_000),
      },
    },
    select: { id: true, createdAt: true },
  });
}

/** Where a deep link leads in the room: the page, and what to unfold there. */
export async function resolveAnchor(
  roomId: string,
  anchor: ReviewAnchor,
  pageSize: number,
): Promise<ResolvedAnchor> {
  const db = getDb();
  switch (anchor.kind) {
    case "turn":
    case "reply": {
      const turn =
        anchor.kind === "turn"
          ? await db.agentTurn.findFirst({
              where: { id: anchor.id, roomId },
              select: { id: true, createdAt: true },
            })
          : await turnOfReply(roomId, anchor.replyKey);
      if (!turn) return missing;
      const { before } = await pageAt(roomId, turn.createdAt, pageSize);
      return { before, focusTurnId: turn.id, focusSeq: null, missing: false };
    }
    case "message": {
      const message = await db.chatMessage.findUnique({
        where: { roomId_seq: { roomId, seq: anchor.seq } },
        select: { seq: true },
      });
      if (!message) return missing;
      const { before } = await pageAfterSeq(roomId, message.seq, pageSize);
      return { before, focusTurnId: null, focusSeq: message.seq, missing: false };
    }
    case "time": {
      const { before, seq } = await pageAt(roomId, anchor.at, pageSize);
      return { before, focusTurnId: null, focusSeq: seq, missing: false };
    }
  }
}
