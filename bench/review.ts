// npm run bench:review — the transcript review on a seeded database of BENCH_MESSAGES messages
// and BENCH_TURNS agent turns (100,000 and 300,000 by default) across BENCH_ROOMS rooms: the
// server time of the index (first page, a sorted page, a filtered page), a timeline page,
// the charts' data and the start of an export. The loaders are called in-process, as a page
// or route handler calls them, so the times are server time without HTTP or rendering.
// SQLite file by default (the laptop default); BENCH_DATABASE=postgres uses a fresh database
// on 127.0.0.1:5432 (POSTGRES_ADMIN_URL), dropped afterwards. BENCH_KEEP_DB=1 keeps the
// database (its URL is printed) to study query plans.
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { createClient } from "@libsql/client";
import pg from "pg";
import { libsqlTarget, pgTarget, type Seeded, seedReview } from "./lib/review-seed";
import { fmt, summarize, table } from "./lib/stats";

const MESSAGES = Number(process.env.BENCH_MESSAGES ?? 100_000);
const TURNS = Number(process.env.BENCH_TURNS ?? 300_000);
const ROOMS = Number(process.env.BENCH_ROOMS ?? 500);
const RUNS = Number(process.env.BENCH_RUNS ?? 40);
const WARMUP = 3;
const TARGET_P95_MS = 300;
const DATABASE = process.env.BENCH_DATABASE === "postgres" ? "postgres" : "sqlite";
const ADMIN_URL = process.env.POSTGRES_ADMIN_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";

async function prepare(): Promise<{
  url: string;
  seeded: Seeded;
  seedSeconds: number;
  cleanup: () => Promise<void>;
}> {
  const plan = { rooms: ROOMS, messages: MESSAGES, turns: TURNS, days: 90 };
  const { applyMigrations } = await import("../lib/db/migrations");
  const started = Date.now();
  if (DATABASE === "postgres") {
    const name = `roundtable_bench_review_${randomBytes(4).toString("hex")}`;
    const admin = new pg.Client({ connectionString: ADMIN_URL });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    const u = new URL(ADMIN_URL);
    u.pathname = `/${name}`;
    const url = u.toString();
    await applyMigrations(url);
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    const seeded = await seedReview(pgTarget(client), plan);
    // A production database has statistics and a visibility map (autovacuum), which index-only
    // scans rely on; a freshly bulk-loaded one has neither yet.
    await client.query("VACUUM ANALYZE");
    await client.end();
    return {
      url,
      seeded,
      seedSeconds: (Date.now() - started) / 1000,
      async cleanup() {
        if (process.env.BENCH_KEEP_DB) {
          console.error(`> kept ${url}`);
          return;
        }
        const c = new pg.Client({ connectionString: ADMIN_URL });
        await c.connect();
        await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await c.end();
      },
    };
  }
  const dir = mkdtempSync(path.join(tmpdir(), "roundtable-bench-review-"));
  const url = `file:${path.join(dir, "review.db")}`;
  await applyMigrations(url);
  const client = createClient({ url });
  await client.execute("PRAGMA journal_mode = WAL");
  const seeded = await seedReview(libsqlTarget(client), plan);
  // The bulk load sits in the WAL; a running app checkpoints it as it goes.
  await client.execute("PRAGMA wal_checkpoint(TRUNCATE)");
  client.close();
  return {
    url,
    seeded,
    seedSeconds: (Date.now() - started) / 1000,
    cleanup: async () => {
      if (process.env.BENCH_KEEP_DB) console.error(`> kept ${url}`);
      else rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function measure(fn: () => Promise<unknown>): Promise<number[]> {
  for (let i = 0; i < WARMUP; i++) await fn();
  const samples: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    await fn();
    samples.push(performance.now() - t0);
  }
  return samples;
}

async function main() {
  const { url, seeded, seedSeconds, cleanup } = await prepare();
  // The loaders read DATABASE_URL when they first open the database. No engine runs here: the
  // timeline's call for the engine's reasons is refused at once (a closed loopback port), as
  // in hosted mode without reasons; the database work is what is measured.
  process.env.DATABASE_URL = url;
  process.env.PORT = "9";
  process.env.ENGINE_APP_KEY ??= "bench-review-no-engine";
  const { listReviewIndex } = await import("../lib/chat/review-index");
  const { chartsScope, getReviewCharts, loadChart } = await import("../lib/chat/review-charts");
  const { CHART_NAMES } = await import("../lib/chat/review-index-query");
  const { getRoomReview } = await import("../lib/chat/review");
  const { parseReviewQuery } = await import("../lib/chat/review-query");
  const { parseIndexQuery } = await import("../lib/chat/review-index-query");
  const { getDb, closeDb } = await import("../lib/db/client");
  const { jsonExport } = await import("../lib/chat/room-export");
  // The start of an export: the room's JSON head and its first page of messages, as streamed.
  const exportStart = async (roomId: string) => {
    const room = await getDb().room.findUniqueOrThrow({ where: { id: roomId } });
    const chunks = jsonExport(room);
    for (let i = 0; i < 3; i++) if ((await chunks.next()).done) break;
    await chunks.return(undefined);
  };
  const quiet = console.warn;
  console.warn = () => {};

  const q = (params: Record<string, string>) => {
    const parsed = parseIndexQuery(params);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.fields));
    return parsed.value;
  };
  const day = (daysAgo: number) => new Date(Date.now() - daysAgo * 86_400_000).toISOString().slice(0, 10);
  const user = seeded.userId;
  const room = seeded.busiestRoomId;
  const [messages, turns, rooms] = await Promise.all([
    getDb().chatMessage.count(),
    getDb().agentTurn.count(),
    getDb().roomMember.count({ where: { userId: user } }),
  ]);

  const measures: [string, () => Promise<unknown>][] = [
    ["index: first page (latest activity)", () => listReviewIndex(user, q({}))],
    [
      "index: page 3 sorted by credits ↑",
      () => listReviewIndex(user, q({ sort: "credits", dir: "asc", page: "3" })),
    ],
    ["index: sorted by p95 delay", () => listReviewIndex(user, q({ sort: "delayP95" }))],
    [
      `index: filtered (agent ${seeded.agentNames[0]}, last 30 days, name "room 1")`,
      () =>
        listReviewIndex(user, q({ agent: seeded.agentNames[0]!, from: day(30), to: day(0), q: "room 1" })),
    ],
    [
      "timeline: latest page of the busiest room (getRoomReview)",
      () => getRoomReview(room, user, parseReviewQuery({})),
    ],
    ["charts: one room, all five", () => getReviewCharts(user, { roomId: room })],
    // A page streams each chart in on its own (and `?chart=` loads one): a chart's data is the
    // scope (membership, breadth) and that chart's queries.
    ...CHART_NAMES.map((chart): [string, () => Promise<unknown>] => [
      `chart: all rooms, ${chart}`,
      async () => loadChart(await chartsScope(user, {}), chart),
    ]),
    ["charts: all rooms, all five in one call", () => getReviewCharts(user, {})],
    ...CHART_NAMES.map((chart): [string, () => Promise<unknown>] => [
      `chart: all rooms, last 30 days, ${chart}`,
      async () => loadChart(await chartsScope(user, { from: day(30), to: day(0) }), chart),
    ]),
    [
      "charts: all rooms, last 30 days, all five in one call",
      () => getReviewCharts(user, { from: day(30), to: day(0) }),
    ],
    ["export start: JSON head and first page of messages (room-export)", () => exportStart(room)],
  ];
  const results: (string | number)[][] = [];
  const verdicts: (string | number)[][] = [];
  for (const [label, fn] of measures) {
    const s = summarize(await measure(fn));
    console.error(`> ${label}: p95 ${fmt(s.p95, 1)} ms`);
    results.push([label, s.n, fmt(s.p50, 1), fmt(s.p95, 1), fmt(s.p99, 1)]);
    // The target is per chart; all five in one call is shown for comparison, without a verdict.
    if (!label.includes("in one call"))
      verdicts.push([label, fmt(s.p95, 1), s.p95 <= TARGET_P95_MS ? "met" : "missed"]);
  }
  console.warn = quiet;
  await closeDb();
  await cleanup();

  console.log(
    `\n## Review benchmark (${DATABASE}: ${messages.toLocaleString("en")} messages, ${turns.toLocaleString("en")} agent turns, ${ROOMS} rooms, the reviewer in ${rooms}; seeded in ${fmt(seedSeconds, 1)} s)\n`,
  );
  console.log("Server time: the loaders called in-process (no HTTP, no rendering), after 3 warm-up runs.\n");
  console.log(table(["measure", "n", "median ms", "p95 ms", "p99 ms"], results));
  console.log("");
  console.log(table([`target: p95 ≤ ${TARGET_P95_MS} ms`, "p95 ms", "verdict"], verdicts));
  process.exit(verdicts.every((v) => v[2] === "met") ? 0 : 1);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
