import { HeldBubbles } from "./held-bubbles";
import type { ThreadHistory } from "./history";
import { newRowId, newWireId } from "./ids";
import type { PendingBubble } from "./pending-bubble";
import { envelope } from "./realtime/frames";
import type { Hub } from "./realtime/hub";
import { ScheduleLease } from "./schedule-lease";
import { insertDeliveredBubble } from "./store/queries/messages";
import { claimBubblesAsSent, expireBubbles, selectScheduledBubbles } from "./store/queries/scheduled-bubbles";
import { type Sql, type Statement, toBool, toDate } from "./store/sql";
import { formatTimestamp } from "./time";

const MAX_BATCH = 500;
/** A bubble due while no socket of its thread is attached anywhere waits this long for one. */
export const HOLD_MS = 10 * 60_000;
/**
 * How often held bubbles look again for a socket attached to another instance (one
 * attaching here is noticed at once), and give up those held too long.
 */
const HELD_RECHECK_MS = 1000;

/** Bubbles still within HOLD_MS of their deliver_at, and those held longer (to be given up). */
function byHoldAge(bubbles: PendingBubble[]): { fresh: PendingBubble[]; stale: PendingBubble[] } {
  const cutoff = Date.now() - HOLD_MS;
  return {
    fresh: bubbles.filter((b) => b.deliverAt >= cutoff),
    stale: bubbles.filter((b) => b.deliverAt < cutoff),
  };
}

/**
 * Delivers persisted bubbles at their deliver_at. A bubble is marked sent in the
 * database before its frame goes out, so a crash can lose a frame's timing but never
 * send it twice; on start, every still-scheduled bubble is re-armed (late ones at once).
 * A bubble that falls due while no socket of its thread is attached anywhere (the engine
 * was down, every client is reconnecting) is held, not marked sent: the first socket that
 * attaches within HOLD_MS gets it, once. With several instances on Postgres, each bubble
 * belongs to one instance's timers, under a lease the others take over when it lapses.
 */
export class DeliveryScheduler {
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private due: PendingBubble[] = [];
  private flushing: Promise<void> | null = null;
  private readonly recording = new Set<Promise<void>>();
  private readonly held = new HeldBubbles();
  private heldTimer: NodeJS.Timeout | null = null;
  private rechecking = false;
  private readonly lease: ScheduleLease;
  private stopped = false;

  constructor(
    private readonly sql: Sql,
    private readonly hub: Hub,
    private readonly history: ThreadHistory,
  ) {
    this.lease = new ScheduleLease(sql, async (ids) => {
      await this.load(ids);
    });
    hub.onAttach((threadPk) => this.attached(threadPk));
  }

  /** The owner to record on a bubble this instance schedules (null on SQLite). */
  get owner(): string | null {
    return this.lease.owner;
  }

  add(bubbles: PendingBubble[]): void {
    // A bubble already armed or held here (e.g. taken over again on attach) is not armed twice.
    for (const bubble of bubbles)
      if (!this.timers.has(bubble.id) && !this.held.has(bubble.id)) this.arm(bubble);
  }
  /** Bubbles cancelled in the database: their timers go (a claim would find nothing to send anyway). */
  cancel(ids: string[]): void {
    for (const id of ids) {
      const timer = this.timers.get(id);
      if (timer) clearTimeout(timer);
      this.timers.delete(id);
      this.held.delete(id);
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

  /**
   * Re-arms the bubbles still scheduled after a restart (late ones fall due at once and
   * are held until a socket attaches). On Postgres: those whose owner's lease lapsed.
   */
  async recover(): Promise<number> {
    if (this.lease.enabled) return this.lease.start();
    return this.load(null);
  }

  /** Arms scheduled bubbles read from the database: the given ones, or all. */
  private async load(ids: string[] | null): Promise<number> {
    if (ids !== null && ids.length === 0) return 0;
    const query = selectScheduledBubbles(ids);
    const rows = await this.sql.all<Record<string, unknown>>(query.sql, query.args);
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

  /** A socket attached here: the thread's held bubbles go to it now (and, on Postgres, those held elsewhere). */
  private attached(threadPk: string): void {
    this.release(this.held.takeThread(threadPk));
    this.lease.takeDue(threadPk).catch((error) => console.error("engine: taking held bubbles failed", error));
  }

  private hold(bubbles: PendingBubble[]): void {
    for (const bubble of bubbles) this.held.add(bubble);
    if (this.heldTimer || this.held.size === 0 || this.stopped) return;
    this.heldTimer = setInterval(() => void this.recheckHeld(), HELD_RECHECK_MS);
    this.heldTimer.unref();
  }

  /** Held bubbles whose thread gained a socket on another instance go out; those held too long expire. */
  private async recheckHeld(): Promise<void> {
    if (this.rechecking) return;
    this.rechecking = true;
    try {
      await this.expire(this.held.takeDueBefore(Date.now() - HOLD_MS));
      // Without a relay a socket can only attach here, and attached() has seen to it.
      if (this.hub.relayed && this.held.size > 0)
        for (const threadPk of await this.hub.listened(this.held.threads()))
          this.release(this.held.takeThread(threadPk));
    } catch (error) {
      console.error("engine: rechecking held bubbles failed", error);
    } finally {
      this.rechecking = false;
    }
    if (this.held.size === 0 && this.heldTimer) {
      clearInterval(this.heldTimer);
      this.heldTimer = null;
    }
  }

  /** Held bubbles a socket can now receive go out, unless held longer than HOLD_MS. */
  private release(bubbles: PendingBubble[]): void {
    const { fresh, stale } = byHoldAge(bubbles);
    for (const bubble of fresh) this.enqueue(bubble);
    this.expire(stale).catch((error) => console.error("engine: expiring failed", error));
  }

  /** Nobody attached within HOLD_MS: the bubble is given up, never sent. */
  private async expire(bubbles: PendingBubble[]): Promise<void> {
    if (bubbles.length === 0) return;
    const update = expireBubbles(
      bubbles.map((b) => b.id),
      new Date(),
    );
    await this.sql.run(update.sql, update.args);
  }

  /** Splits due bubbles into those a socket somewhere can receive now and those to hold. */
  private async deliverable(batch: PendingBubble[]): Promise<PendingBubble[]> {
    // One question for the whole batch; threads with a socket here cost no round trip.
    const listened = await this.hub.listened(new Set(batch.map((b) => b.threadPk)));
    const ready = batch.filter((b) => listened.has(b.threadPk));
    if (ready.length < batch.length) {
      const { fresh, stale } = byHoldAge(batch.filter((b) => !listened.has(b.threadPk)));
      await this.expire(stale);
      this.hold(fresh);
    }
    return ready;
  }

  get pendingCount(): number {
    return this.timers.size + this.due.length + this.held.size;
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
  private async deliver(due: PendingBubble[]): Promise<void> {
    const batch = await this.deliverable(due);
    if (batch.length === 0) return;
    const sentAt = Date.now();
    const when = new Date(sentAt);
    // One conditional update claims the batch: a bubble already sent (by us before a
    // crash, or by another instance) is not returned, so it is never sent twice.
    const claim = claimBubblesAsSent(
      batch.map((b) => b.id),
      when,
    );
    const open = await this.sql.all<{ id: string }>(claim.sql, claim.args);
    const ids = new Set(open.map((o) => String(o.id)));
    const claimed = batch.filter((b) => ids.has(b.id));
    if (claimed.length === 0) return;
    // The agent's own lines join the thread history, so the decider knows who spoke.
    const history: Statement[] = claimed.map((b) =>
      insertDeliveredBubble({
        pk: newRowId(),
        threadPk: b.threadPk,
        position: b.position,
        sender: b.sender,
        content: b.content,
        sentAt: when,
      }),
    );
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
    if (this.heldTimer) clearInterval(this.heldTimer);
    this.held.clear();
    await this.lease.stop();
    await this.flushing;
    await Promise.all(this.recording);
  }
}
