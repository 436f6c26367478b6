import type { PendingBubble } from "./pending-bubble";

/**
 * Bubbles that fell due while no socket of their thread was attached anywhere, indexed by
 * thread: a socket attaching takes its thread's bubbles without a scan of the others, and
 * tens of thousands held cost the timers nothing.
 */
export class HeldBubbles {
  private readonly byId = new Map<string, PendingBubble>();
  private readonly byThread = new Map<string, Set<string>>();

  get size(): number {
    return this.byId.size;
  }

  has(id: string): boolean {
    return this.byId.has(id);
  }

  add(bubble: PendingBubble): void {
    this.byId.set(bubble.id, bubble);
    let ids = this.byThread.get(bubble.threadPk);
    if (!ids) {
      ids = new Set();
      this.byThread.set(bubble.threadPk, ids);
    }
    ids.add(bubble.id);
  }

  delete(id: string): void {
    const bubble = this.byId.get(id);
    if (!bubble) return;
    this.byId.delete(id);
    const ids = this.byThread.get(bubble.threadPk);
    ids?.delete(id);
    if (ids?.size === 0) this.byThread.delete(bubble.threadPk);
  }

  /** The threads with bubbles held. */
  threads(): string[] {
    return [...this.byThread.keys()];
  }

  /** Removes and returns the thread's held bubbles. */
  takeThread(threadPk: string): PendingBubble[] {
    const ids = this.byThread.get(threadPk);
    if (!ids) return [];
    this.byThread.delete(threadPk);
    const bubbles: PendingBubble[] = [];
    for (const id of ids) {
      const bubble = this.byId.get(id);
      this.byId.delete(id);
      if (bubble) bubbles.push(bubble);
    }
    return bubbles;
  }

  /** Removes and returns the bubbles due before `cutoff`. */
  takeDueBefore(cutoff: number): PendingBubble[] {
    const expired: PendingBubble[] = [];
    for (const bubble of this.byId.values()) if (bubble.deliverAt < cutoff) expired.push(bubble);
    for (const bubble of expired) this.delete(bubble.id);
    return expired;
  }

  clear(): void {
    this.byId.clear();
    this.byThread.clear();
  }
}
