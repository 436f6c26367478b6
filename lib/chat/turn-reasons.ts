import "server-only";
import type { DecisionReason } from "@/lib/turn-taking";
import { turnTaking } from "./turn-taking-client";

const REASONS_TIMEOUT_MS = 5000;

export interface TurnForReasons {
  id: string;
  agentId: string | null;
  turnEpoch: number | null;
  score: number | null;
  /** JSON, when stored with the turn */
  reasons: string | null;
}

export interface TurnReasons {
  score: number | null;
  reasons: DecisionReason[] | null;
}

function stored(turn: TurnForReasons): TurnReasons | null {
  if (turn.reasons === null) return null;
  try {
    return { score: turn.score, reasons: JSON.parse(turn.reasons) as DecisionReason[] };
  } catch {
    return null;
  }
}

/**
 * Score and reasons for a page of turns: stored with the turn, else read from the engine's
 * decision records for just the page's epochs of each agent's thread. Nulls where they are
 * not known (the hosted service gives no reasons, or the engine could not be read).
 */
export async function reasonsFor(
  turns: readonly TurnForReasons[],
  threads: ReadonlyMap<string, string>,
): Promise<Map<string, TurnReasons>> {
  const out = new Map<string, TurnReasons>();
  const ranges = new Map<string, { from: number; to: number }>();
  for (const turn of turns) {
    const known = stored(turn);
    if (known) out.set(turn.id, known);
    else if (turn.agentId && turn.turnEpoch !== null && threads.has(turn.agentId)) {
      const r = ranges.get(turn.agentId);
      ranges.set(turn.agentId, {
        from: Math.min(r?.from ?? turn.turnEpoch, turn.turnEpoch),
        to: Math.max(r?.to ?? turn.turnEpoch, turn.turnEpoch),
      });
    }
  }
  const byAgent = new Map<string, Map<number, TurnReasons>>();
  if (ranges.size > 0) {
    const { client } = turnTaking();
    try {
      await Promise.all(
        [...ranges].map(async ([agentId, { from, to }]) => {
          const res = await client.decisions(threads.get(agentId)!, {
            fromEpoch: from,
            toEpoch: to,
            signal: AbortSignal.timeout(REASONS_TIMEOUT_MS),
          });
          byAgent.set(
            agentId,
            new Map(res.decisions.map((d) => [d.turn_epoch, { score: d.score, reasons: d.reasons }])),
          );
        }),
      );
    } catch (error) {
      console.warn("export: the decisions' reasons could not be read:", (error as Error).message);
    }
  }
  for (const turn of turns) {
    if (out.has(turn.id)) continue;
    const known =
      turn.agentId && turn.turnEpoch !== null ? byAgent.get(turn.agentId)?.get(turn.turnEpoch) : undefined;
    out.set(turn.id, known ?? { score: turn.score, reasons: null });
  }
  return out;
}
