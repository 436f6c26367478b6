/**
 * A bounded set of the most recently seen ids (least recently seen evicted first), so a
 * long-lived socket can drop replayed frames without growing forever.
 */
export class RecentIds {
  private readonly ids = new Set<string>();

  constructor(readonly capacity = 500) {
    if (!(capacity >= 1)) throw new RangeError("RecentIds: capacity must be at least 1");
  }

  /** Records `id`; returns false when it was already among the recent ids. */
  add(id: string): boolean {
    const seen = this.ids.delete(id);
    this.ids.add(id);
    if (this.ids.size > this.capacity) {
      const oldest = this.ids.values().next().value;
      if (oldest !== undefined) this.ids.delete(oldest);
    }
    return !seen;
  }

  has(id: string): boolean {
    return this.ids.has(id);
  }

  get size(): number {
    return this.ids.size;
  }
}
