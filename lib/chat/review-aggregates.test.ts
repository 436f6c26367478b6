// The review's aggregate SQL on both databases: the stored day and delay columns, whole-day
// ranges, nearest-rank percentiles, and the all-rooms read (which SQLite plans differently).
import { describe, expect, it, vi } from "vitest";
import { getDb } from "../db/client";
import { bothDatabases, useDatabase } from "../testing/both-databases";
import { eventually } from "../testing/eventually";
import { roomWithAgentRows } from "../testing/room-rows";
import { recordTurn } from "./agent-turns";
import { chartsScope, getReviewCharts, loadChart } from "./review-charts";
import { listReviewIndex } from "./review-index";
import { parseIndexQuery } from "./review-index-query";

vi.mock("server-only", () => ({}));

const databases = await bothDatabases("review-aggregates");

const DAY = 86_400_000;
const day0 = Date.parse("2026-11-02T00:00:00Z");

async function seed() {
  const db = getDb();
  const user = await db.user.create({ data: { name: "Reviewer" } });
  const other = await db.user.create({ data: { name: "Someone else" } });
  const mine = await roomWithAgentRows(user.id, "mine");
  const theirs = await roomWithAgentRows(other.id, "theirs");
  // Replies heard at noon on day 0 and day 1 with first bubbles 100…1000 ms later (10 replies),
  // two silences on day 2, and a reply in a room the reviewer is not in.
  const at = (d: number, ms = 0) => new Date(day0 + d * DAY + 12 * 3_600_000 + ms);
  for (let i = 1; i <= 10; i++) {
    const heard = at(i <= 5 ? 0 : 1, i);
    recordTurn({
      roomId: mine.roomId,
      agent: mine.agent,
      heardFrom: "Ana",
      heardFromAgent: false,
      heard: ["hi"],
      at: heard,
      decision: "speak",
      outcome: "replied",
      credits: 3,
      firstBubbleAt: new Date(heard.getTime() + i * 100),
      lastBubbleAt: new Date(heard.getTime() + i * 100 + 2000),
    });
  }
  for (let i = 0; i < 2; i++) {
    recordTurn({
      roomId: mine.roomId,
      agent: mine.agent,
      heardFrom: "Ana",
      heardFromAgent: false,
      heard: ["ok"],
      at: at(2, i),
      decision: "stay_silent",
      outcome: "silent",
      credits: 1,
    });
  }
  recordTurn({
    roomId: theirs.roomId,
    agent: theirs.agent,
    heardFrom: "Bo",
    heardFromAgent: false,
    heard: ["hey"],
    at: at(0),
    decision: "speak",
    outcome: "replied",
    credits: 3,
    firstBubbleAt: new Date(at(0).getTime() + 9000),
  });
  const recorded = await eventually(
    async () =>
      (await db.agentTurn.count({ where: { roomId: { in: [mine.roomId, theirs.roomId] } } })) === 13,
  );
  expect(recorded).toBe(true);
  return { user, mine, theirs };
}

describe.each(databases)("review aggregates on %s", (_name, { url }) => {
  const run = url ? it : it.skip;

  run(
    "groups turns by the stored day and delays, within whole-day ranges, over the reviewer's rooms only",
    async () => {
      await useDatabase(url!);
      const { user, mine } = await seed();

      const turns = await getDb().agentTurn.findMany({
        where: { roomId: mine.roomId },
        orderBy: { createdAt: "asc" },
      });
      expect(turns[0]).toMatchObject({ day: "2026-11-02", firstDelayMs: 100, lastDelayMs: 2100 });
      expect(turns.at(-1)).toMatchObject({ day: "2026-11-04", firstDelayMs: null, lastDelayMs: null });

      // The reviewer is in one of the two rooms: half of them, so SQLite takes the all-rooms read.
      const all = await getReviewCharts(user.id, {});
      expect(all.totals).toEqual({ turns: 12, decided: 12, credits: 32 });
      expect(all.creditsPerDay).toEqual([
        { at: "2026-11-02", credits: 15 },
        { at: "2026-11-03", credits: 15 },
        { at: "2026-11-04", credits: 2 },
      ]);
      expect(all.delay.buckets.reduce((n, b) => n + b.firstBubble, 0)).toBe(10);
      expect(all.delay.first).toEqual({ n: 10, p50: 500, p95: 1000 });
      expect(all.delay.last).toEqual({ n: 10, p50: 2500, p95: 3000 });
      // The hourly window is the 48 hours up to the end of the latest day with a turn.
      expect(all.decisionsPerHour).toEqual([
        { at: "2026-11-03T12", speak: 5, stay_silent: 0, other: 0 },
        { at: "2026-11-04T12", speak: 0, stay_silent: 2, other: 0 },
      ]);
      expect(all.speakRate.bucket).toBe("day");
      expect(all.reasons).toMatchObject({ read: 12, sampled: false });

      // Each chart loaded on its own (a page streams them, `?chart=` asks for one) says the same.
      const scope = await chartsScope(user.id, {});
      expect(await loadChart(scope, "speak-rate")).toEqual(all.speakRate);
      expect(await loadChart(scope, "delay")).toEqual(all.delay);
      expect(await loadChart(scope, "decisions")).toEqual(all.decisionsPerHour);
      expect(await loadChart(scope, "credits")).toEqual({ points: all.creditsPerDay, total: 32 });
      expect(await loadChart(scope, "reasons")).toEqual(all.reasons);

      const ranged = await getReviewCharts(user.id, { from: "2026-11-03", to: "2026-11-03" });
      expect(ranged.totals).toEqual({ turns: 5, decided: 5, credits: 15 });
      expect(ranged.creditsPerDay.map((d) => d.at)).toEqual(["2026-11-03"]);

      const oneRoom = await getReviewCharts(user.id, { roomId: mine.roomId, from: "2026-11-04" });
      expect(oneRoom.totals).toEqual({ turns: 2, decided: 2, credits: 2 });

      const parsed = parseIndexQuery({ sort: "delayP95" });
      if (!parsed.ok) throw new Error("bad query");
      const index = await listReviewIndex(user.id, parsed.value);
      expect(index.rows).toHaveLength(1);
      expect(index.rows[0]).toMatchObject({
        id: mine.roomId,
        turns: 12,
        spoke: 10,
        silences: 2,
        credits: 32,
      });
      // Nearest rank over 100, 200, …, 1000 ms: ⌈0.5 × 10⌉ = 5th, ⌈0.95 × 10⌉ = 10th.
      expect(index.rows[0]).toMatchObject({ delayP50: 500, delayP95: 1000 });

      // A date range shows the rooms where something was said in it, with that range's figures.
      await getDb().chatMessage.create({
        data: {
          roomId: mine.roomId,
          seq: 1,
          authorType: "user",
          senderName: "Ana",
          content: "hi",
          createdAt: new Date(day0 + DAY + 1000),
        },
      });
      const dated = parseIndexQuery({ sort: "credits", from: "2026-11-03", to: "2026-11-03" });
      if (!dated.ok) throw new Error("bad query");
      const datedIndex = await listReviewIndex(user.id, dated.value);
      expect(datedIndex.rows.map((r) => [r.id, r.messages, r.turns, r.credits])).toEqual([
        [mine.roomId, 1, 5, 15],
      ]);
      // Sorted by delay within a date range and for one agent: day 1's replies are 600…1000 ms.
      const datedDelay = parseIndexQuery({
        sort: "delayP95",
        from: "2026-11-03",
        to: "2026-11-03",
        agent: mine.agent.name,
      });
      if (!datedDelay.ok) throw new Error("bad query");
      const byDelay = await listReviewIndex(user.id, datedDelay.value);
      expect(byDelay.rows.map((r) => [r.id, r.delayP50, r.delayP95])).toEqual([[mine.roomId, 800, 1000]]);
    },
  );
});
