import "server-only";
import { getDb } from "@/lib/db/client";

export type ActivityKind = "typing_start" | "typing_stop" | "signal";

/**
 * Typing and signal events, kept for the review's timeline. A record, not part of the
 * conversation: a failure to write one is logged and the chat goes on.
 */
export async function recordActivity(
  roomId: string,
  kind: ActivityKind,
  actor: string,
  detail: string | null = null,
): Promise<void> {
  await getDb()
    .roomActivity.create({ data: { roomId, kind, actor, detail } })
    .catch((error) => console.error(`could not record ${kind} in room ${roomId}:`, error));
}
