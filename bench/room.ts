// npm run bench:room — the whole chat path as deployed on one and on two app instances
// (`next start`, Postgres, Redis, a standalone engine, the offline model): a person's message →
// every agent's decision → the first scheduled bubble, from the servers' own records, and
// ROOMS rooms of 3 agents posting at once with no bubble lost or doubled. Builds what it needs.
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { openSql, toDate } from "../lib/engine/store/sql";
import { HttpSession } from "../tests/integration/helpers/session";
import { compiled, ROOT } from "./lib/compiled";
import { fmt, summarize, table } from "./lib/stats";

// BENCH_INSTANCES=1 or 2 runs one setup only (default both, side by side).
const ROOMS = Number(process.env.BENCH_ROOMS ?? 50);
const MESSAGES_PER_ROOM = Number(process.env.BENCH_MESSAGES ?? 4);
const LATENCY_MESSAGES = Number(process.env.BENCH_LATENCY_MESSAGES ?? 20);
const ADMIN_URL = process.env.POSTGRES_ADMIN_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
const REDIS_URL = process.env.BENCH_REDIS_URL ?? process.env.REDIS_URL ?? "redis://127.0.0.1:6379";
const TARGET_DECIDED_P95_MS = 300;
/** Time between rounds of the load phase. */
const ROUND_MS = 6000;

const PROMPTS = [
  "Sam, I can't log in to my account, can you help?",
  "Maya, what do you think of the new onboarding screen layout?",
  "Pip, any fun ideas for the team lunch on Friday?",
  "Does anyone know why my invoice shows the wrong amount?",
];

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer();
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
}

function start(args: string[], env: Record<string, string>, ready: RegExp): Promise<ChildProcess> {
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    env: { ...process.env, HOST: "127.0.0.1", NEXT_TELEMETRY_DISABLED: "1", ...env },
    stdio: ["ignore", "pipe", "inherit"],
  });
  return new Promise((resolve, reject) => {
    child.stdout!.on("data", (d) => ready.test(String(d)) && resolve(child));
    child.once("exit", (c) => reject(new Error(`${args[0]} exited ${c}`)));
  });
}

interface Setup {
  apps: ChildProcess[];
  bases: string[];
  engine: ChildProcess;
  engineDb: string;
  appDb: string;
  dropDb: () => Promise<void>;
}

/** A fresh Postgres database, a standalone engine on its own SQLite file, and N `next start` instances. */
async function setUp(instances: number, nextBin: string, engineJs: string): Promise<Setup> {
  const name = `roundtable_bench_${randomBytes(4).toString("hex")}`;
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  // BENCH_LOG_STATEMENTS=1: Postgres logs every statement of the app's database (to count queries per message).
  if (process.env.BENCH_LOG_STATEMENTS) await admin.query(`ALTER DATABASE ${name} SET log_statement = 'all'`);
  await admin.end();
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  const appDb = url.toString();
  execFileSync(process.execPath, [path.join(ROOT, "dist", "migrate.js")], {
    env: { ...process.env, DATABASE_URL: appDb },
    stdio: "ignore",
  });

  const engineDb = `file:${path.join(mkdtempSync(path.join(tmpdir(), "roundtable-bench-room-")), "engine.db")}`;
  const enginePort = await freePort();
  const engine = await start(
    // BENCH_ENGINE_NODE_ARGS, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof-engine", profiles the engine.
    [...(process.env.BENCH_ENGINE_NODE_ARGS?.split(" ").filter(Boolean) ?? []), engineJs],
    { DATABASE_URL: engineDb, ENGINE_PORT: String(enginePort), ENGINE_INITIAL_CREDITS: "1000000000" },
    /engine on/,
  );
  const key = execFileSync(
    process.execPath,
    [path.join(ROOT, "dist", "engine-keys.js"), "create", "--name", "bench-room", "--credits", "1000000000"],
    { env: { ...process.env, DATABASE_URL: engineDb }, encoding: "utf8" },
  ).trim();

  const apps: ChildProcess[] = [];
  const bases: string[] = [];
  for (let i = 0; i < instances; i++) {
    const port = await freePort();
    apps.push(
      await start(
        // BENCH_APP_NODE_ARGS, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof", profiles the app instances.
        [
          ...(process.env.BENCH_APP_NODE_ARGS?.split(" ").filter(Boolean) ?? []),
          nextBin,
          "start",
          "-p",
          String(port),
          "-H",
          "127.0.0.1",
        ],
        {
          NODE_ENV: "production",
          DATABASE_URL: appDb,
          REDIS_URL,
          HUMALIKE_API_URL: `http://127.0.0.1:${enginePort}`,
          HUMALIKE_API_KEY: key,
          AUTH_SECRET: "bench-room-secret",
          AUTH_TRUST_HOST: "true",
          CHAT_RATE_BURST: "1000",
          CHAT_RATE_PER_SECOND: "1000",
          // The load comes from one IP and measures the chat path, not the abuse limits.
          CHAT_IP_MESSAGES_PER_MINUTE: "100000",
          CHAT_ROOM_MESSAGES_PER_MINUTE: "100000",
          CHAT_ROOM_CREDITS_PER_HOUR: "1000000",
          CHAT_ACCOUNT_CREDITS_PER_HOUR: "1000000",
        },
        /ready/i,
      ),
    );
    bases.push(`http://127.0.0.1:${port}`);
  }
  return {
    apps,
    bases,
    engine,
    engineDb,
    appDb,
    async dropDb() {
      const c = new pg.Client({ connectionString: ADMIN_URL });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

interface Result {
  instances: number;
  decided: number[];
  firstBubble: number[];
  loadDecided: number[];
  loadSentToDecided: number[];
  humans: number;
  scheduled: number;
  shown: number;
  lost: number;
  doubled: number;
  seconds: number;
}

async function run(instances: number, nextBin: string, engineJs: string): Promise<Result> {
  const setup = await setUp(instances, nextBin, engineJs);
  const at = (i: number) => setup.bases[i % setup.bases.length]!;
  // One person per room; each lands in a fresh demo room with Sam, Maya and Pip.
  const people = await Promise.all(
    Array.from({ length: ROOMS }, async (_, i) => {
      const session = new HttpSession(at(i));
      await session.signInAsGuest();
      const rooms = await session.json<{ rooms: { id: string }[] }>("/api/rooms");
      return { session, roomId: rooms.body.rooms[0]!.id };
    }),
  );
  // With two instances, a room's messages go to both in turn: a person and the load balancer
  // do not care which instance handled the last one.
  /** When the bench sent each room's load-phase posts, in order (the bench's clock, same machine). */
  const sentAt = new Map<string, number[]>();
  const postTo = async (i: number, round: number, content: string, load = false) => {
    const { session, roomId } = people[i]!;
    const base = at(i + round);
    if (load) sentAt.set(roomId, [...(sentAt.get(roomId) ?? []), Date.now()]);
    const res = await fetch(`${base}/api/rooms/${roomId}/messages`, {
      method: "POST",
      headers: { "content-type": "application/json", cookie: session.cookie, origin: base },
      body: JSON.stringify({ content }),
    });
    if (res.status !== 201) throw new Error(`post answered ${res.status}: ${await res.text()}`);
  };

  // Phase 1, latency: one room, one message at a time.
  for (let i = 0; i < LATENCY_MESSAGES; i++) {
    await postTo(0, i, PROMPTS[i % PROMPTS.length]!);
    await sleep(2500);
  }
  await sleep(8000);
  const loadStarted = Date.now();

  // Phase 2, load: every room at once, several rounds.
  const started = Date.now();
  for (let round = 0; round < MESSAGES_PER_ROOM; round++) {
    await Promise.all(people.map((_, i) => postTo(i, round, PROMPTS[(round + i) % PROMPTS.length]!, true)));
    await sleep(ROUND_MS);
  }
  const app = new pg.Client({ connectionString: setup.appDb });
  await app.connect();
  // Until nothing is pacing or waiting to be relayed (agents answering each other included).
  for (let quiet = 0, waited = 0; quiet < 2 && waited < 60_000; waited += 1000) {
    await sleep(1000);
    const { rows } = await app.query<{ n: string }>(
      `SELECT (SELECT COUNT(*) FROM "AgentBubble" WHERE "status" = 'scheduled')
            + (SELECT COUNT(*) FROM "ReplyRelay" WHERE "status" IN ('pending', 'running')) AS n`,
    );
    quiet = Number(rows[0]!.n) === 0 ? quiet + 1 : 0;
  }
  const seconds = (Date.now() - started) / 1000;

  const humans = (
    await app.query<{ roomId: string; createdAt: Date }>(
      `SELECT "roomId", "createdAt" FROM "ChatMessage" WHERE "authorType" = 'user'`,
    )
  ).rows;
  const agents = (
    await app.query<{ roomId: string; threadId: string }>(`SELECT "roomId", "threadId" FROM "Agent"`)
  ).rows;
  const bubbles = (
    await app.query<{ status: string; n: string }>(
      `SELECT "status", COUNT(*) AS n FROM "AgentBubble" GROUP BY "status"`,
    )
  ).rows;
  const outcomes = (
    await app.query<{ outcome: string; n: string }>(
      `SELECT "outcome", COUNT(*) AS n FROM "AgentTurn" GROUP BY "outcome"`,
    )
  ).rows;
  const agentMessages = (
    await app.query<{ n: string; keys: string }>(
      `SELECT COUNT(*) AS n, COUNT(DISTINCT "replyKey" || ':' || "position") AS keys FROM "ChatMessage" WHERE "authorType" = 'agent'`,
    )
  ).rows[0]!;
  await app.end();

  const engine = openSql(setup.engineDb);
  const decisions = await engine.all<{ id: string; createdAt: unknown }>(
    `SELECT t."id", d."createdAt" FROM "EngineDecision" d JOIN "EngineThread" t ON t."pk" = d."threadPk" WHERE d."billed" = 1`,
  );
  const scheduled = await engine.all<{ id: string; createdAt: unknown; status: string }>(
    `SELECT t."id", s."createdAt", s."status" FROM "EngineScheduled" s JOIN "EngineThread" t ON t."pk" = s."threadPk"`,
  );
  await engine.close();

  // For each human message: the time until all three agents had decided, and until the first bubble was scheduled.
  const threadsByRoom = new Map<string, string[]>();
  for (const a of agents) threadsByRoom.set(a.roomId, [...(threadsByRoom.get(a.roomId) ?? []), a.threadId]);
  const decided: number[] = [];
  const firstBubble: number[] = [];
  const loadDecided: number[] = [];
  const loadSentToDecided: number[] = [];
  const byRound = new Map<number, number[]>();
  const loadSeen = new Map<string, number>();
  for (const h of [...humans].sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime())) {
    const t0 = h.createdAt.getTime();
    const inLoad = t0 >= loadStarted;
    const threads = threadsByRoom.get(h.roomId) ?? [];
    const firstAfter = (rows: { id: string; createdAt: unknown }[]) =>
      threads.map((t) =>
        Math.min(
          ...rows
            .filter((r) => r.id === t && toDate(r.createdAt).getTime() >= t0)
            .map((r) => toDate(r.createdAt).getTime()),
        ),
      );
    const times = firstAfter(decisions);
    if (inLoad) loadSeen.set(h.roomId, (loadSeen.get(h.roomId) ?? 0) + 1);
    if (times.every(Number.isFinite)) {
      (inLoad ? loadDecided : decided).push(Math.max(...times) - t0);
      // The k-th message of a room in the load phase is its k-th post.
      const sent = inLoad ? sentAt.get(h.roomId)?.[loadSeen.get(h.roomId)! - 1] : undefined;
      if (sent !== undefined) loadSentToDecided.push(Math.max(...times) - sent);
      if (inLoad) {
        const round = Math.floor((t0 - loadStarted) / ROUND_MS);
        byRound.set(round, [...(byRound.get(round) ?? []), Math.max(...times) - t0]);
      }
    }
    const bubble = Math.min(...firstAfter(scheduled));
    if (!inLoad && Number.isFinite(bubble) && bubble - t0 < 5000) firstBubble.push(bubble - t0);
  }
  // Rounds side by side show whether one of them (the first, JIT still warming) makes the p95.
  console.error(
    `> ${instances} instance(s): all decided p50/p95 per round: ${[...byRound]
      .sort((a, b) => a[0] - b[0])
      .map(([, v]) => `${fmt(summarize(v).p50, 0)}/${fmt(summarize(v).p95, 0)}`)
      .join(", ")} ms`,
  );
  const count = (status: string) => Number(bubbles.find((b) => b.status === status)?.n ?? 0);
  const live = scheduled.filter((s) => s.status !== "cancelled").length;
  console.error(
    `> ${instances} instance(s): bubbles ${bubbles.map((b) => `${b.status} ${b.n}`).join(", ")}; turns ${outcomes.map((o) => `${o.outcome} ${o.n}`).join(", ")}`,
  );
  const result: Result = {
    instances,
    decided,
    firstBubble,
    loadDecided,
    loadSentToDecided,
    humans: humans.length,
    scheduled: live,
    shown: count("shown"),
    // Every bubble the engine scheduled (and did not cancel) must be shown in its room, once.
    lost: live - count("shown"),
    doubled: Number(agentMessages.n) - Number(agentMessages.keys),
    seconds,
  };
  for (const child of setup.apps) child.kill("SIGTERM");
  setup.engine.kill("SIGTERM");
  await sleep(1000);
  await setup.dropDb();
  return result;
}

async function main() {
  compiled("server"); // the app's production build (next build when missing) and dist/
  const nextBin = path.join(ROOT, "node_modules", "next", "dist", "bin", "next");
  const engineJs = compiled("engine");
  const results: Result[] = [];
  const setups = (process.env.BENCH_INSTANCES ?? "1,2").split(",").map(Number);
  for (const instances of setups) results.push(await run(instances, nextBin, engineJs));

  const row = (label: string, pick: (r: Result) => number[]) =>
    results.map((r) => {
      const s = summarize(pick(r));
      return [
        `${label}, ${r.instances} instance${r.instances > 1 ? "s" : ""}`,
        s.n,
        fmt(s.p50, 1),
        fmt(s.p95, 1),
        fmt(s.p99, 1),
        fmt(s.max, 1),
      ];
    });
  console.log(
    `\n## Room benchmark (${ROOMS} rooms × 3 agents, offline model, next start on Postgres + Redis, standalone engine)\n`,
  );
  console.log(
    table(
      ["measure", "n", "p50 ms", "p95 ms", "p99 ms", "max ms"],
      [
        ...row("human message → all 3 agents decided (one room)", (r) => r.decided),
        ...row("human message → first bubble scheduled (one room)", (r) => r.firstBubble),
        ...row(`all 3 decided, ${ROOMS} rooms posting at once`, (r) => r.loadDecided),
        // From the bench sending the post: also counts the wait before the message is stored.
        ...row(`post sent → all 3 decided, ${ROOMS} rooms at once`, (r) => r.loadSentToDecided),
      ],
    ),
  );
  console.log("");
  console.log(
    table(
      ["instances", "human messages", "bubbles scheduled", "shown in rooms", "lost", "doubled", "run s"],
      results.map((r) => [r.instances, r.humans, r.scheduled, r.shown, r.lost, r.doubled, fmt(r.seconds, 0)]),
    ),
  );
  console.log("");
  const verdicts = results.map((r) => {
    const p95 = summarize(r.loadDecided).p95;
    return [
      `${r.instances} instance${r.instances > 1 ? "s" : ""}`,
      `all decided p95 ≤ ${TARGET_DECIDED_P95_MS} ms with ${ROOMS} rooms`,
      fmt(p95, 1),
      p95 <= TARGET_DECIDED_P95_MS ? "met" : "missed",
    ];
  });
  console.log(table(["setup", "target", "measured ms", "verdict"], verdicts));
  const clean = results.every((r) => r.lost === 0 && r.doubled === 0);
  process.exit(clean ? 0 : 1);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
