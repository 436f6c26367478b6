import "server-only";
import { getDb } from "@/lib/db/client";

/** A limit on one counter: at most `max` units per fixed window of `windowMs`. */
export interface Limit {
  key: string;
  max: number;
  windowMs: number;
}

export type TakeResult = { ok: true } | { ok: false; limit: Limit; retryAfterS: number };

export const windowStart = (windowMs: number, now: number) => new Date(Math.floor(now / windowMs) * windowMs);

/** Seconds until the window that holds `now` ends (at least 1). */
export const secondsLeft = (windowMs: number, now: number) =>
  Math.max(1, Math.ceil((windowStart(windowMs, now).getTime() + windowMs - now) / 1000));

const DAY_MS = 86_400_000;
const PRUNE_CHANCE = 0.01;

const isUniqueViolation = (error: unknown) =>
  error instanceof Error && "code" in error && (error as { code?: string }).code === "P2002";

/**
 * Usage counters in the database (table UsageCounter), so every app instance counts against
 * the same rows. A take is one conditional UPDATE (`count + n <= max`), or the INSERT of the
 * window's first row: the database decides a race, never a read followed by a write.
 */
export const usageCounters = {
  async take(limit: Limit, amount = 1, now = Date.now()): Promise<TakeResult> {
    const db = getDb();
    const start = windowStart(limit.windowMs, now);
    const refused = { ok: false, limit, retryAfterS: secondsLeft(limit.windowMs, now) } as const;
    if (amount > limit.max) return refused;
    for (let attempt = 0; attempt < 3; attempt++) {
      const updated = await db.usageCounter.updateMany({
        where: { key: limit.key, windowStart: start, count: { lte: limit.max - amount } },
        data: { count: { increment: amount } },
      });
      if (updated.count === 1) return { ok: true };
      if (
        await db.usageCounter.findUnique({
          where: { key_windowStart: { key: limit.key, windowStart: start } },
        })
      )
        return refused;
      try {
        await db.usageCounter.create({ data: { key: limit.key, windowStart: start, count: amount } });
        // Now and then a new window also clears windows older than a day (the longest is an hour).
        if (Math.random() < PRUNE_CHANCE) void this.prune(new Date(now - DAY_MS)).catch(() => {});
        return { ok: true };
      } catch (error) {
        if (!isUniqueViolation(error)) throw error; // another instance created it first: update again
      }
    }
    return refused;
  },

  /** Takes from every limit or from none: a refusal gives back what was already taken. */
  async takeAll(limits: readonly Limit[], amount = 1, now = Date.now()): Promise<TakeResult> {
    const taken: Limit[] = [];
    for (const limit of limits) {
      const result = await this.take(limit, amount, now);
      if (!result.ok) {
        for (const done of taken) await this.giveBack(done, amount, now);
        return result;
      }
      taken.push(limit);
    }
    return { ok: true };
  },

  /** Undoes a take (a sign-in that succeeded, a call that was not made). */
  async giveBack(limit: Limit, amount = 1, now = Date.now()): Promise<void> {
    await getDb().usageCounter.updateMany({
      where: { key: limit.key, windowStart: windowStart(limit.windowMs, now), count: { gte: amount } },
      data: { count: { decrement: amount } },
    });
  },

  /** Adds without a ceiling (spend that already happened) and returns the window's total. */
  async add(key: string, windowMs: number, amount: number, now = Date.now()): Promise<number> {
    const start = windowStart(windowMs, now);
    const row = await getDb().usageCounter.upsert({
      where: { key_windowStart: { key, windowStart: start } },
      create: { key, windowStart: start, count: amount },
      update: { count: { increment: amount } },
    });
    return row.count;
  },

  async used(key: string, windowMs: number, now = Date.now()): Promise<number> {
    const row = await getDb().usageCounter.findUnique({
      where: { key_windowStart: { key, windowStart: windowStart(windowMs, now) } },
    });
    return row?.count ?? 0;
  },

  /** Drops windows that started before `before` (called now and then from take). */
  async prune(before: Date): Promise<void> {
    await getDb().usageCounter.deleteMany({ where: { windowStart: { lt: before } } });
  },
};
