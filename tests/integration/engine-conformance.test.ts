import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { issueGrant } from "@/lib/engine/realtime/grants";
import { action, apiClient, openSocket } from "./helpers/api";
import { clientFor, GRANT_SECRET, keyFor, startEngine } from "./helpers/engine-fixture";
import type { RunningProcess } from "./helpers/processes";
import { revokeKeyWithCli } from "./helpers/processes";

const TS = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$/;
/** attached.server_time, as the hosted service sends it. */
const TS_OFFSET = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}\+00:00$/;
/** A random UUID, version 4, RFC 4122 variant: what clients of the hosted service check ids against. */
const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
let engine: RunningProcess;
let dbUrl: string;
let keyA: string;
let keyB: string;
let keyPoor: string;
let keyNoScope: string;
let a: ReturnType<typeof apiClient>;
let b: ReturnType<typeof apiClient>;

async function newThread(call = a, integrations?: unknown) {
  const res = await call<{ thread: { id: string }; realtime: { connect_url: string } }>(
    action("open_thread"),
    {
      ...(integrations ? { integrations } : {}),
    },
  );
  expect(res.status).toBe(200);
  return res.body;
}

const msg = (content: string, sender = "Alex") => ({ sender, content });

/** Where an error points: a schema failure's `loc` (dotted) or a semantic failure's `field`. */
function errorPath(body: Record<string, unknown>): string | undefined {
  const detail = (body.error as { details?: { loc?: (string | number)[]; field?: string }[] }).details?.[0];
  return detail?.loc ? detail.loc.join(".") : detail?.field;
}

beforeAll(async () => {
  const started = await startEngine();
  engine = started.proc;
  dbUrl = started.databaseUrl;
  keyA = keyFor(dbUrl, "account-a");
  keyB = keyFor(dbUrl, "account-b");
  keyPoor = keyFor(dbUrl, "poor", ["--credits", "2"]);
  keyNoScope = keyFor(dbUrl, "credits-only", ["--scopes", "credits"]);
  a = clientFor(engine, keyA);
  b = clientFor(engine, keyB);
});

afterAll(async () => {
  await engine?.stop();
  if (process.env.DEBUG_ENGINE) console.log(engine?.output());
});

describe("conventions", () => {
  it("answers every call with a request id and JSON, errors included", async () => {
    const ok = await a(action("whoami"));
    expect(ok.status).toBe(200);
    expect(ok.body.user_id).toMatch(/^usr_/);
    const bad = await a(action("open_thread"), { thread_id: "nope" });
    for (const res of [ok, bad]) {
      expect(res.headers.get("x-request-id")).toBeTruthy();
      expect(res.headers.get("content-type")).toMatch(/^application\/json/);
    }
    expect(ok.headers.get("x-request-id")).not.toBe(bad.headers.get("x-request-id"));
  });

  it("answers other methods with 405 in the envelope", async () => {
    const res = await a(action("whoami"), undefined, { method: "GET" });
    expect(res.status).toBe(405);
    expect(Object.keys(res.body)).toEqual(["error"]);
    expect((res.body.error as { code: string }).code).toBe("METHOD_NOT_ALLOWED");
  });

  it("rejects missing, malformed, unknown and revoked keys with 401", async () => {
    const revoked = keyFor(dbUrl, "to-revoke");
    expect((await clientFor(engine, revoked)(action("whoami"))).status).toBe(200);
    revokeKeyWithCli(dbUrl, revoked);
    // The running engine caches keys and notices the CLI's commit within ~20 ms.
    await new Promise((r) => setTimeout(r, 100));
    for (const call of [
      clientFor(engine, null),
      apiClient(engine.baseUrl, "not-a-key"),
      clientFor(engine, "ak_unknownunknownunknown"),
      clientFor(engine, revoked),
    ]) {
      const res = await call(action("whoami"));
      expect(res.status).toBe(401);
      expect(res.body).toEqual({
        error: { code: "UNAUTHORIZED", message: "missing or invalid credentials" },
      });
    }
  });

  it("answers a key without the turn-taking scope with 403 forbidden", async () => {
    const res = await clientFor(engine, keyNoScope)(action("whoami"));
    expect(res.status).toBe(403);
    expect((res.body.error as { code: string }).code).toBe("forbidden");
    expect((await clientFor(engine, keyNoScope)("/v1/credits/projections/usage-summary")).status).toBe(200);
  });

  it("refuses bodies over 1 MiB with 413", async () => {
    const res = await a(action("whoami"), undefined, {
      raw: JSON.stringify({ pad: "x".repeat(1024 * 1024) }),
    });
    expect(res.status).toBe(413);
    expect((res.body.error as { code: string }).code).toBe("PAYLOAD_TOO_LARGE");
  });
});

describe("open_thread", () => {
  it("mints, creates under a given id, and re-opens with a strictly later updated_at", async () => {
    const minted = await a<{
      thread: Record<string, string>;
      channel: string;
      realtime: Record<string, string>;
    }>(action("open_thread"));
    expect(minted.body.thread.id).toMatch(UUID_V4);
    expect(minted.body.channel).toBe(`turn-taking-thread/${minted.body.thread.id}`);
    expect(minted.body.realtime.connect_url).toMatch(
      /^ws:\/\/.+\/v1\/ws\/turn-taking-thread\?token=[\w-]+\.[\w-]+$/,
    );
    const expiresIn = Date.parse(minted.body.realtime.expires_at!) - Date.now();
    expect(expiresIn).toBeGreaterThan(28_000);
    expect(expiresIn).toBeLessThanOrEqual(30_000);

    const id = randomUUID();
    const first = await a<{ thread: Record<string, string> }>(action("open_thread"), { thread_id: id });
    expect(first.body.thread).toMatchObject({ id, user_id: expect.stringMatching(/^usr_/) });
    expect(first.body.thread.created_at).toMatch(TS);
    let previous = first.body.thread.updated_at!;
    for (let i = 0; i < 5; i++) {
      const again = await a<{ thread: Record<string, string> }>(action("open_thread"), { thread_id: id });
      expect(again.body.thread.created_at).toBe(first.body.thread.created_at);
      expect(again.body.thread.updated_at! > previous).toBe(true);
      previous = again.body.thread.updated_at!;
    }
  });

  it("validates thread_id and integrations", async () => {
    const bad = await a(action("open_thread"), { thread_id: "123" });
    expect(bad.status).toBe(422);
    expect(bad.body).toEqual({
      error: {
        code: "validation_failed",
        message: "request validation failed",
        details: [{ loc: ["thread_id"], msg: expect.any(String), type: "uuid_parsing" }],
      },
    });
    const badIntegrations = await a(action("open_thread"), { integrations: { social_signals: "yes" } });
    expect(errorPath(badIntegrations.body)).toBe("integrations.social_signals");
    const longChannel = await a(action("open_thread"), {
      integrations: { social_signals: { channel_id: "c".repeat(256) } },
    });
    expect(longChannel.status).toBe(422);
    const okChannel = await a(action("open_thread"), {
      integrations: { social_signals: { channel_id: "c".repeat(255) } },
    });
    expect(okChannel.status).toBe(200);
  });
});

describe("submit_messages", () => {
  it("advances turn_epoch by one per batch, from 1", async () => {
    const { thread } = await newThread();
    for (let epoch = 1; epoch <= 3; epoch++) {
      const res = await a(action("submit_messages"), {
        thread_id: thread.id,
        messages: [msg(`hello ${epoch}`)],
      });
      expect(res.status).toBe(200);
      expect(res.body).toEqual({
        decision: expect.stringMatching(/^(speak|stay_silent)$/),
        turn_epoch: epoch,
        tags: [],
        recalled_context: "",
      });
    }
  });

  it("gives the decision's score and reasons only when asked (engine extension include_reasons)", async () => {
    const { thread } = await newThread();
    const asked = await a(action("submit_messages"), {
      thread_id: thread.id,
      messages: [msg("Sam, can you help me reset my password?")],
      include_reasons: true,
    });
    expect(asked.status).toBe(200);
    expect(asked.body.score).toEqual(expect.any(Number));
    const reasons = asked.body.reasons as { factor: string; weight: number }[];
    expect(reasons.length).toBeGreaterThan(0);
    for (const r of reasons)
      expect(r).toMatchObject({ factor: expect.any(String), weight: expect.any(Number) });
    // The same as the decisions projection keeps for that epoch.
    const projection = await a("/v1/turn-taking/projections/decisions", { thread_id: thread.id });
    const recorded = (
      projection.body.decisions as { turn_epoch: number; score: number; reasons: unknown }[]
    ).find((d) => d.turn_epoch === asked.body.turn_epoch);
    expect(recorded).toMatchObject({ score: asked.body.score, reasons: asked.body.reasons });
    // Not asked, or no decision made (skip_decide): the hosted service's fields only.
    const plain = await a(action("submit_messages"), { thread_id: thread.id, messages: [msg("ok")] });
    expect(Object.keys(plain.body).sort()).toEqual(["decision", "recalled_context", "tags", "turn_epoch"]);
    const skipped = await a(action("submit_messages"), {
      thread_id: thread.id,
      messages: [msg("x")],
      skip_decide: true,
      include_reasons: true,
    });
    expect(Object.keys(skipped.body).sort()).toEqual(["decision", "recalled_context", "tags", "turn_epoch"]);
  });

  it("serializes concurrent batches on one thread: every epoch exactly once", async () => {
    const { thread } = await newThread();
    const results = await Promise.all(
      Array.from({ length: 25 }, (_, i) =>
        a(action("submit_messages"), { thread_id: thread.id, messages: [msg(`m${i}`)] }),
      ),
    );
    const epochs = results.map((r) => r.body.turn_epoch as number).sort((x, y) => x - y);
    expect(epochs).toEqual(Array.from({ length: 25 }, (_, i) => i + 1));
  });

  it("holds every field limit at the boundary and fails one past it", async () => {
    const { thread } = await newThread();
    const base = { thread_id: thread.id, messages: [msg("hi")] };
    const cases: [string, Record<string, unknown>, boolean, string?][] = [
      ["20 messages", { messages: Array.from({ length: 20 }, () => msg("x")) }, true],
      ["21 messages", { messages: Array.from({ length: 21 }, () => msg("x")) }, false, "messages"],
      ["0 messages", { messages: [] }, false, "messages"],
      ["sender 255", { messages: [msg("x", "s".repeat(255))] }, true],
      ["sender 256", { messages: [msg("x", "s".repeat(256))] }, false, "messages.0.sender"],
      ["empty sender", { messages: [msg("x", "")] }, false, "messages.0.sender"],
      ["content 4000", { messages: [msg("c".repeat(4000))] }, true],
      ["content 4001", { messages: [msg("c".repeat(4001))] }, false, "messages.0.content"],
      ["empty content", { messages: [msg("")] }, false, "messages.0.content"],
      ["system_prompt 100000", { system_prompt: "p".repeat(100_000) }, true],
      ["system_prompt 100001", { system_prompt: "p".repeat(100_001) }, false, "system_prompt"],
      ["agent_name 255", { agent_name: "n".repeat(255) }, true],
      ["agent_name 256", { agent_name: "n".repeat(256) }, false, "agent_name"],
      ["client_ts ok", { messages: [{ ...msg("x"), client_ts: "2026-06-16T12:00:00.123456Z" }] }, true],
      [
        "client_ts bad",
        { messages: [{ ...msg("x"), client_ts: "yesterday" }] },
        false,
        "messages.0.client_ts",
      ],
      ["has_media type", { messages: [{ ...msg("x"), has_media: "yes" }] }, false, "messages.0.has_media"],
      ["skip_decide type", { skip_decide: 1 }, false, "skip_decide"],
      ["missing thread", { thread_id: undefined }, false, "thread_id"],
      ["unknown fields", { surprise: { deep: [1] }, messages: [{ ...msg("x"), extra: true }] }, true],
    ];
    for (const [name, patch, ok, field] of cases) {
      const res = await a(action("submit_messages"), { ...base, ...patch });
      expect(res.status, name).toBe(ok ? 200 : 422);
      if (!ok) expect(errorPath(res.body), name).toBe(field);
    }
  });

  it("words schema failures as production: list indexes as integers, a type per failure", async () => {
    const { thread } = await newThread();
    const res = await a(action("submit_messages"), {
      thread_id: thread.id,
      messages: [msg("ok"), msg("ok"), msg("ok"), msg("c".repeat(4001))],
    });
    expect(res.status).toBe(422);
    expect(res.body).toEqual({
      error: {
        code: "validation_failed",
        message: "request validation failed",
        details: [
          {
            loc: ["messages", 3, "content"],
            msg: "String should have at most 4000 characters",
            type: "string_too_long",
          },
        ],
      },
    });
    const types = async (body: unknown, raw?: string) =>
      (
        (await a(action("submit_messages"), body, raw ? { raw } : {})).body.error as {
          details: { type: string }[];
        }
      ).details.map((d) => d.type);
    expect(await types({ thread_id: thread.id })).toEqual(["missing"]);
    expect(await types({ thread_id: thread.id, messages: [] })).toEqual(["too_short"]);
    expect(
      await types({ thread_id: thread.id, messages: Array.from({ length: 21 }, () => msg("x")) }),
    ).toEqual(["too_long"]);
    expect(await types({ thread_id: thread.id, messages: [msg("x", "")] })).toEqual(["string_too_short"]);
    expect(await types({ thread_id: "x", messages: [msg("x")] })).toEqual(["uuid_parsing"]);
    expect(await types(undefined, "{not json")).toEqual(["json_invalid"]);
  });

  it("answers 404 for a thread this account does not own", async () => {
    const res = await a(action("submit_messages"), { thread_id: randomUUID(), messages: [msg("hi")] });
    expect(res.status).toBe(404);
    expect((res.body.error as { code: string }).code).toBe("NOT_FOUND");
  });

  it("speaks without billing on skip_decide or media", async () => {
    const key = keyFor(dbUrl, "skip", ["--credits", "0"]);
    const call = clientFor(engine, key);
    const { thread } = await newThread(call);
    const skip = await call(action("submit_messages"), {
      thread_id: thread.id,
      messages: [msg("x")],
      skip_decide: true,
    });
    expect(skip.body).toEqual({ decision: "speak", turn_epoch: 1, tags: [], recalled_context: "" });
    const media = await call(action("submit_messages"), {
      thread_id: thread.id,
      messages: [{ ...msg("look"), has_media: true }],
    });
    expect(media.body).toEqual({ decision: "speak", turn_epoch: 2, tags: [], recalled_context: "" });
    const billed = await call(action("submit_messages"), { thread_id: thread.id, messages: [msg("x")] });
    expect(billed.status).toBe(402);
  });
});

describe("respond and realtime", () => {
  it("schedules paced bubbles per the formula and delivers them in order with typing frames", async () => {
    const opened = await newThread();
    const id = opened.thread.id;
    const submitted = await a(action("submit_messages"), {
      thread_id: id,
      messages: [msg("Sam, how do I reset it?")],
    });
    const sockA = await openSocket(opened.realtime.connect_url);
    const reopened = await a<{ realtime: { connect_url: string } }>(action("open_thread"), { thread_id: id });
    const sockB = await openSocket(reopened.body.realtime.connect_url);
    await sockA.waitFor((f) => f.length >= 1);
    expect(sockA.frames[0]).toMatchObject({
      type: "attached",
      channel: `turn-taking-thread/${id}`,
      server_time: expect.stringMatching(TS_OFFSET),
    });

    const draft =
      "Open settings and choose reset.\n\nThen confirm the email we send you.\n\nThat is all it takes.";
    const pacing = { reading_delay_ms: 300, typing_wpm: 200, max_typing_ms: 1500 };
    const res = await a<{ scheduled: Record<string, unknown>[]; superseded: boolean }>(action("respond"), {
      thread_id: id,
      content: draft,
      turn_epoch: submitted.body.turn_epoch,
      agent_name: "Sam",
      pacing,
      metadata: { reply_to: "m1" },
    });
    expect(res.status).toBe(200);
    expect(res.body.superseded).toBe(false);
    const scheduled = res.body.scheduled;
    expect(scheduled.length).toBeGreaterThanOrEqual(1);
    expect(scheduled.length).toBeLessThanOrEqual(5);
    expect(
      scheduled
        .map((s) => s.content)
        .join(" ")
        .split(/\s+/),
    ).toEqual(draft.split(/\s+/));

    // deliver_0 = created + reading + typing_0; deliver_i = deliver_{i-1} + 200 + typing_i (±10 ms).
    const typing = (text: string) =>
      Math.min(
        pacing.max_typing_ms,
        Math.max(500, (text.split(/\s+/).filter(Boolean).length / pacing.typing_wpm) * 60_000),
      );
    let expected = Date.parse(String(scheduled[0]!.created_at)) + pacing.reading_delay_ms - 200;
    for (const [i, s] of scheduled.entries()) {
      expected += 200 + typing(String(s.content));
      expect(Math.abs(Date.parse(String(s.deliver_at)) - expected)).toBeLessThanOrEqual(10);
      expect(s).toMatchObject({ thread_id: id, position: i, status: "scheduled" });
      for (const field of ["deliver_at", "created_at", "updated_at"]) expect(s[field]).toMatch(TS);
    }

    const done = (f: typeof sockA.frames) =>
      f.some((x) => x.type === "turn_taking.typing" && x.data?.typing === false);
    await sockA.waitFor(done);
    await sockB.waitFor(done);
    const frames = sockA.frames.slice(1);
    expect(frames.map((f) => f.type)).toEqual([
      "turn_taking.typing",
      ...scheduled.map(() => "turn_taking.message"),
      "turn_taking.typing",
    ]);
    expect(frames[0]!.data).toEqual({ thread_id: id, typing: true });
    const messages = frames.filter((f) => f.type === "turn_taking.message");
    for (const [i, m] of messages.entries()) {
      expect(m.id).toMatch(/^evt_[0-9a-f]{32}$/);
      expect(m.data).toMatchObject({
        thread_id: id,
        position: i,
        content: scheduled[i]!.content,
        metadata: { reply_to: "m1" },
      });
      expect(m.data?.message_id).not.toBe(scheduled[i]!.id);
      expect(String(m.data?.sent_at)).toMatch(TS);
      // Not a timing assertion on the host: a bubble is never sent before its time.
      expect(Date.parse(String(m.data?.sent_at))).toBeGreaterThanOrEqual(
        Date.parse(String(scheduled[i]!.deliver_at)),
      );
    }
    // Several sockets on one thread: identical frames with identical ids.
    const strip = (fs: typeof frames) => fs.map(({ receivedAt: _r, ...rest }) => rest);
    expect(strip(sockB.frames.slice(1))).toEqual(strip(frames));
    sockA.close();
    sockB.close();
  });

  it("hands out every id (thread, scheduled bubble, delivery) as a random UUID version 4", async () => {
    const opened = await newThread();
    const id = opened.thread.id;
    const submitted = await a(action("submit_messages"), {
      thread_id: id,
      messages: [msg("Sam, three things?")],
    });
    const sock = await openSocket(opened.realtime.connect_url);
    const res = await a<{ scheduled: { id: string; thread_id: string }[] }>(action("respond"), {
      thread_id: id,
      content:
        "Open the settings page and choose the reset option.\n\nThen confirm the email that we send to you.\n\nAfter that the new password works everywhere.",
      turn_epoch: submitted.body.turn_epoch,
      pacing: { max_typing_ms: 100 },
    });
    await sock.waitFor((f) => f.some((x) => x.type === "turn_taking.typing" && x.data?.typing === false));
    sock.close();
    const deliveries = sock.frames
      .filter((f) => f.type === "turn_taking.message")
      .map((f) => String(f.data?.message_id));
    const ids = [id, ...res.body.scheduled.flatMap((s) => [s.id, s.thread_id]), ...deliveries];
    expect(res.body.scheduled.length).toBeGreaterThanOrEqual(2);
    expect(deliveries).toHaveLength(res.body.scheduled.length);
    for (const wireId of ids) expect(wireId).toMatch(UUID_V4);
    expect(new Set([...res.body.scheduled.map((s) => s.id), ...deliveries]).size).toBe(2 * deliveries.length);
  });

  it("returns superseded for a stale epoch, scheduling and billing nothing", async () => {
    const key = keyFor(dbUrl, "stale");
    const call = clientFor(engine, key);
    const { thread } = await newThread(call);
    const first = await call(action("submit_messages"), { thread_id: thread.id, messages: [msg("one")] });
    await call(action("submit_messages"), { thread_id: thread.id, messages: [msg("two")] });
    const before = await call("/v1/credits/projections/usage-summary");
    const stale = await call(action("respond"), {
      thread_id: thread.id,
      content: "late",
      turn_epoch: first.body.turn_epoch,
    });
    expect(stale.status).toBe(200);
    expect(stale.body).toEqual({ scheduled: [], superseded: true });
    const after = await call("/v1/credits/projections/usage-summary");
    expect(after.body.total_credits).toBe(before.body.total_credits);
  });

  it("holds the respond limits at the boundary and one past it", async () => {
    const { thread } = await newThread();
    const epoch = (await a(action("submit_messages"), { thread_id: thread.id, messages: [msg("x")] })).body
      .turn_epoch;
    const base = { thread_id: thread.id, content: "ok then", turn_epoch: epoch };
    const blank = await a(action("respond"), { ...base, content: "   " });
    // Well-formed but nothing to say: a semantic failure.
    expect(blank.status).toBe(400);
    expect((blank.body.error as { code: string }).code).toBe("VALIDATION_ERROR");
    expect(errorPath(blank.body)).toBe("content");
    const cases: [string, Record<string, unknown>, boolean, string?][] = [
      ["content 4000", { content: `${"word ".repeat(799)}last` }, true],
      ["content 4001", { content: "c".repeat(4001) }, false, "content"],
      ["epoch missing", { turn_epoch: undefined }, false, "turn_epoch"],
      ["epoch float", { turn_epoch: 1.5 }, false, "turn_epoch"],
      ["epoch string", { turn_epoch: "1" }, false, "turn_epoch"],
      ["reading 30000", { pacing: { reading_delay_ms: 30_000 } }, true],
      ["reading 30001", { pacing: { reading_delay_ms: 30_001 } }, false, "pacing.reading_delay_ms"],
      ["reading -1", { pacing: { reading_delay_ms: -1 } }, false, "pacing.reading_delay_ms"],
      ["wpm 2000", { pacing: { typing_wpm: 2000 } }, true],
      ["wpm 2001", { pacing: { typing_wpm: 2001 } }, false, "pacing.typing_wpm"],
      ["wpm 0", { pacing: { typing_wpm: 0 } }, false, "pacing.typing_wpm"],
      ["max 60000", { pacing: { max_typing_ms: 60_000 } }, true],
      ["max 60001", { pacing: { max_typing_ms: 60_001 } }, false, "pacing.max_typing_ms"],
      ["max 0", { pacing: { max_typing_ms: 0 } }, false, "pacing.max_typing_ms"],
      ["metadata 4096 bytes", { metadata: { k: "x".repeat(4096 - 8) } }, true],
      ["metadata 4097 bytes", { metadata: { k: "x".repeat(4096 - 7) } }, false, "metadata"],
      ["metadata array", { metadata: [1] }, false, "metadata"],
      ["agent_name 256", { agent_name: "n".repeat(256) }, false, "agent_name"],
      ["system_prompt 100001", { system_prompt: "p".repeat(100_001) }, false, "system_prompt"],
    ];
    for (const [name, patch, ok, field] of cases) {
      const res = await a(action("respond"), { ...base, ...patch });
      expect(res.status, name).toBe(ok ? 200 : 422);
      if (!ok) expect(errorPath(res.body), name).toBe(field);
    }
  });

  it("closes sockets with 4000 on an expired or forged grant and attaches with a valid one", async () => {
    const { thread, realtime } = await newThread();
    const base = realtime.connect_url.split("?")[0];
    const expired = issueGrant(GRANT_SECRET, {
      accountId: "x",
      threadPk: "x",
      threadId: thread.id,
      expiresAt: Date.now() - 1,
    });
    const forged = issueGrant("wrong-secret", {
      accountId: "x",
      threadPk: "x",
      threadId: thread.id,
      expiresAt: Date.now() + 30_000,
    });
    for (const token of [expired, forged, "garbage", ""]) {
      const sock = await openSocket(`${base}?token=${token}`);
      expect(await sock.closed).toBe(4000);
      expect(sock.frames).toEqual([]);
    }
    const good = await openSocket(realtime.connect_url);
    await good.waitFor((f) => f[0]?.type === "attached");
    good.close();
  });
});

describe("record_event", () => {
  it("answers exactly { tags: [] } and never advances the epoch", async () => {
    const { thread } = await newThread();
    await a(action("submit_messages"), { thread_id: thread.id, messages: [msg("x")] });
    for (const type of ["typing_start", "typing_stop", "message_edited"]) {
      const res = await a(action("record_event"), { thread_id: thread.id, type, sender: "Alex" });
      expect(res.body).toEqual({ tags: [] });
    }
    const bad = await a(action("record_event"), { thread_id: thread.id, type: "typing", sender: "Alex" });
    expect(bad.status).toBe(422);
    expect(bad.body.error).toMatchObject({
      code: "validation_failed",
      details: [{ loc: ["type"], type: "literal_error" }],
    });
    const next = await a(action("submit_messages"), { thread_id: thread.id, messages: [msg("y")] });
    expect(next.body.turn_epoch).toBe(2);
  });
});

describe("owner isolation", () => {
  it("keeps another account from reading, writing or subscribing to a thread", async () => {
    const { thread } = await newThread(a);
    await a(action("submit_messages"), { thread_id: thread.id, messages: [msg("secret")] });
    for (const [verb, body] of [
      ["submit_messages", { thread_id: thread.id, messages: [msg("x")] }],
      ["respond", { thread_id: thread.id, content: "x", turn_epoch: 1 }],
      ["record_event", { thread_id: thread.id, type: "typing_start", sender: "x" }],
    ] as const) {
      const res = await b(action(verb), body);
      expect(res.status, verb).toBe(404);
    }
    expect((await b("/v1/turn-taking/projections/decisions", { thread_id: thread.id })).status).toBe(404);

    // Opening the same id gives B its own, separate thread; A's frames never reach it.
    const bOpen = await b<{ thread: { id: string; user_id: string }; realtime: { connect_url: string } }>(
      action("open_thread"),
      { thread_id: thread.id },
    );
    expect(bOpen.body.thread.user_id).not.toBe((await a(action("whoami"))).body.user_id);
    const bEpoch = await b(action("submit_messages"), { thread_id: thread.id, messages: [msg("mine")] });
    expect(bEpoch.body.turn_epoch).toBe(1);
    const bSock = await openSocket(bOpen.body.realtime.connect_url);
    const aEpoch = await a(action("submit_messages"), { thread_id: thread.id, messages: [msg("again")] });
    await a(action("respond"), {
      thread_id: thread.id,
      content: "For A only.",
      turn_epoch: aEpoch.body.turn_epoch,
      pacing: { max_typing_ms: 100 },
    });
    await new Promise((r) => setTimeout(r, 800));
    expect(bSock.frames.map((f) => f.type)).toEqual(["attached"]);
    bSock.close();
  });
});

describe("credits", () => {
  it("gives 402 before any work and charges nothing when the balance cannot cover a call", async () => {
    const poor = clientFor(engine, keyPoor);
    const { thread } = await newThread(poor);
    const first = await poor(action("submit_messages"), { thread_id: thread.id, messages: [msg("one")] });
    expect(first.status).toBe(200);
    const reply = await poor(action("respond"), { thread_id: thread.id, content: "too dear", turn_epoch: 1 });
    expect(reply.status).toBe(402);
    expect((reply.body.error as { code: string }).code).toBe("PAYMENT_REQUIRED");
    const second = await poor(action("submit_messages"), { thread_id: thread.id, messages: [msg("two")] });
    expect(second.body.turn_epoch).toBe(2);
    const broke = await poor(action("submit_messages"), { thread_id: thread.id, messages: [msg("three")] });
    expect(broke.status).toBe(402);
    // The refused call did no work: the epoch did not move.
    const free = await poor(action("submit_messages"), {
      thread_id: thread.id,
      messages: [msg("x")],
      skip_decide: true,
    });
    expect(free.body.turn_epoch).toBe(3);

    const usage = await poor<{
      total_calls: number;
      total_credits: number;
      per_component: unknown[];
      daily_series: { date: string; requests: number }[];
    }>("/v1/credits/projections/usage-summary");
    expect(usage.body.total_calls).toBe(2);
    expect(usage.body.total_credits).toBe(2);
    expect(usage.body.per_component).toEqual([{ component: "submit_messages", calls: 2, credits: 2 }]);
    expect(usage.body.daily_series.map((d) => d.date)).toEqual([
      "Mon",
      "Tue",
      "Wed",
      "Thu",
      "Fri",
      "Sat",
      "Sun",
    ]);
    expect(usage.body.daily_series.reduce((s, d) => s + d.requests, 0)).toBe(2);
  });
});
