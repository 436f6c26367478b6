import "server-only";
import { getDb } from "@/lib/db/client";
import { type DecisionDetail, detailOf, isDecided, type TurnRow } from "./review-timeline";
import { serializeReasons } from "./stored-reasons";
import { turnTaking } from "./turn-taking-client";

const REASONS_TIMEOUT_MS = 3000;

type Details = Map<string, Map<number, DecisionDetail>>;

/** Turns whose reasons are not stored yet but could be read from the engine. */
function lacking(rows: readonly TurnRow[]): TurnRow[] {
  return rows.filter((r) => isDecided(r) && r.agentId !== null && r.turnEpoch !== null && r.reasons === null);
}

/** Per agent, the earliest turn epoch among the given turns. */
function earliestEpochs(rows: readonly TurnRow[]): Map<string, number> {
  const earliest = new Map<string, number>();
  for (const row of rows) {
    if (row.agentId === null || row.turnEpoch === null) continue;
    const known = earliest.get(row.agentId);
    if (known === undefined || row.turnEpoch < known) earliest.set(row.agentId, row.turnEpoch);
  }
  return earliest;
}

/** The engine's decision records from each agent's earliest epoch needed; null when they cannot be read. */
async function engineDetails(
  agents: readonly { id: string; threadId: string }[],
  fromEpoch: ReadonlyMap<string, number>,
): Promise<Details | null> {
  const { client } = turnTaking();
  const asked = agents.filter((a) => fromEpoch.has(a.id));
  try {
    const responses = await Promise.all(
      asked.map((a) =>
        client.decisions(a.threadId, {
          fromEpoch: fromEpoch.get(a.id),
          signal: AbortSignal.timeout(REASONS_TIMEOUT_MS),
        }),
      ),
    );
    return new Map(
      asked.map((agent, i) => [
        agent.id,
        new Map(
          responses[i]!.decisions.map((d) => [d.turn_epoch, { score: d.score, reasons: d.reasons }] as const),
        ),
      ]),
    );
  } catch (error) {
    // The hosted service has no such endpoint: the review says the reasons are not available.
    console.warn("review: the decisions' reasons could not be read:", (error as Error).message);
    return null;
  }
}

/**
 * Keeps what was read on the turns, in one transaction, so the charts can aggregate reasons
 * without the engine. Only turns still without reasons are written (a concurrent reader may
 * have been first). Not awaited by the page: a failure is logged, the next view tries again.
 */
function storeReasons(rows: readonly TurnRow[], details: Details): void {
  const found = rows.flatMap((row) => {
    const detail = detailOf(row, details);
    return detail ? [{ id: row.id, detail }] : [];
  });
  if (found.length === 0) return;
  const db = getDb();
  void db
    .$transaction(
      found.map(({ id, detail }) =>
        db.agentTurn.updateMany({
          where: { id, reasons: null },
          data: { score: detail.score, reasons: serializeReasons(detail.reasons) },
        }),
      ),
    )
    .catch((error) => console.warn("review: the reasons could not be stored:", (error as Error).message));
}

/**
 * The reasons of the turns shown: the stored ones, and from the engine only for turns that
 * lack them. `available` is false when some decision's reasons are known to nobody.
 */
export async function readReasons(
  agents: readonly { id: string; threadId: string }[],
  rows: readonly TurnRow[],
): Promise<{ details: Details; available: boolean }> {
  const missing = lacking(rows);
  if (missing.length === 0) return { details: new Map(), available: true };
  const details = await engineDetails(agents, earliestEpochs(missing));
  if (!details) return { details: new Map(), available: false };
  storeReasons(missing, details);
  return { details, available: true };
}
