import "server-only";
import { getDb } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/sqlite/client";
import type { AnnotationDTO, AnnotationPage, Verdict } from "./annotation-types";
import { isAnnotatable } from "./annotation-types";
import { badRequest, notFound } from "./errors";
import type { TurnDecision, TurnOutcome } from "./review-types";

const withTurnAndReviewer = {
  turn: {
    select: {
      agentId: true,
      agentName: true,
      decision: true,
      outcome: true,
      heardFrom: true,
      heard: true,
      createdAt: true,
    },
  },
  user: { select: { name: true } },
} as const;

type AnnotationRow = Prisma.TurnAnnotationGetPayload<{ include: typeof withTurnAndReviewer }>;

function toDTO(row: AnnotationRow): AnnotationDTO {
  return {
    id: row.id,
    turnId: row.turnId,
    roomId: row.roomId,
    userId: row.userId,
    reviewer: row.user.name?.trim() || "Someone",
    verdict: row.verdict as Verdict,
    note: row.note,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    turn: {
      agentId: row.turn.agentId,
      agentName: row.turn.agentName,
      decision: row.turn.decision as TurnDecision,
      outcome: row.turn.outcome as TurnOutcome,
      heardFrom: row.turn.heardFrom,
      heard: row.turn.heard,
      createdAt: row.turn.createdAt.toISOString(),
    },
  };
}

/** A turn of this room that was a decision of the model; 404 / 422 otherwise. Call after requireMember. */
async function annotatableTurn(roomId: string, turnId: string) {
  const turn = await getDb().agentTurn.findFirst({
    where: { id: turnId, roomId },
    select: { decision: true },
  });
  if (!turn) throw notFound("turn");
  if (!isAnnotatable(turn.decision))
    throw badRequest("Only a decision to speak or stay silent can be annotated.", {
      turnId: "not a decision",
    });
}

/** Creates or replaces the reviewer's annotation of a turn (one per reviewer and turn). */
export async function saveAnnotation(
  roomId: string,
  turnId: string,
  userId: string,
  input: { verdict: Verdict; note: string },
): Promise<AnnotationDTO> {
  await annotatableTurn(roomId, turnId);
  const row = await getDb().turnAnnotation.upsert({
    where: { turnId_userId: { turnId, userId } },
    create: { turnId, roomId, userId, verdict: input.verdict, note: input.note },
    update: { verdict: input.verdict, note: input.note },
    include: withTurnAndReviewer,
  });
  return toDTO(row);
}

/** Deletes the reviewer's annotation of a turn; 404 when there is none. */
export async function deleteAnnotation(roomId: string, turnId: string, userId: string): Promise<void> {
  const { count } = await getDb().turnAnnotation.deleteMany({ where: { roomId, turnId, userId } });
  if (count === 0) throw notFound("annotation");
}

export interface AnnotationQuery {
  verdict?: Verdict;
  agentId?: string;
  turnId?: string;
  /** only the caller's own */
  mine?: boolean;
  /** from a previous page's nextCursor */
  cursor?: { updatedAt: Date; id: string };
  limit: number;
}

export const encodeCursor = (row: { updatedAt: string; id: string }) => `${row.updatedAt}_${row.id}`;

/** A room's annotations, newest change first, filtered; the caller must be a member. */
export async function listAnnotations(
  roomId: string,
  userId: string,
  q: AnnotationQuery,
): Promise<AnnotationPage> {
  const where: Prisma.TurnAnnotationWhereInput = {
    roomId,
    ...(q.verdict ? { verdict: q.verdict } : {}),
    ...(q.turnId ? { turnId: q.turnId } : {}),
    ...(q.agentId ? { turn: { agentId: q.agentId } } : {}),
    ...(q.mine ? { userId } : {}),
    ...(q.cursor
      ? {
          OR: [
            { updatedAt: { lt: q.cursor.updatedAt } },
            { updatedAt: q.cursor.updatedAt, id: { lt: q.cursor.id } },
          ],
        }
      : {}),
  };
  const rows = await getDb().turnAnnotation.findMany({
    where,
    include: withTurnAndReviewer,
    orderBy: [{ updatedAt: "desc" }, { id: "desc" }],
    take: q.limit + 1,
  });
  const annotations = rows.slice(0, q.limit).map(toDTO);
  const last = annotations.at(-1);
  return { annotations, nextCursor: rows.length > q.limit && last ? encodeCursor(last) : null };
}
