// A bubble of a `respond` schedule as the Turn-taking API returns it, for tests of what the
// app stores from a schedule.
import { randomUUID } from "node:crypto";
import type { ScheduledMessage } from "@/lib/turn-taking";

export function scheduledMessage(content: string, position: number, dueInMs: number): ScheduledMessage {
  const now = new Date().toISOString();
  return {
    id: randomUUID(),
    thread_id: "t",
    content,
    position,
    deliver_at: new Date(Date.now() + dueInMs).toISOString(),
    status: "scheduled",
    created_at: now,
    updated_at: now,
  };
}
