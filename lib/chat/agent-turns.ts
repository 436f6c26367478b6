import "server-only";
import { getDb } from "@/lib/db/client";
import type { TurnDecision, TurnOutcome } from "./review-types";

export interface TurnStart {
  roomId: string;
  agent: { id: string; name: string };
  /** who the agent heard: the last sender of the batch */
  heardFrom: string;
  heardFromAgent: boolean;
  heard: string[];
  decision: TurnDecision;
  turnEpoch?: number | null;
  tags?: readonly string[];
  outcome: TurnOutcome;
}

/**
 * Records an agent's turn for the transcript review. The review is a record, not part
 * of the conversation: a failure to write it is logged and the chat goes on.
 */
export async function recordTurn(turn: TurnStart): Promise<string | null> {
  try {
    const row = await getDb().agentTurn.create({
      data: {
        roomId: turn.roomId,
        agentId: turn.agent.id,
        agentName: turn.agent.name,
        heardFrom: turn.heardFrom,
        heardFromAgent: turn.heardFromAgent,
        heard: turn.heard.join("\n").slice(0, 4000),
        decision: turn.decision,
        turnEpoch: turn.turnEpoch ?? null,
        tags: JSON.stringify(turn.tags ?? []),
        outcome: turn.outcome,
      },
      select: { id: true },
    });
    return row.id;
  } catch (error) {
    console.error(`could not record ${turn.agent.name}'s turn for review:`, error);
    return null;
  }
}

/** What came of a turn that decided to speak. */
export async function finishTurn(
  id: string | null,
  result: { outcome: TurnOutcome; draft?: string; replyKey?: string },
): Promise<void> {
  if (!id) return;
  try {
    await getDb().agentTurn.update({
      where: { id },
      data: { outcome: result.outcome, draft: result.draft ?? null, replyKey: result.replyKey ?? null },
    });
  } catch (error) {
    console.error("could not record the outcome of a turn for review:", error);
  }
}
