import type { InterruptedBubble } from "../contract/turn-taking";
import { cancelFirstBubbleNotYetDue, cancelRestOfReply } from "./store/queries/scheduled-bubbles";
import type { Statement } from "./store/sql";

// Interruptible threads (an engine extension): a person who says "wait, ignore that" while
// the agent is still reading or typing stops the reply, as they would stop a person.

/** A batch interrupts unless every line in it is the agent's own. */
export function interrupts(senders: string[], agentName: string | null): boolean {
  if (!agentName) return senders.length > 0;
  const agent = agentName.trim().toLowerCase();
  return senders.some((sender) => sender.trim().toLowerCase() !== agent);
}

export type { InterruptedBubble } from "../contract/turn-taking";

/**
 * Statements (for the batch's own transaction) that cancel the thread's reply whose first
 * bubble is still ahead (its deliver_at not reached). The first bubble is taken first, by the same conditional update
 * that the scheduler's claim races against: whichever changes that row first wins, so a
 * reply is either stopped before anything of it went out or not at all. Then the rest of
 * that reply (its first bubble now cancelled at `at`) follows.
 */
export function cancelPendingReply(threadPk: string, at: Date): Statement[] {
  return [cancelFirstBubbleNotYetDue(threadPk, at), cancelRestOfReply(threadPk, at)];
}

/** The cancelled bubbles from those statements' RETURNING rows, in position order. */
export function interruptedFrom(rows: Record<string, unknown>[]): InterruptedBubble[] {
  return rows
    .map((r) => ({ id: String(r.id), position: Number(r.position) }))
    .sort((a, b) => a.position - b.position);
}
