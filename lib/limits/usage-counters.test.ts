import { describe, expect, it, vi } from "vitest";
import { getDb } from "../db/client";
import { bothDatabases, useDatabase } from "../testing/both-databases";
import { type Limit, usageCounters, windowStart } from "./usage-counters";

vi.mock("server-only", () => ({}));

const HOUR_MS = 3_600_000;
const databases = await bothDatabases("usage-counters");

describe.each(databases)("usage counters on %s", (_name, { url }) => {
  const run = url ? it : it.skip;
  const use = () => useDatabase(url!);

  run("lets exactly max units through when many takes race for a window nobody has used yet", async () => {
    await use();
    const limit: Limit = { key: `race:${Math.random()}`, max: 10, windowMs: HOUR_MS };
    const results = await Promise.all(Array.from({ length: 30 }, () => usageCounters.take(limit)));
    expect(results.filter((r) => r.ok)).toHaveLength(10);
    expect(await usageCounters.used(limit.key, HOUR_MS)).toBe(10);
  });

  run("refuses no take that fits, even when it lost the race to start the window", async () => {
    await use();
    // Three agents reserving a decision each, the moment a person's message arrives.
    for (let round = 0; round < 20; round++) {
      const limit: Limit = { key: `fits:${round}:${Math.random()}`, max: 10, windowMs: HOUR_MS };
      const results = await Promise.all([1, 2, 3].map(() => usageCounters.take(limit)));
      expect(results.every((r) => r.ok)).toBe(true);
    }
  });

  run("takes several units at once only while they fit, and gives them back", async () => {
    await use();
    const limit: Limit = { key: `units:${Math.random()}`, max: 5, windowMs: HOUR_MS };
    expect((await usageCounters.take(limit, 3)).ok).toBe(true);
    const refused = await usageCounters.take(limit, 3);
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.retryAfterS).toBeGreaterThan(0);
    expect((await usageCounters.take(limit, 2)).ok).toBe(true);
    await usageCounters.giveBack(limit, 2);
    expect(await usageCounters.used(limit.key, HOUR_MS)).toBe(3);
    expect((await usageCounters.take(limit, 6)).ok).toBe(false);
  });

  run("counts each window on its own row, readable through Prisma", async () => {
    await use();
    const limit: Limit = { key: `windows:${Math.random()}`, max: 1, windowMs: HOUR_MS };
    const now = Date.now();
    expect((await usageCounters.take(limit, 1, now)).ok).toBe(true);
    expect((await usageCounters.take(limit, 1, now)).ok).toBe(false);
    expect((await usageCounters.take(limit, 1, now + HOUR_MS)).ok).toBe(true);
    const row = await getDb().usageCounter.findUnique({
      where: { key_windowStart: { key: limit.key, windowStart: windowStart(HOUR_MS, now) } },
    });
    expect(row?.count).toBe(1);
  });

  run("takes from several counters in one go, all or none, even when many race", async () => {
    await use();
    const tight: Limit = { key: `tight:${Math.random()}`, max: 10, windowMs: HOUR_MS };
    const roomy: Limit = { key: `roomy:${Math.random()}`, max: 100, windowMs: 60_000 };
    const results = await Promise.all(
      Array.from({ length: 30 }, () => usageCounters.takeAll([roomy, tight])),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(10);
    for (const r of results) if (!r.ok) expect(r.limit.key).toBe(tight.key);
    // What a refused take got from the roomy counter went back.
    expect(await usageCounters.used(tight.key, HOUR_MS)).toBe(10);
    expect(await usageCounters.used(roomy.key, 60_000)).toBe(10);
  });

  run("takes several units from several counters, reporting the first that does not fit", async () => {
    await use();
    const a: Limit = { key: `a:${Math.random()}`, max: 4, windowMs: HOUR_MS };
    const b: Limit = { key: `b:${Math.random()}`, max: 3, windowMs: HOUR_MS };
    const c: Limit = { key: `c:${Math.random()}`, max: 9, windowMs: HOUR_MS };
    expect(await usageCounters.takeAll([a, b, c], 2)).toEqual({ ok: true, used: [2, 2, 2] });
    const refused = await usageCounters.takeAll([c, a, b], 2);
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.limit.key).toBe(b.key);
    expect(await usageCounters.used(a.key, HOUR_MS)).toBe(2);
    expect(await usageCounters.used(c.key, HOUR_MS)).toBe(2);
    expect(await usageCounters.usedAll([a.key, "nobody", c.key], HOUR_MS)).toEqual([2, 0, 2]);
    // Each limit its own amount.
    expect(
      await usageCounters.takeAll(
        [
          { ...a, amount: 1 },
          { ...c, amount: 4 },
        ],
        2,
      ),
    ).toEqual({
      ok: true,
      used: [3, 6],
    });
    expect(
      (
        await usageCounters.takeAll([
          { ...c, amount: 1 },
          { ...a, amount: 2 },
        ])
      ).ok,
    ).toBe(false);
    expect(await usageCounters.usedAll([a.key, c.key], HOUR_MS)).toEqual([3, 6]);
    const tooMany = await usageCounters.takeAll([c, a], 5);
    expect(tooMany.ok === false && tooMany.limit.key).toBe(a.key);
  });

  run("takes the same counters from call sites that list them in opposite orders, all at once", async () => {
    await use();
    const a: Limit = { key: `x:${Math.random()}`, max: 1000, windowMs: HOUR_MS };
    const b: Limit = { key: `y:${Math.random()}`, max: 1000, windowMs: HOUR_MS };
    const results = await Promise.all(
      Array.from({ length: 40 }, (_, i) => usageCounters.takeAll(i % 2 === 0 ? [a, b] : [b, a])),
    );
    expect(results.every((r) => r.ok)).toBe(true);
    expect(await usageCounters.usedAll([a.key, b.key], HOUR_MS)).toEqual([40, 40]);
  });
});
