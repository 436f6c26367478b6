import "server-only";
import { getDb } from "@/lib/db/client";
import { requireMember } from "./membership";
import { toMessageDTO } from "./messages";
import { resolveAnchor } from "./review-anchor";
import { beforeAfter } from "./review-paging";
import { anchorOf, type ReviewQuery, turnFilterOf } from "./review-query";
import { readReasons } from "./review-reasons";
import { buildTimeline, toReviewTurn, turnStats } from "./review-timeline";
import { turnWhere } from "./review-turn-where";
import type { ReviewActivity, ReviewBubble, RoomReview, TurnDecision, TurnOutcome } from "./review-types";

/** Messages per page of a room's review (the latest page first). */
const pageSize = Number(process.env.REVIEW_PAGE_MESSAGES);
export const REVIEW_MESSAGE_LIMIT = Number.isSafeInteger(pageSize) && pageSize > 0 ? pageSize : 300;
/** Typing events shown on one page at most (a busy room types a lot). */
const ACTIVITY_LIMIT = 2000;

/** Every turn of the room, counted per agent and kind, with the credits spent, for the totals. */
async function roomTotals(roomId: string, agents: { id: string; name: string }[]) {
  const groups = await getDb().agentTurn.groupBy({
    by: ["agentId", "decision", "outcome"],
    where: { roomId },
    _count: { _all: true },
    _sum: { credits: true },
  });
  return turnStats(
    agents,
    groups.map((g) => ({
      agentId: g.agentId,
      decision: g.decision as TurnDecision,
      outcome: g.outcome as TurnOutcome,
      count: g._count._all,
      credits: g._sum.credits ?? 0,
    })),
  );
}

/** The bubbles of the replies shown, by reply. */
async function bubblesOf(replyKeys: string[]): Promise<Map<string, ReviewBubble[]>> {
  const byReply = new Map<string, ReviewBubble[]>();
  if (replyKeys.length === 0) return byReply;
  const rows = await getDb().agentBubble.findMany({
    where: { replyKey: { in: replyKeys } },
    orderBy: [{ replyKey: "asc" }, { position: "asc" }],
    select: { replyKey: true, position: true, content: true, status: true, deliverAt: true, shownAt: true },
  });
  for (const row of rows) {
    const list = byReply.get(row.replyKey) ?? [];
    list.push({
      position: row.position,
      content: row.content,
      status: row.status as ReviewBubble["status"],
      deliverAt: row.deliverAt.toISOString(),
      shownAt: row.shownAt?.toISOString() ?? null,
    });
    byReply.set(row.replyKey, list);
  }
  return byReply;
}

/**
 * A page of a room's transcript with every agent turn, for a member of the room (404
 * otherwise): the latest messages, those before the message numbered `before`, or the
 * page a deep link (turn, reply, message, time) leads to.
 */
export async function getRoomReview(roomId: string, userId: string, query: ReviewQuery): Promise<RoomReview> {
  const { room } = await requireMember(roomId, userId);
  const db = getDb();
  const filter = turnFilterOf(query);
  const anchor = anchorOf(query);
  const resolved = anchor ? await resolveAnchor(roomId, anchor, REVIEW_MESSAGE_LIMIT) : null;
  const before = resolved && !resolved.missing ? resolved.before : query.before;
  const [agents, page, next, later] = await Promise.all([
    db.agent.findMany({ where: { roomId }, orderBy: { createdAt: "asc" } }),
    db.chatMessage.findMany({
      where: { roomId, ...(before !== undefined ? { seq: { lt: before } } : {}) },
      orderBy: { seq: "desc" },
      take: REVIEW_MESSAGE_LIMIT + 1,
    }),
    // The next page's first message (`before` itself may have been deleted).
    before !== undefined
      ? db.chatMessage.findFirst({ where: { roomId, seq: { gte: before } }, orderBy: { seq: "asc" } })
      : null,
    before !== undefined
      ? db.chatMessage.findMany({
          where: { roomId, seq: { gte: before } },
          orderBy: { seq: "asc" },
          take: REVIEW_MESSAGE_LIMIT + 1,
          select: { seq: true },
        })
      : null,
  ]);
  const hasEarlier = page.length > REVIEW_MESSAGE_LIMIT;
  const messages = page.slice(0, REVIEW_MESSAGE_LIMIT).reverse().map(toMessageDTO);
  // The turns between this page's first message and the next page's first.
  const since = hasEarlier && messages[0] ? new Date(messages[0].createdAt) : undefined;
  const until = next?.createdAt;
  const window =
    since || until
      ? { createdAt: { ...(since ? { gte: since } : {}), ...(until ? { lt: until } : {}) } }
      : {};
  const focusTurnId = resolved?.focusTurnId ?? null;
  const [rows, activityRows] = await Promise.all([
    db.agentTurn.findMany({
      where: {
        roomId,
        ...window,
        // A deep-linked turn is shown whatever the filter.
        ...(focusTurnId ? { OR: [turnWhere(filter), { id: focusTurnId }] } : turnWhere(filter)),
      },
      orderBy: { createdAt: "asc" },
    }),
    query.typing
      ? db.roomActivity.findMany({
          where: { roomId, ...window },
          orderBy: { createdAt: "asc" },
          take: ACTIVITY_LIMIT,
        })
      : [],
  ]);
  const replyKeys = [...new Set(rows.flatMap((r) => (r.replyKey ? [r.replyKey] : [])))];
  const [reasons, bubbles, stats] = await Promise.all([
    readReasons(agents, rows),
    bubblesOf(replyKeys),
    roomTotals(roomId, agents),
  ]);
  const turns = rows.map((row) => toReviewTurn(row, reasons.details, bubbles));
  const activity: ReviewActivity[] = activityRows.map((a) => ({
    id: a.id,
    kind: a.kind as ReviewActivity["kind"],
    actor: a.actor,
    detail: a.detail,
    createdAt: a.createdAt.toISOString(),
  }));
  const laterBefore =
    later === null
      ? null
      : (beforeAfter(
          later.map((m) => m.seq),
          REVIEW_MESSAGE_LIMIT,
        ) ?? "latest");
  return {
    room: { id: room.id, name: room.name },
    agents: agents.map((a) => ({ id: a.id, name: a.name, color: a.color })),
    stats,
    timeline: buildTimeline(messages, turns, filter, { activity, keep: focusTurnId }),
    reasons: reasons.available ? "available" : "unavailable",
    filter,
    earlierBefore: hasEarlier ? (messages[0]?.seq ?? null) : null,
    laterBefore,
    paged: before !== undefined,
    focusTurnId: focusTurnId && rows.some((r) => r.id === focusTurnId) ? focusTurnId : null,
    focusSeq: resolved?.focusSeq ?? null,
    anchorMissing: resolved?.missing ?? false,
    activityShown: query.typing,
  };
}
