import "server-only";
import { getDb } from "@/lib/db/client";
import { isAnnotatable, type Verdict } from "./annotation-types";
import { EVAL_HISTORY_LINES, evalLine } from "./eval-lines";
import { paged } from "./text-stream";

const PAGE = 100;
/** Lines read back from the turn's time: the window, plus room for lines said after the heard one. */
const READ_BACK = EVAL_HISTORY_LINES + 20;

/** The conversation up to a turn, oldest first (system notices are not conversation). */
async function linesUntil(roomId: string, at: Date) {
  const rows = await getDb().chatMessage.findMany({
    where: { roomId, createdAt: { lte: at }, authorType: { not: "system" } },
    orderBy: [{ createdAt: "desc" }, { seq: "desc" }],
    take: READ_BACK,
    select: { senderName: true, content: true, createdAt: true },
  });
  return rows.reverse();
}

/**
 * A room's annotated decisions as `eval:decisions` JSONL, oldest annotation first, read a
 * page at a time. The caller has checked membership.
 */
export async function* evalExportLines(roomId: string): AsyncGenerator<string> {
  const db = getDb();
  const rows = paged(
    (cursor: { createdAt: Date; id: string } | null) =>
      db.turnAnnotation.findMany({
        where: {
          roomId,
          ...(cursor
            ? {
                OR: [
                  { createdAt: { gt: cursor.createdAt } },
                  { createdAt: cursor.createdAt, id: { gt: cursor.id } },
                ],
              }
            : {}),
        },
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        take: PAGE,
        include: {
          turn: {
            select: {
              agentName: true,
              decision: true,
              heardFrom: true,
              systemPrompt: true,
              forwardness: true,
              createdAt: true,
              agent: { select: { systemPrompt: true, forwardness: true } },
            },
          },
        },
      }),
    (row) => ({ createdAt: row.createdAt, id: row.id }),
  );
  for await (const row of rows) {
    const { turn } = row;
    if (!isAnnotatable(turn.decision)) continue;
    const line = evalLine({
      annotationId: row.id,
      verdict: row.verdict as Verdict,
      note: row.note,
      turn: {
        agentName: turn.agentName,
        decision: turn.decision,
        heardFrom: turn.heardFrom,
        // Rows from before the settings were kept fall back to the agent's current ones.
        systemPrompt: turn.systemPrompt ?? turn.agent?.systemPrompt ?? "",
        forwardness: turn.forwardness ?? turn.agent?.forwardness ?? 0.5,
      },
      lines: await linesUntil(roomId, turn.createdAt),
    });
    if (line) yield line;
  }
}
