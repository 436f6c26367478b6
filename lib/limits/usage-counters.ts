import "server-only";
import { getDb } from "@/lib/db/client";
import { databaseProvider } from "@/lib/db/url";

/** A limit on one counter: at most `max` units per fixed window of `windowMs`. */
export interface Limit {
  key: string;
  max: number;
  windowMs: number;
}

export type Refused = { ok: false; limit: Limit; retryAfterS: number };
/** `used`: the window's count after the take. */
export type TakeResult = { ok: true; used: number } | Refused;
/** `used`: each limit's count after the take, in the order given. */
export type TakeAllResult = { ok: true; used: number[] } | Refused;

export const windowStart = (windowMs: number, now: number) => new Date(Math.floor(now / windowMs) * windowMs);

/** Seconds until the window that holds `now` ends (at least 1). */
export const secondsLeft = (windowMs: number, now: number) =>
  Math.max(1, Math.ceil((windowStart(windowMs, now).getTime() + windowMs - now) / 1000));

const DAY_MS = 86_400_000;
const PRUNE_CHANCE = 0.01;

/**
 * A take as one statement: the window's first row is inserted, or the existing row is bumped
 * only while `count + n <= max`. No row back means refused. (A read between two writes would
 * refuse a take that merely lost the race to create the window's row.)
 */
const TAKE = (p: (i: number) => string, window: string) =>
  `INSERT INTO "UsageCounter" ("key", "windowStart", "count") VALUES (${p(1)}, ${window}, ${p(3)})
   ON CONFLICT ("key", "windowStart") DO UPDATE SET "count" = "UsageCounter"."count" + excluded."count"
   WHERE "UsageCounter"."count" + excluded."count" <= ${p(4)}
   RETURNING "count"`;
const TAKE_POSTGRES = TAKE((i) => `$${i}`, "$2::timestamp(3)");
const TAKE_SQLITE = TAKE((i) => `?${i}`, "?2");

/** How each database keeps a DateTime written by Prisma: UTC without a zone, or ISO text with an offset. */
const windowParam = (date: Date) =>
  databaseProvider(process.env.DATABASE_URL) === "postgres"
    ? date.toISOString().replace("Z", "")
    : date.toISOString().replace("Z", "+00:00");

/**
 * Usage counters in the database (table UsageCounter), so every app instance counts against
 * the same rows. A take is one conditional upsert: the database decides a race.
 */
export const usageCounters = {
  async take(limit: Limit, amount = 1, now = Date.now()): Promise<TakeResult> {
    const refused = { ok: false, limit, retryAfterS: secondsLeft(limit.windowMs, now) } as const;
    if (amount > limit.max) return refused;
    const start = windowStart(limit.windowMs, now);
    const postgres = databaseProvider(process.env.DATABASE_URL) === "postgres";
    const rows = await getDb().$queryRawUnsafe<{ count: number | bigint }[]>(
      postgres ? TAKE_POSTGRES : TAKE_SQLITE,
      limit.key,
      windowParam(start),
      amount,
      limit.max,
    );
    if (rows.length === 0) return refused;
    const used = Number(rows[0]!.count);
    // Now and then a window's first take also clears windows older than a day (the longest is an hour).
    if (used === amount && Math.random() < PRUNE_CHANCE)
      void this.prune(new Date(now - DAY_MS)).catch(() => {});
    return { ok: true, used };
  },

  /** Takes from every limit or from none: a refusal gives back what was already taken. */
  async takeAll(limits: readonly Limit[], amount = 1, now = Date.now()): Promise<TakeAllResult> {
    const used: number[] = [];
    for (const [i, limit] of limits.entries()) {
      const result = await this.take(limit, amount, now);
      if (!result.ok) {
        for (const done of limits.slice(0, i)) await this.giveBack(done, amount, now);
        return result;
      }
      used.push(result.used);
    }
    return { ok: true, used };
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
