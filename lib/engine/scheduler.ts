import type { ThreadHistory } from "./history";
import { newRowId, newWireId } from "./ids";
import { envelope } from "./realtime/frames";
import type { Hub } from "./realtime/hub";
import { type Sql, type Statement, toBool, toDate } from "./store/sql";
import { formatTimestamp } from "./time";

const MAX_BATCH = 500;

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
  private readonly recording = new Set<Promise<void>>();
  private stopped = false;

  constructor(
    private readonly sql: Sql,
    private readonly hub: Hub,
    private readonly history: ThreadHistory,
  ) {}

  add(bubbles: PendingBubble[]): void {
    for (const bubble of bubbles) this.arm(bubble);
  }

  /** Bubbles cancelled in the database: their timers go (a claim would find nothing to send anyway). */
  cancel(ids: string[]): void {
    for (const id of ids) {
      const timer = this.timers.get(id);
      if (timer) clearTimeout(timer);
      this.timers.delete(id);
    }
  }

  private arm(bubble: PendingBubble): void {
    const delay = Math.max(0, bubble.deliverAt - Date.now());
    this.timers.set(
      bubble.id,
      setTimeout(() => {
        this.timers.delete(bubble.id);
        // Timers run on the loop's monotonic clock and may fire a millisecond before the
        // wall clock reaches deliver_at; a bubble is never sent before its time.
        if (Date.now() < bubble.deliverAt) this.arm(bubble);
        else this.enqueue(bubble);
      }, delay),
    );
  }

  async recover(): Promise<number> {
    const rows = await this.sql.all<Record<string, unknown>>(
      `SELECT s."id", s."threadPk", s."replyPk", s."messageId", s."content", s."position", s."isLast", s."deliverAt",
              r."metadata", t."id" AS "threadId", t."agentName"
       FROM "EngineScheduled" s
       JOIN "EngineReply" r ON r."pk" = s."replyPk"
       JOIN "EngineThread" t ON t."pk" = s."threadPk"
       WHERE s."status" = 'scheduled'
       ORDER BY s."deliverAt" ASC, s."position" ASC`,
    );
    this.add(
      rows.map((r) => ({
        id: String(r.id),
        threadPk: String(r.threadPk),
        threadId: String(r.threadId),
        replyPk: String(r.replyPk),
        messageId: r.messageId ? String(r.messageId) : newWireId(),
        content: String(r.content),
        position: Number(r.position),
        isLast: toBool(r.isLast),
        deliverAt: toDate(r.deliverAt).getTime(),
        metadata: r.metadata ? JSON.parse(String(r.metadata)) : null,
        sender: r.agentName ? String(r.agentName) : "agent",
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
      this.due.sort((a, b) => a.deliverAt - b.deliverAt || a.position - b.position);
      const batch = this.due.splice(0, MAX_BATCH);
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

  // Everything due at once is claimed with one statement, so a thousand threads cost one write.
  private async deliver(batch: PendingBubble[]): Promise<void> {
    const sentAt = Date.now();
    const when = new Date(sentAt);
    // One conditional update claims the batch: a bubble already sent (by us before a
    // crash, or by another instance) is not returned, so it is never sent twice.
    const placeholders = batch.map(() => "?").join(",");
    const open = await this.sql.all<{ id: string }>(
      `UPDATE "EngineScheduled" SET "status" = 'sent', "sentAt" = ?, "updatedAt" = ?
       WHERE "status" = 'scheduled' AND "id" IN (${placeholders}) RETURNING "id"`,
      [when, when, ...batch.map((b) => b.id)],
    );
    const ids = new Set(open.map((o) => String(o.id)));
    const claimed = batch.filter((b) => ids.has(b.id));
    if (claimed.length === 0) return;
    // The agent's own lines join the thread history, so the decider knows who spoke.
    const history: Statement[] = claimed.map((b) => ({
      sql: `INSERT INTO "EngineMessage" ("pk","threadPk","seq","epoch","sender","content","receivedAt","hasMedia","self") VALUES (?,?,?,?,?,?,?,?,?)`,
      args: [newRowId(), b.threadPk, b.position, -1, b.sender, b.content, when, false, true],
    }));
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
    // The bubbles that fall due meanwhile need not wait for these rows.
    const recorded = this.sql.batch(history).then(
      () => {
        for (const b of claimed)
          this.history.append(b.threadPk, [{ sender: b.sender, content: b.content, ts: sentAt, self: true }]);
      },
      (error) => {
        // Sent, and claimed as sent; only the thread history misses these lines.
        console.error("engine: recording delivered bubbles in the thread history failed", error);
        for (const b of claimed) this.history.forget(b.threadPk);
      },
    );
    this.recording.add(recorded);
    void recorded.finally(() => this.recording.delete(recorded));
  }

  async stop(): Promise<void> {
    this.stopped = true;
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
    await this.flushing;
    await Promise.all(this.recording);
  }
}
