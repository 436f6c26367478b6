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

/**
 * TAKE for several counters at once: parameters are (key, window, amount, max) per counter.
 * Each row's ceiling is looked up by its key, as the rows of one statement share one WHERE.
 */
function takeAllSql(n: number, postgres: boolean): string {
  const p = (i: number) => (postgres ? `$${i}` : `?${i}`);
  const cast = (i: number, type: string) => (postgres ? `${p(i)}::${type}` : p(i));
  const rows = Array.from({ length: n }, (_, k) => k * 4);
  const values = rows
    .map((k) => `(${p(k + 1)}, ${cast(k + 2, "timestamp(3)")}, ${cast(k + 3, "int")})`)
    .join(", ");
  const ceiling = rows.map((k) => `WHEN ${p(k + 1)} THEN ${cast(k + 4, "int")}`).join(" ");
  return `INSERT INTO "UsageCounter" ("key", "windowStart", "count") VALUES ${values}
   ON CONFLICT ("key", "windowStart") DO UPDATE SET "count" = "UsageCounter"."count" + excluded."count"
   WHERE "UsageCounter"."count" + excluded."count" <= CASE excluded."key" ${ceiling} END
   RETURNING "key", "count"`;
}

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

  /**
   * Takes from every limit or from none, in one statement: each counter is bumped only while it
   * fits, and a refusal gives back what the same statement took from the others. The refusal
   * reported is the first limit, in the order given, that did not fit. A limit's own `amount`
   * overrides the shared one.
   */
  async takeAll(
    limits: readonly (Limit & { amount?: number })[],
    amount = 1,
    now = Date.now(),
  ): Promise<TakeAllResult> {
    const units = limits.map((limit) => limit.amount ?? amount);
    if (limits.length === 1) {
      const result = await this.take(limits[0]!, units[0], now);
      return result.ok ? { ok: true, used: [result.used] } : result;
    }
    const tooBig = limits.find((limit, i) => units[i]! > limit.max);
    if (tooBig) return { ok: false, limit: tooBig, retryAfterS: secondsLeft(tooBig.windowMs, now) };
    if (new Set(limits.map((l) => l.key)).size !== limits.length)
      throw new Error("takeAll: each limit needs its own key");
    const postgres = databaseProvider(process.env.DATABASE_URL) === "postgres";
    // Rows in key order, whatever the caller's order: two statements taking the same counters
    // lock their rows in the same order, so Postgres never sees them wait on each other.
    const byKey = [...limits.keys()].sort((a, b) => (limits[a]!.key < limits[b]!.key ? -1 : 1));
    const rows = await getDb().$queryRawUnsafe<{ key: string; count: number | bigint }[]>(
      takeAllSql(limits.length, postgres),
      ...byKey.flatMap((i) => [
        limits[i]!.key,
        windowParam(windowStart(limits[i]!.windowMs, now)),
        units[i],
        limits[i]!.max,
      ]),
    );
    const counts = new Map(rows.map((r) => [r.key, Number(r.count)]));
    const refused = limits.find((limit) => !counts.has(limit.key));
    if (refused) {
      for (const [i, limit] of limits.entries())
        if (counts.has(limit.key)) await this.giveBack(limit, units[i], now);
      return { ok: false, limit: refused, retryAfterS: secondsLeft(refused.windowMs, now) };
    }
    const used = limits.map((limit) => counts.get(limit.key)!);
    if (used.some((n, i) => n === units[i]) && Math.random() < PRUNE_CHANCE)
      void this.prune(new Date(now - DAY_MS)).catch(() => {});
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

  /** `used` of several counters of one window length, in one query, in the order given. */
  async usedAll(keys: readonly string[], windowMs: number, now = Date.now()): Promise<number[]> {
    const rows = await getDb().usageCounter.findMany({
      where: { key: { in: [...keys] }, windowStart: windowStart(windowMs, now) },
      select: { key: true, count: true },
    });
    const counts = new Map(rows.map((r) => [r.key, r.count]));
    return keys.map((key) => counts.get(key) ?? 0);
  },

  /** Drops windows that started before `before` (called now and then from take). */
  async prune(before: Date): Promise<void> {
    await getDb().usageCounter.deleteMany({ where: { windowStart: { lt: before } } });
  },
};
