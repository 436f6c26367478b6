// npm run bench:room — the whole chat path in embedded mode with the offline model:
// a person's message → every agent's decision → the first scheduled bubble, measured
// from the server's own records, and 50 active rooms of 3 agents with no lost or doubled message.
import { spawn } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { openSql, toDate } from "../lib/engine/store/sql";
import { HttpSession } from "../tests/integration/helpers/session";
import { compiled } from "./lib/compiled";
import { fmt, summarize, table } from "./lib/stats";

const ROOT = path.resolve(__dirname, "..");
const ROOMS = Number(process.env.BENCH_ROOMS ?? 50);
const MESSAGES_PER_ROOM = Number(process.env.BENCH_MESSAGES ?? 4);
const LATENCY_MESSAGES = Number(process.env.BENCH_LATENCY_MESSAGES ?? 20);
const PORT = 4700 + Math.floor(Math.random() * 200);

async function startApp(databaseUrl: string) {
  const child = spawn(process.execPath, [compiled("server")], {
    cwd: ROOT,
    env: {
      ...process.env,
      NODE_ENV: "production",
      PORT: String(PORT),
      HOST: "127.0.0.1",
      DATABASE_URL: databaseUrl,
      AUTH_SECRET: "bench-room-secret",
      CHAT_RATE_BURST: "1000",
      CHAT_RATE_PER_SECOND: "1000",
    },
    stdio: ["ignore", "pipe", "inherit"],
  });
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on("data", (d) => String(d).includes("ready on") && resolve());
    child.once("exit", (c) => reject(new Error(`app exited ${c}`)));
  });
  return child;
}

const PROMPTS = [
  "Sam, I can't log in to my account, can you help?",
  "Maya, what do you think of the new onboarding screen layout?",
  "Pip, any fun ideas for the team lunch on Friday?",
  "Does anyone know why my invoice shows the wrong amount?",
];

async function main() {
  const dir = mkdtempSync(path.join(tmpdir(), "roundtable-bench-room-"));
  const databaseUrl = `file:${path.join(dir, "room.db")}`;
  const app = await startApp(databaseUrl);
  const base = `http://127.0.0.1:${PORT}`;

  // One person per room; each lands in a fresh demo room with Sam, Maya and Pip.
  const people = await Promise.all(
    Array.from({ length: ROOMS }, async () => {
      const session = new HttpSession(base);
      await session.signInAsGuest();
      const rooms = await session.json<{ rooms: { id: string }[] }>("/api/rooms");
      const roomId = rooms.body.rooms[0]!.id;
      await session.json(`/api/rooms/${roomId}`); // opening the room attaches the server's listeners
      return { session, roomId };
    }),
  );

  // Phase 1, latency: one room, one message at a time.
  const solo = people[0]!;
  for (let i = 0; i < LATENCY_MESSAGES; i++) {
    await solo.session.json(`/api/rooms/${solo.roomId}/messages`, {
      method: "POST",
      body: JSON.stringify({ content: PROMPTS[i % PROMPTS.length] }),
    });
    await new Promise((r) => setTimeout(r, 2500));
  }
  await new Promise((r) => setTimeout(r, 8000));
  const loadStarted = Date.now();

  // Phase 2, load: every room at once, several rounds.
  const started = Date.now();
  for (let round = 0; round < MESSAGES_PER_ROOM; round++) {
    await Promise.all(
      people.map(({ session, roomId }, i) =>
        session.json(`/api/rooms/${roomId}/messages`, {
          method: "POST",
          body: JSON.stringify({ content: PROMPTS[(round + i) % PROMPTS.length] }),
        }),
      ),
    );
    await new Promise((r) => setTimeout(r, 6000));
  }
  await new Promise((r) => setTimeout(r, 12_000));

  const sql = openSql(databaseUrl);
  const humans = await sql.all<{ id: string; roomId: string; seq: number; createdAt: unknown }>(
    `SELECT "id","roomId","seq","createdAt" FROM "ChatMessage" WHERE "authorType" = 'user'`,
  );
  const agents = await sql.all<{ id: string; roomId: string; threadId: string }>(
    `SELECT "id","roomId","threadId" FROM "Agent"`,
  );
  const decisions = await sql.all<{ id: string; createdAt: unknown }>(
    `SELECT t."id", d."createdAt" FROM "EngineDecision" d JOIN "EngineThread" t ON t."pk" = d."threadPk" WHERE d."billed" = 1`,
  );
  const scheduled = await sql.all<{ id: string; createdAt: unknown; messageId: string; status: string }>(
    `SELECT t."id", s."createdAt", s."messageId", s."status" FROM "EngineScheduled" s JOIN "EngineThread" t ON t."pk" = s."threadPk"`,
  );
  const stored = await sql.all<{ deliveryId: string }>(
    `SELECT "deliveryId" FROM "ChatMessage" WHERE "deliveryId" IS NOT NULL`,
  );

  // For each human message: the time until all three agents had decided, and until the first bubble was scheduled.
  const threadsByRoom = new Map<string, string[]>();
  for (const a of agents) threadsByRoom.set(a.roomId, [...(threadsByRoom.get(a.roomId) ?? []), a.threadId]);
  const toDecide: number[] = [];
  const toFirstBubble: number[] = [];
  const loadDecide: number[] = [];
  for (const h of humans) {
    const t0 = toDate(h.createdAt).getTime();
    const inLoad = t0 >= loadStarted;
    const threads = new Set(threadsByRoom.get(h.roomId) ?? []);
    const firstAfter = (rows: { id: string; createdAt: unknown }[]) =>
      [...threads].map((t) =>
        Math.min(
          ...rows
            .filter((r) => r.id === t && toDate(r.createdAt).getTime() >= t0)
            .map((r) => toDate(r.createdAt).getTime()),
        ),
      );
    const decided = firstAfter(decisions);
    if (decided.every(Number.isFinite)) (inLoad ? loadDecide : toDecide).push(Math.max(...decided) - t0);
    const bubble = Math.min(...firstAfter(scheduled));
    if (!inLoad && Number.isFinite(bubble) && bubble - t0 < 5000) toFirstBubble.push(bubble - t0);
  }
  const sent = scheduled.filter((s) => s.status === "sent");
  const storedIds = new Set(stored.map((s) => s.deliveryId));
  const lost = sent.filter((s) => !storedIds.has(s.messageId)).length;
  const doubled = stored.length - storedIds.size;

  const d = summarize(toDecide);
  const b = summarize(toFirstBubble);
  const l = summarize(loadDecide);
  console.log(`\n## Room benchmark (${ROOMS} rooms × 3 agents, offline model, embedded engine, SQLite)\n`);
  console.log(
    table(
      ["measure", "n", "p50 ms", "p95 ms", "p99 ms", "max ms"],
      [
        [
          "human message → all 3 agents decided (one room)",
          d.n,
          fmt(d.p50, 1),
          fmt(d.p95, 1),
          fmt(d.p99, 1),
          fmt(d.max, 1),
        ],
        [
          "human message → first bubble scheduled (one room)",
          b.n,
          fmt(b.p50, 1),
          fmt(b.p95, 1),
          fmt(b.p99, 1),
          fmt(b.max, 1),
        ],
        [
          `all 3 decided, ${ROOMS} rooms posting at once`,
          l.n,
          fmt(l.p50, 1),
          fmt(l.p95, 1),
          fmt(l.p99, 1),
          fmt(l.max, 1),
        ],
      ],
    ),
  );
  console.log("");
  console.log(
    table(
      ["rooms", "human messages", "bubbles sent", "stored in rooms", "lost", "doubled", "run s"],
      [
        [
          ROOMS,
          humans.length,
          sent.length,
          storedIds.size,
          lost,
          doubled,
          fmt((Date.now() - started) / 1000, 0),
        ],
      ],
    ),
  );
  await sql.close();
  app.kill("SIGTERM");
  process.exit(lost === 0 && doubled === 0 ? 0 : 1);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
