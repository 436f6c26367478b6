import "server-only";
import { getDb } from "@/lib/db/client";
import { requireMember } from "./membership";
import { toMessageDTO } from "./messages";
import {
  buildTimeline,
  type DecisionDetail,
  matchesFilter,
  toReviewTurn,
  turnStats,
} from "./review-timeline";
import type { ReviewFilter, ReviewRoomSummary, RoomReview } from "./review-types";
import { turnTaking } from "./turn-taking-client";

/** The review shows a room's latest messages; older ones stay in the database. */
export const REVIEW_MESSAGE_LIMIT = 300;
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
      dropped: 0,
      lastTurnAt: null,
    };
    for (const group of groups.filter((g) => g.roomId === room.id)) {
      const turn = { decision: group.decision, outcome: group.outcome } as Parameters<
        typeof matchesFilter
      >[0];
      const n = group._count._all;
      summary.turns += n;
      if (matchesFilter(turn, "spoke")) summary.spoke += n;
      if (matchesFilter(turn, "silent")) summary.silent += n;
      if (matchesFilter(turn, "dropped")) summary.dropped += n;
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

/** A room's transcript with every agent turn, for a member of the room (404 otherwise). */
export async function getRoomReview(
  roomId: string,
  userId: string,
  filter: ReviewFilter,
): Promise<RoomReview> {
  const { room } = await requireMember(roomId, userId);
  const db = getDb();
  const [agents, latest] = await Promise.all([
    db.agent.findMany({ where: { roomId }, orderBy: { createdAt: "asc" } }),
    db.chatMessage.findMany({ where: { roomId }, orderBy: { seq: "desc" }, take: REVIEW_MESSAGE_LIMIT + 1 }),
  ]);
  const truncated = latest.length > REVIEW_MESSAGE_LIMIT;
  const messages = latest.slice(0, REVIEW_MESSAGE_LIMIT).reverse().map(toMessageDTO);
  const since = truncated && messages[0] ? new Date(messages[0].createdAt) : undefined;
  const rows = await db.agentTurn.findMany({
    where: { roomId, ...(since ? { createdAt: { gte: since } } : {}) },
    orderBy: { createdAt: "asc" },
  });
  const details = await decisionDetails(agents, earliestEpochs(rows));
  const turns = rows.map((row) => toReviewTurn(row, details ?? new Map()));
  return {
    room: { id: room.id, name: room.name },
    agents: agents.map((a) => ({ id: a.id, name: a.name, color: a.color })),
    stats: turnStats(agents, turns),
    timeline: buildTimeline(messages, turns, filter),
    reasons: details ? "available" : "unavailable",
    filter,
    truncated,
  };
}
