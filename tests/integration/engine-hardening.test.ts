// What a hostile or broken client can do to the engine: each case answers with a 4xx in the
// envelope (never a 5xx), stores nothing and bills nothing.

import { readFileSync } from "node:fs";
import { connect } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { openSql } from "@/lib/engine/store/sql";
import { action, type apiClient } from "./helpers/api";
import { clientFor, keyFor, startEngine } from "./helpers/engine-fixture";
import { freshPostgres } from "./helpers/postgres";
import { type RunningProcess, tempSqliteUrl } from "./helpers/processes";

const cleanups: (() => Promise<unknown>)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

/** A raw HTTP/1.1 exchange: sends `head` (and `body` if given), returns what came back and when the socket closed. */
function rawRequest(port: number, head: string, body?: Buffer, waitMs = 15_000) {
  return new Promise<{ text: string; closed: boolean }>((resolve) => {
    const socket = connect(port, "127.0.0.1");
    let text = "";
    const done = (closed: boolean) => {
      clearTimeout(timer);
      socket.destroy();
      resolve({ text, closed });
    };
    const timer = setTimeout(() => done(false), waitMs);
    socket.on("data", (d) => {
      text += d;
    });
    socket.on("close", () => done(true));
    socket.on("error", () => done(true));
    socket.write(head);
    if (body) socket.write(body);
  });
}

const statusOf = (text: string) => Number(text.match(/^HTTP\/1\.1 (\d{3})/)?.[1] ?? 0);
/** The first response's JSON body (a connection may carry a later one, e.g. a timeout's 408). */
function bodyOf(text: string) {
  const start = text.indexOf("\r\n\r\n") + 4;
  const length = Number(text.match(/content-length: (\d+)/i)?.[1]);
  return JSON.parse(text.slice(start, start + length));
}
const post = (path: string, headers: Record<string, string>) =>
  `POST ${path} HTTP/1.1\r\nHost: x\r\n${Object.entries(headers)
    .map(([k, v]) => `${k}: ${v}\r\n`)
    .join("")}\r\n`;

describe("slow and keyless clients", () => {
  let engine: RunningProcess;
  let key: string;

  beforeAll(async () => {
    const url = tempSqliteUrl("hardening");
    const started = await startEngine(url, undefined, {
      ENGINE_HEADERS_TIMEOUT_MS: "1000",
      ENGINE_BODY_TIMEOUT_MS: "1000",
      ENGINE_MAX_BODIES_IN_FLIGHT: "2",
    });
    engine = started.proc;
    cleanups.push(() => engine.stop());
    key = keyFor(url, "slow");
  });

  it("answers 401 before reading the body of a request without a valid key", async () => {
    // Headers announce 1 MiB; not a byte of it is sent, and the answer comes anyway.
    const res = await rawRequest(
      engine.port,
      post(action("submit_messages"), {
        "content-type": "application/json",
        "content-length": String(1 << 20),
      }),
      undefined,
      5000,
    );
    expect(statusOf(res.text)).toBe(401);
    expect(bodyOf(res.text)).toEqual({
      error: { code: "UNAUTHORIZED", message: "missing or invalid credentials" },
    });
  });

  it("does not hold keyless bodies in memory", async () => {
    const rss = () => {
      const status = readFileSync(`/proc/${engine.child.pid}/status`, "utf8");
      return Number(status.match(/VmRSS:\s+(\d+)/)?.[1]) / 1024;
    };
    const before = rss();
    const body = Buffer.alloc(1 << 20, "x");
    const results = await Promise.all(
      Array.from({ length: 150 }, () =>
        rawRequest(
          engine.port,
          post(action("respond"), {
            "content-type": "application/json",
            "content-length": String(body.length),
          }),
          body,
          10_000,
        ),
      ),
    );
    expect(results.map((r) => statusOf(r.text))).toEqual(results.map(() => 401));
    // Buffering them would take 150 MB; reading none of them keeps the engine about where it was.
    expect(rss() - before).toBeLessThan(75);
  });

  it("gives a trickling body its time and then answers 408, and drops a client stuck in its headers", async () => {
    const slowBody = await rawRequest(
      engine.port,
      post(action("whoami"), {
        authorization: `Bearer ${key}`,
        "content-type": "application/json",
        "content-length": "100",
      }),
      Buffer.from("{"),
    );
    expect(statusOf(slowBody.text)).toBe(408);
    expect(bodyOf(slowBody.text).error.code).toBe("REQUEST_TIMEOUT");
    expect(slowBody.closed).toBe(true);

    const slowHeaders = await rawRequest(engine.port, `POST ${action("whoami")} HTTP/1.1\r\nHost: x\r\n`);
    expect(slowHeaders.closed).toBe(true);
    expect(statusOf(slowHeaders.text)).toBe(408);
  });

  it("bounds the bodies being read at once: the next one is refused with 429 and Retry-After", async () => {
    const stalling = Array.from({ length: 2 }, () =>
      rawRequest(
        engine.port,
        post(action("whoami"), {
          authorization: `Bearer ${key}`,
          "content-type": "application/json",
          "content-length": "100",
        }),
        Buffer.from("{"),
      ),
    );
    await new Promise((r) => setTimeout(r, 300));
    const refused = await clientFor(engine, key)(action("whoami"));
    expect(refused.status).toBe(429);
    expect(refused.headers.get("retry-after")).toBe("1");
    expect((refused.body.error as { code: string }).code).toBe("RATE_LIMITED");
    for (const r of await Promise.all(stalling)) expect(statusOf(r.text)).toBe(408);
    expect((await clientFor(engine, key)(action("whoami"))).status).toBe(200);
  });
});

describe("the per-key write rate", () => {
  it("refuses writes past the burst with 429 and Retry-After, stores nothing, and leaves reads alone", async () => {
    const url = tempSqliteUrl("rate");
    const { proc } = await startEngine(url, undefined, {
      ENGINE_WRITE_RATE_PER_S: "1",
      ENGINE_WRITE_BURST: "3",
    });
    cleanups.push(() => proc.stop());
    const call = clientFor(proc, keyFor(url, "rate", ["--credits", "0"]));
    const opened = await call<{ thread: { id: string } }>(action("open_thread"));
    const free = () =>
      call(action("submit_messages"), {
        thread_id: opened.body.thread.id,
        messages: [{ sender: "Ana", content: "free write" }],
        skip_decide: true,
      });
    expect((await free()).status).toBe(200);
    expect((await free()).status).toBe(200);
    const refused = await free();
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    expect((refused.body.error as { code: string }).code).toBe("RATE_LIMITED");
    expect((await call(action("whoami"))).status).toBe(200);
    const sql = openSql(url);
    try {
      const rows = await sql.all<{ n: number }>(`SELECT COUNT(*) AS "n" FROM "EngineMessage"`);
      expect(Number(rows[0]!.n)).toBe(2);
    } finally {
      await sql.close();
    }
  });
});

describe.each(["sqlite", "postgres"] as const)("bodies the database cannot hold (%s)", (kind) => {
  let call: ReturnType<typeof apiClient>;
  let url: string;
  let threadId: string;
  let epoch: number;
  let skipped = false;

  beforeAll(async () => {
    url = tempSqliteUrl("values");
    if (kind === "postgres") {
      const database = await freshPostgres();
      if (!database) {
        skipped = true;
        return;
      }
      url = database.url;
      cleanups.push(database.drop);
    }
    const { proc } = await startEngine(url);
    cleanups.push(() => proc.stop());
    call = clientFor(proc, keyFor(url, `values-${kind}`));
    const opened = await call<{ thread: { id: string } }>(action("open_thread"));
    threadId = opened.body.thread.id;
    const submitted = await call<{ turn_epoch: number }>(action("submit_messages"), {
      thread_id: threadId,
      messages: [{ sender: "Ana", content: "Sam, are you there?" }],
    });
    epoch = submitted.body.turn_epoch;
  });

  beforeEach((ctx) => {
    if (skipped) ctx.skip();
  });

  /** Rows stored for the thread and credits spent by its account, to show a refused call left nothing. */
  async function footprint() {
    const sql = openSql(url);
    try {
      const count = async (table: string) =>
        Number(
          (
            await sql.all<{ n: number }>(
              `SELECT COUNT(*) AS "n" FROM "${table}" t JOIN "EngineThread" th ON th."pk" = t."threadPk" WHERE th."id" = ?`,
              [threadId],
            )
          )[0]!.n,
        );
      const usage = await call<{ total_credits: number }>("/v1/credits/projections/usage-summary");
      return {
        messages: await count("EngineMessage"),
        replies: await count("EngineReply"),
        credits: usage.body.total_credits,
      };
    } finally {
      await sql.close();
    }
  }

  async function refused(verb: string, body: unknown, raw?: string) {
    const before = await footprint();
    const res = await call(action(verb), body, raw ? { raw } : {});
    expect(res.status, JSON.stringify(res.body)).toBe(422);
    expect((res.body.error as { code: string }).code).toBe("validation_failed");
    expect(await footprint()).toEqual(before);
    return (res.body.error as { details: { loc: (string | number)[]; type: string }[] }).details;
  }

  it("refuses NUL characters in any text field with 422", async () => {
    const nul = "a\u0000b";
    await refused("submit_messages", { thread_id: threadId, messages: [{ sender: "Ana", content: nul }] });
    await refused("submit_messages", { thread_id: threadId, messages: [{ sender: nul, content: "x" }] });
    await refused("submit_messages", {
      thread_id: threadId,
      messages: [{ sender: "Ana", content: "x" }],
      system_prompt: nul,
    });
    await refused("respond", { thread_id: threadId, content: nul, turn_epoch: epoch });
    await refused("respond", { thread_id: threadId, content: "ok", turn_epoch: epoch, agent_name: nul });
    await refused("record_event", { thread_id: threadId, type: "typing_start", sender: nul });
  });

  it("refuses epochs at or past 2^31 with 422", async () => {
    expect(await refused("respond", { thread_id: threadId, content: "ok", turn_epoch: 2 ** 31 })).toEqual([
      expect.objectContaining({ loc: ["turn_epoch"], type: "less_than_equal" }),
    ]);
    const res = await call("/v1/turn-taking/projections/decisions", {
      thread_id: threadId,
      from_epoch: 2 ** 31,
    });
    expect(res.status).toBe(422);
  });

  it("refuses metadata nested thousands of levels deep with 422", async () => {
    const depth = 5000;
    const raw = `{"thread_id":"${threadId}","content":"ok","turn_epoch":${epoch},"metadata":${'{"a":'.repeat(depth)}1${"}".repeat(depth)}}`;
    expect(await refused("respond", undefined, raw)).toEqual([
      expect.objectContaining({ loc: ["metadata"], type: "value_error" }),
    ]);
  });

  it("refuses a turn_epoch the thread never issued with 422, billing and scheduling nothing", async () => {
    expect(
      await refused("respond", { thread_id: threadId, content: "From the future.", turn_epoch: epoch + 1 }),
    ).toEqual([expect.objectContaining({ loc: ["turn_epoch"], type: "less_than_equal" })]);
  });
});
