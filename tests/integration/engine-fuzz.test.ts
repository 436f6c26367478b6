import { request } from "node:http";
import { afterAll, describe, expect, it } from "vitest";
import { action } from "./helpers/api";
import { clientFor, keyFor, startEngine } from "./helpers/engine-fixture";
import { freshPostgres } from "./helpers/postgres";
import type { RunningProcess } from "./helpers/processes";
import { tempSqliteUrl } from "./helpers/processes";

const VERBS = ["whoami", "open_thread", "submit_messages", "respond", "record_event"];
const PATHS = [
  ...VERBS.map(action),
  "/v1/credits/projections/usage-summary",
  "/v1/turn-taking/projections/decisions",
];

// Deterministic PRNG so a failure can be replayed.
function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function malformed(rand: () => number, thread: string): { raw: string; contentType: string } {
  const pick = <T>(xs: T[]) => xs[Math.floor(rand() * xs.length)]!;
  const junkValue = (): unknown =>
    pick<() => unknown>([
      () => null,
      () => -1,
      () => 1e308,
      () => 1.5,
      () => "",
      () => "x".repeat(Math.floor(rand() * 5000)),
      () => "\u0000\ud800",
      () => "a\u0000b",
      () => 2 ** 31,
      () => -(2 ** 31) - 1,
      () => 2 ** 53,
      () => [],
      () => [1, "a", null],
      () => ({}),
      () => true,
      () => thread,
      () => "2026-13-45T99:99:99Z",
    ])();
  const deep = (n: number): unknown => (n === 0 ? 1 : rand() < 0.5 ? [deep(n - 1)] : { a: deep(n - 1) });
  const fields = [
    "thread_id",
    "messages",
    "content",
    "turn_epoch",
    "type",
    "sender",
    "pacing",
    "metadata",
    "integrations",
    "system_prompt",
    "skip_decide",
    "agent_name",
  ];
  const kind = Math.floor(rand() * 8);
  const obj: Record<string, unknown> = {};
  for (const f of fields) if (rand() < 0.5) obj[f] = junkValue();
  switch (kind) {
    case 0:
      return { raw: "{not json", contentType: "application/json" };
    case 1:
      return { raw: JSON.stringify(deep(200 + Math.floor(rand() * 2000))), contentType: "application/json" };
    case 2:
      return {
        raw: JSON.stringify(obj),
        contentType: pick(["text/plain", "application/x-www-form-urlencoded", "multipart/form-data"]),
      };
    case 3:
      return { raw: JSON.stringify(junkValue()), contentType: "application/json" };
    case 4:
      obj.messages = Array.from({ length: Math.floor(rand() * 30) }, () => ({
        sender: junkValue(),
        content: junkValue(),
        client_ts: junkValue(),
        has_media: junkValue(),
      }));
      obj.thread_id = rand() < 0.7 ? thread : junkValue();
      return { raw: JSON.stringify(obj), contentType: "application/json" };
    case 5:
      obj.pacing = { reading_delay_ms: junkValue(), typing_wpm: junkValue(), max_typing_ms: junkValue() };
      obj.metadata = rand() < 0.5 ? deep(50) : junkValue();
      obj.turn_epoch = rand() < 0.5 ? 2 ** 31 + Math.floor(rand() * 1000) : junkValue();
      obj.thread_id = thread;
      return { raw: JSON.stringify(obj), contentType: "application/json" };
    case 6:
      if (rand() < 0.5) {
        // Metadata nested thousands of levels deep (built as text: too deep for JSON.stringify here).
        const depth = 1000 + Math.floor(rand() * 9000);
        const metadata = `${'{"a":'.repeat(depth)}1${"}".repeat(depth)}`;
        return {
          raw: `{"thread_id":"${thread}","content":"hi","turn_epoch":0,"metadata":${metadata}}`,
          contentType: "application/json",
        };
      }
      return {
        raw: Buffer.from(Array.from({ length: 64 }, () => Math.floor(rand() * 256))).toString("latin1"),
        contentType: "application/json",
      };
    default:
      return { raw: JSON.stringify(obj), contentType: "application/json" };
  }
}

function post(port: number, path: string, raw: string, headers: Record<string, string>) {
  return new Promise<{ status: number; body: string; headers: Record<string, unknown> }>(
    (resolve, reject) => {
      const req = request({ host: "127.0.0.1", port, path, method: "POST", headers }, (res) => {
        let body = "";
        res.on("data", (d) => {
          body += d;
        });
        res.on("end", () => resolve({ status: res.statusCode ?? 0, body, headers: res.headers }));
      });
      req.on("error", reject);
      req.end(raw);
    },
  );
}

const cleanups: (() => Promise<unknown>)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

/** A fresh engine on the given database, a key, and a thread of its own. */
async function fuzzTarget(databaseUrl: string) {
  // Validation is under test here, not the write rate limit (it has its own test).
  const { proc } = await startEngine(databaseUrl, undefined, { ENGINE_WRITE_RATE_PER_S: "0" });
  cleanups.push(() => proc.stop());
  const key = keyFor(databaseUrl, "fuzz");
  const opened = await clientFor(proc, key)<{ thread: { id: string } }>(action("open_thread"));
  return { engine: proc, key, threadId: opened.body.thread.id };
}

async function fuzz({ engine, key, threadId }: { engine: RunningProcess; key: string; threadId: string }) {
  const rand = rng(20261122);
  const statuses = new Map<number, number>();
  const total = 3000;
  for (let i = 0; i < total; i += 20) {
    const batch = Array.from({ length: 20 }, (_, j) => {
      const { raw, contentType } = malformed(rand, threadId);
      const path = PATHS[(i + j) % PATHS.length]!;
      return post(engine.port, path, raw, {
        "content-type": contentType,
        authorization: `Bearer ${key}`,
      }).then((res) => ({ res, raw, path }));
    });
    for (const { res, raw, path } of await Promise.all(batch)) {
      statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
      const context = `${path} ${raw.slice(0, 200)}`;
      expect(res.status, context).toBeLessThan(500);
      expect(res.headers["x-request-id"], context).toBeTruthy();
      expect(String(res.headers["content-type"]), context).toMatch(/application\/json/);
      if (res.status >= 400) {
        const body = JSON.parse(res.body);
        expect(Object.keys(body), context).toEqual(["error"]);
        expect(
          ["validation_failed", "VALIDATION_ERROR", "NOT_FOUND", "PAYLOAD_TOO_LARGE"],
          context,
        ).toContain(body.error.code);
        expect(body.error.message, context).toEqual(expect.any(String));
        expect(res.body, context).not.toMatch(/at .+\.ts:\d+/);
      }
    }
  }
  console.log("fuzz status counts:", Object.fromEntries(statuses));
  expect([...statuses.keys()].some((s) => s === 422)).toBe(true);
  const alive = await clientFor(engine, key)(action("whoami"));
  expect(alive.status).toBe(200);
}

describe("fuzzing every action with malformed bodies", () => {
  it("answers thousands of bad requests with documented 4xx envelopes and keeps serving (SQLite)", async () => {
    await fuzz(await fuzzTarget(tempSqliteUrl("fuzz")));
  });

  it("does the same on Postgres, whose text and integer columns are stricter", async (ctx) => {
    const database = await freshPostgres();
    if (!database) return ctx.skip();
    cleanups.push(database.drop);
    await fuzz(await fuzzTarget(database.url));
  });
});
