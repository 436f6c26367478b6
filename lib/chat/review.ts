import "server-only";
import { getDb } from "@/lib/db/client";
import { requireMember } from "./membership";
import { toMessageDTO } from "./messages";
import { buildTimeline, countTurns, type DecisionDetail, toReviewTurn, turnStats } from "./review-timeline";
import type { ReviewFilter, ReviewRoomSummary, RoomReview, TurnDecision, TurnOutcome } from "./review-types";
import { turnTaking } from "./turn-taking-client";

/** Messages per page of a room's review (the latest page first). */
const pageSize = Number(process.env.REVIEW_PAGE_MESSAGES);
export const REVIEW_MESSAGE_LIMIT = Number.isSafeInteger(pageSize) && pageSize > 0 ? pageSize : 300;
const REASONS_TIMEOUT_MS = 3000;

/** The caller's rooms, each with how its agents' turns went. */
export async function listReviewRooms(userId: string): Promise<ReviewRoomSummary[]> {
  const db = getDb();
  const memberships = await db.roomMember.findMany({
    where: { userId },
    include: { room: { include: { _count: { select: { agents: true } } } } },
    orderBy: { joinedAt: "asc" },
  });
  const roomIds = memberships.map((m) => m.roomId);
  const groups = await db.agentTurn.groupBy({
    by: ["roomId", "decision", "outcome"],
    where: { roomId: { in: roomIds } },
    _count: { _all: true },
    _max: { createdAt: true },
  });
  return memberships.map(({ room }) => {
    const summary: ReviewRoomSummary = {
      id: room.id,
      name: room.name,
      agentCount: room._count.agents,
      turns: 0,
      spoke: 0,
      silent: 0,
      heard: 0,
      dropped: 0,
      lastTurnAt: null,
    };
    for (const group of groups.filter((g) => g.roomId === room.id)) {
      const turn = { decision: group.decision as TurnDecision, outcome: group.outcome as TurnOutcome };
      countTurns(summary, turn, group._count._all);
      const at = group._max.createdAt?.toISOString() ?? null;
      if (at && (!summary.lastTurnAt || at > summary.lastTurnAt)) summary.lastTurnAt = at;
    }
    return summary;
  });
}

/**
 * The engine's reasons for the decisions the review shows, by agent and turn epoch
 * (each agent's thread read from the earliest epoch shown); null when they cannot be
 * read (the hosted service does not expose them).
 */
async function decisionDetails(
  agents: { id: string; threadId: string }[],
  fromEpoch: ReadonlyMap<string, number>,
): Promise<Map<string, Map<number, DecisionDetail>> | null> {
  const { client } = turnTaking();
  const shown = agents.filter((a) => fromEpoch.has(a.id));
  try {
    const responses = await Promise.all(
      shown.map((a) =>
        client.decisions(a.threadId, {
          fromEpoch: fromEpoch.get(a.id),
          signal: AbortSignal.timeout(REASONS_TIMEOUT_MS),
        }),
      ),
    );
    return new Map(
      shown.map((agent, i) => [
        agent.id,
        new Map(
          responses[i]!.decisions.map((d) => [d.turn_epoch, { score: d.score, reasons: d.reasons }] as const),
        ),
      ]),
    );
  } catch (error) {
    console.warn("review: the decisions' reasons could not be read:", (error as Error).message);
    return null;
  }
}

/** Per agent, the earliest turn epoch among the turns shown. */
function earliestEpochs(rows: { agentId: string | null; turnEpoch: number | null }[]): Map<string, number> {
  const earliest = new Map<string, number>();
  for (const row of rows) {
    if (row.agentId === null || row.turnEpoch === null) continue;
    const known = earliest.get(row.agentId);
    if (known === undefined || row.turnEpoch < known) earliest.set(row.agentId, row.turnEpoch);
  }
  return earliest;
}

/** Every turn of the room, counted per agent and kind, for the totals. */
async function roomTotals(roomId: string, agents: { id: string; name: string }[]) {
  const groups = await getDb().agentTurn.groupBy({
    by: ["agentId", "decision", "outcome"],
    where: { roomId },
    _count: { _all: true },
  });
  return turnStats(
    agents,
    groups.map((g) => ({
      agentId: g.agentId,
      decision: g.decision as TurnDecision,
      outcome: g.outcome as TurnOutcome,
      count: g._count._all,
    })),
  );
}

/**
 * A page of a room's transcript with every agent turn, for a member of the room (404
 * otherwise): the latest messages, or those before the message numbered `before`.
 */
export async function getRoomReview(
  roomId: string,
  userId: string,
  { filter, before }: { filter: ReviewFilter; before?: number },
): Promise<RoomReview> {
  const { room } = await requireMember(roomId, userId);
  const db = getDb();
  const [agents, page, next] = await Promise.all([
    db.agent.findMany({ where: { roomId }, orderBy: { createdAt: "asc" } }),
    db.chatMessage.findMany({
      where: { roomId, ...(before !== undefined ? { seq: { lt: before } } : {}) },
      orderBy: { seq: "desc" },
      take: REVIEW_MESSAGE_LIMIT + 1,
    }),
    before !== undefined
      ? db.chatMessage.findUnique({ where: { roomId_seq: { roomId, seq: before } } })
      : null,
  ]);
  const hasEarlier = page.length > REVIEW_MESSAGE_LIMIT;
  const messages = page.slice(0, REVIEW_MESSAGE_LIMIT).reverse().map(toMessageDTO);
  // The turns between this page's first message and the next page's first.
  const since = hasEarlier && messages[0] ? new Date(messages[0].createdAt) : undefined;
  const until = next?.createdAt;
  const rows = await db.agentTurn.findMany({
    where: {
      roomId,
      ...(since || until
        ? { createdAt: { ...(since ? { gte: since } : {}), ...(until ? { lt: until } : {}) } }
        : {}),
    },
    orderBy: { createdAt: "asc" },
  });
  const [details, stats] = await Promise.all([
    decisionDetails(agents, earliestEpochs(rows)),
    roomTotals(roomId, agents),
  ]);
  const turns = rows.map((row) => toReviewTurn(row, details ?? new Map()));
  return {
    room: { id: room.id, name: room.name },
    agents: agents.map((a) => ({ id: a.id, name: a.name, color: a.color })),
    stats,
    timeline: buildTimeline(messages, turns, filter),
    reasons: details ? "available" : "unavailable",
    filter,
    earlierBefore: hasEarlier ? (messages[0]?.seq ?? null) : null,
    paged: before !== undefined,
  };
}
