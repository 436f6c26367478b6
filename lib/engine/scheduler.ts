import type { Db } from "../db/client";
import { newRowId } from "./ids";
import { envelope } from "./realtime/frames";
import type { Hub } from "./realtime/hub";
import { formatTimestamp } from "./time";

export interface PendingBubble {
  id: string;
  threadPk: string;
  threadId: string;
  replyPk: string;
  messageId: string;
  content: string;
  position: number;
  isLast: boolean;
  deliverAt: number;
  metadata: unknown;
  sender: string;
}

/**
 * Delivers persisted bubbles at their deliver_at. A bubble is marked sent in the
 * database before its frame goes out, so a crash can lose a frame's timing but never
 * send it twice; on start, every still-scheduled bubble is re-armed (late ones at once).
 */
export class DeliveryScheduler {
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private due: PendingBubble[] = [];
  private flushing: Promise<void> | null = null;
  private stopped = false;

  constructor(
    private readonly db: Db,
    private readonly hub: Hub,
  ) {}

  add(bubbles: PendingBubble[]): void {
    for (const bubble of bubbles) {
      const delay = Math.max(0, bubble.deliverAt - Date.now());
      this.timers.set(
        bubble.id,
        setTimeout(() => {
          this.timers.delete(bubble.id);
          this.enqueue(bubble);
        }, delay),
      );
    }
  }

  async recover(): Promise<number> {
    const rows = await this.db.engineScheduled.findMany({
      where: { status: "scheduled" },
      orderBy: [{ deliverAt: "asc" }, { position: "asc" }],
      include: { reply: { include: { thread: true } } },
    });
    this.add(
      rows.map((r) => ({
        id: r.id,
        threadPk: r.threadPk,
        threadId: r.reply.thread.id,
        replyPk: r.replyPk,
        messageId: r.messageId ?? newRowId(),
        content: r.content,
        position: r.position,
        isLast: r.isLast,
        deliverAt: r.deliverAt.getTime(),
        metadata: r.reply.metadata ? JSON.parse(r.reply.metadata) : null,
        sender: r.reply.thread.agentName ?? "agent",
      })),
    );
    return rows.length;
  }

  get pendingCount(): number {
    return this.timers.size + this.due.length;
  }

  private enqueue(bubble: PendingBubble): void {
    this.due.push(bubble);
    this.flushing ??= this.drain();
  }

  private async drain(): Promise<void> {
    while (this.due.length > 0 && !this.stopped) {
      const batch = this.due.sort((a, b) => a.deliverAt - b.deliverAt || a.position - b.position);
      this.due = [];
      try {
        await this.deliver(batch);
      } catch (error) {
        // The database refused: keep the bubbles and try again shortly (still never twice).
        console.error("engine: delivery failed, retrying", error);
        await new Promise((r) => setTimeout(r, 250));
        this.due.push(...batch);
      }
    }
    this.flushing = null;
  }

  // Everything due at once goes out in one transaction, so a thousand threads cost one write.
  private async deliver(batch: PendingBubble[]): Promise<void> {
    let sentAt = Date.now();
    const claimed = await this.db.$transaction(async (tx) => {
      const open = await tx.engineScheduled.findMany({
        where: { id: { in: batch.map((b) => b.id) }, status: "scheduled" },
        select: { id: true },
      });
      const ids = new Set(open.map((o) => o.id));
      if (ids.size === 0) return [];
      sentAt = Date.now();
      const when = new Date(sentAt);
      await tx.engineScheduled.updateMany({
        where: { id: { in: [...ids] } },
        data: { status: "sent", sentAt: when, updatedAt: when },
      });
      const mine = batch.filter((b) => ids.has(b.id));
      await tx.engineMessage.createMany({
        data: mine.map((b) => ({
          pk: newRowId(),
          threadPk: b.threadPk,
          seq: b.position,
          epoch: -1,
          sender: b.sender,
          content: b.content,
          receivedAt: when,
          self: true,
        })),
      });
      return mine;
    });
    for (const bubble of claimed) {
      this.hub.publish(
        bubble.threadPk,
        envelope("turn_taking.message", bubble.threadId, {
          message_id: bubble.messageId,
          thread_id: bubble.threadId,
          content: bubble.content,
          position: bubble.position,
          sent_at: formatTimestamp(sentAt),
          metadata: bubble.metadata ?? null,
        }),
      );
      if (bubble.isLast) {
        this.hub.publish(
          bubble.threadPk,
          envelope("turn_taking.typing", bubble.threadId, { thread_id: bubble.threadId, typing: false }),
        );
      }
    }
  }

  async stop(): Promise<void> {
    this.stopped = true;
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
    await this.flushing;
  }
}
