import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createTurnTakingClient, TURN_TAKING_PATHS } from "./client";
import { TurnTakingError } from "./errors";

// A fake upstream on a real socket: the client's HTTP behaviour (headers, retries, timeouts,
// connection failures) is what is under test, so fetch is never mocked.

interface Reply {
  status: number;
  body: unknown;
  delayMs?: number;
  contentType?: string;
}

interface Seen {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
}

let server: Server;
let baseUrl: string;
let seen: Seen[] = [];
let reply: (n: number, req: Seen) => Reply = () => ({ status: 200, body: {} });

function listen(s: Server, port = 0): Promise<number> {
  return new Promise((resolve) =>
    s.listen(port, "127.0.0.1", () => resolve((s.address() as AddressInfo).port)),
  );
}

function fakeUpstream(): Server {
  return createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const request = {
        method: req.method ?? "",
        url: req.url ?? "",
        headers: req.headers,
        body: Buffer.concat(chunks).toString("utf8"),
      };
      seen.push(request);
      const n = seen.length;
      const r = reply(n, request);
      setTimeout(() => {
        if (res.destroyed) return;
        const text = typeof r.body === "string" ? r.body : JSON.stringify(r.body);
        res.writeHead(r.status, {
          "content-type": r.contentType ?? "application/json",
          "x-request-id": `req_${n}`,
        });
        res.end(text);
      }, r.delayMs ?? 0);
    });
  });
}

const THREAD = "6f1c2f7e-6a51-4f5e-9a43-0a9f3b1d2c3e";
const TS = "2026-06-16T12:00:00.123456Z";

const envelope = (code: string, message: string, extra: Record<string, unknown> = {}) => ({
  error: { code, message, ...extra },
});

const client = (options: Partial<Parameters<typeof createTurnTakingClient>[0]> = {}) =>
  createTurnTakingClient({ baseUrl, apiKey: "ak_test", backoffMs: 10, ...options });

/** The rejection of `promise`, asserted to be a TurnTakingError. */
async function failure(promise: Promise<unknown>): Promise<TurnTakingError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(TurnTakingError);
  return error as TurnTakingError;
}

beforeAll(async () => {
  server = fakeUpstream();
  baseUrl = `http://127.0.0.1:${await listen(server)}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

beforeEach(() => {
  seen = [];
  reply = () => ({ status: 200, body: {} });
});

describe("createTurnTakingClient: requests", () => {
  const openThreadBody = {
    thread: { id: THREAD, user_id: "usr_1", created_at: TS, updated_at: TS },
    channel: `turn-taking-thread/${THREAD}`,
    realtime: { connect_url: "ws://x/v1/ws/turn-taking-thread?token=a.b", expires_at: TS },
  };
  const scheduled = {
    id: "s1",
    thread_id: THREAD,
    content: "hi",
    position: 0,
    deliver_at: TS,
    status: "scheduled",
    created_at: TS,
    updated_at: TS,
  };
  const usage = {
    total_calls: 3,
    total_credits: 4,
    per_component: [{ component: "respond", calls: 1, credits: 2 }],
    daily_series: ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"].map((date) => ({ date, requests: 0 })),
  };
  const decisions = {
    thread_id: THREAD,
    decisions: [
      {
        turn_epoch: 1,
        decision: "stay_silent",
        score: -0.4,
        reasons: [
          { factor: "addressed_elsewhere", weight: -0.5, detail: "asked Bob" },
          { factor: "x", weight: 0 },
        ],
        tags: [],
        billed: true,
        agent_name: null,
        created_at: TS,
      },
    ],
  };

  const cases = [
    {
      name: "whoami",
      call: () => client().whoami(),
      path: TURN_TAKING_PATHS.whoami,
      sent: {},
      answer: { user_id: "usr_1" },
    },
    {
      name: "openThread without a request",
      call: () => client().openThread(),
      path: TURN_TAKING_PATHS.openThread,
      sent: {},
      answer: openThreadBody,
    },
    {
      name: "openThread",
      call: () => client().openThread({ thread_id: THREAD, integrations: { social_signals: {} } }),
      path: TURN_TAKING_PATHS.openThread,
      sent: { thread_id: THREAD, integrations: { social_signals: {} } },
      answer: openThreadBody,
    },
    {
      name: "submitMessages",
      call: () =>
        client().submitMessages({
          thread_id: THREAD,
          messages: [{ sender: "ann", content: "hi Ada?", client_ts: TS }],
          system_prompt: "You are Ada.",
          agent_name: "Ada",
        }),
      path: TURN_TAKING_PATHS.submitMessages,
      sent: {
        thread_id: THREAD,
        messages: [{ sender: "ann", content: "hi Ada?", client_ts: TS }],
        system_prompt: "You are Ada.",
        agent_name: "Ada",
      },
      answer: { decision: "speak", turn_epoch: 1, tags: [] },
    },
    {
      name: "respond",
      call: () =>
        client().respond({
          thread_id: THREAD,
          content: "hi",
          turn_epoch: 1,
          pacing: { reading_delay_ms: 0, typing_wpm: 300 },
          metadata: { draft: 7 },
        }),
      path: TURN_TAKING_PATHS.respond,
      sent: {
        thread_id: THREAD,
        content: "hi",
        turn_epoch: 1,
        pacing: { reading_delay_ms: 0, typing_wpm: 300 },
        metadata: { draft: 7 },
      },
      answer: { scheduled: [scheduled], superseded: false },
    },
    {
      name: "recordEvent",
      call: () => client().recordEvent({ thread_id: THREAD, type: "typing_start", sender: "ann" }),
      path: TURN_TAKING_PATHS.recordEvent,
      sent: { thread_id: THREAD, type: "typing_start", sender: "ann" },
      answer: { tags: [] },
    },
    {
      name: "usageSummary",
      call: () => client().usageSummary(),
      path: TURN_TAKING_PATHS.usageSummary,
      sent: {},
      answer: usage,
    },
    {
      name: "decisions",
      call: () => client().decisions(THREAD),
      path: TURN_TAKING_PATHS.decisions,
      sent: { thread_id: THREAD },
      answer: decisions,
    },
    {
      name: "decisions from an epoch",
      call: () => client().decisions(THREAD, { fromEpoch: 7 }),
      path: TURN_TAKING_PATHS.decisions,
      sent: { thread_id: THREAD, from_epoch: 7 },
      answer: decisions,
    },
  ];

  it.each(cases)("$name POSTs JSON with the bearer key and returns the parsed body", async (c) => {
    reply = () => ({ status: 200, body: c.answer });
    await expect(c.call()).resolves.toEqual(c.answer);
    expect(seen).toHaveLength(1);
    const [request] = seen;
    expect(request?.method).toBe("POST");
    expect(request?.url).toBe(c.path);
    expect(request?.headers.authorization).toBe("Bearer ak_test");
    expect(request?.headers["content-type"]).toBe("application/json");
    expect(JSON.parse(request?.body ?? "")).toEqual(c.sent);
  });

  it("keeps unknown response fields and tolerates a trailing slash on the base URL", async () => {
    reply = () => ({ status: 200, body: { user_id: "usr_1", plan: "free" } });
    const result = await client({ baseUrl: `${baseUrl}/` }).whoami();
    expect(result).toEqual({ user_id: "usr_1", plan: "free" });
    expect(seen[0]?.url).toBe(TURN_TAKING_PATHS.whoami);
  });

  it("refuses to be created without a key", () => {
    expect(() => createTurnTakingClient({ baseUrl, apiKey: "" })).toThrow(/apiKey/);
  });
});

describe("createTurnTakingClient: errors", () => {
  const details = [{ field: "messages.3.content", message: "must be 1-4000 characters" }];
  it.each([
    { status: 401, code: "UNAUTHORIZED", kind: "unauthorized" },
    { status: 402, code: "PAYMENT_REQUIRED", kind: "payment_required" },
    { status: 403, code: "forbidden", kind: "forbidden" },
    { status: 404, code: "NOT_FOUND", kind: "not_found" },
    { status: 405, code: "METHOD_NOT_ALLOWED", kind: "method_not_allowed" },
    { status: 413, code: "PAYLOAD_TOO_LARGE", kind: "payload_too_large" },
    { status: 422, code: "VALIDATION_ERROR", kind: "validation", details },
    { status: 500, code: "INTERNAL_ERROR", kind: "internal", trace_id: "trc_1" },
  ])("$status $code → kind $kind, not retried", async ({ status, code, kind, ...extra }) => {
    reply = () => ({ status, body: envelope(code, `${code} happened`, extra) });
    const error = await failure(client().submitMessages({ thread_id: THREAD, messages: [] }));
    expect(error).toMatchObject({
      status,
      code,
      kind,
      message: `${code} happened`,
      requestId: "req_1",
      retryable: false,
      attempts: 1,
    });
    expect(error.details).toEqual(extra.details);
    expect(error.traceId).toBe(extra.trace_id);
    await new Promise((r) => setTimeout(r, 50));
    expect(seen).toHaveLength(1);
  });

  it("turns a non-JSON or unexpected error body into a typed error by status", async () => {
    reply = () => ({ status: 500, body: "<html>oops</html>", contentType: "text/html" });
    const html = await failure(client().whoami());
    expect(html).toMatchObject({ status: 500, code: "INTERNAL_ERROR", kind: "internal", requestId: "req_1" });
    expect(html.message).toContain("oops");

    reply = () => ({ status: 401, body: { message: "nope" } });
    expect(await failure(client().whoami())).toMatchObject({ code: "UNAUTHORIZED", kind: "unauthorized" });

    reply = () => ({ status: 418, body: "" });
    expect(await failure(client().whoami())).toMatchObject({ status: 418, code: "HTTP_ERROR", kind: "http" });
    expect(seen).toHaveLength(3);
  });

  it("retries 502 with growing backoff, then succeeds", async () => {
    reply = (n) =>
      n <= 2
        ? { status: 502, body: envelope("UPSTREAM_ERROR", "the database was unavailable", { trace_id: "t" }) }
        : { status: 200, body: { user_id: "usr_1" } };
    const started = performance.now();
    await expect(client({ backoffMs: 20 }).whoami()).resolves.toEqual({ user_id: "usr_1" });
    // equal jitter: at least 20/2 + 40/2 ms across the two waits
    expect(performance.now() - started).toBeGreaterThanOrEqual(29);
    expect(seen).toHaveLength(3);
    expect(new Set(seen.map((s) => s.body))).toEqual(new Set(["{}"]));
  });

  it("gives up after `retries` with a retryable error carrying the last request id", async () => {
    reply = () => ({ status: 502, body: envelope("UPSTREAM_ERROR", "the database was unavailable") });
    const error = await failure(client({ retries: 2 }).whoami());
    expect(error).toMatchObject({
      status: 502,
      code: "UPSTREAM_ERROR",
      kind: "upstream",
      retryable: true,
      attempts: 3,
      requestId: "req_3",
    });
    expect(seen).toHaveLength(3);
  });

  it("retries a proxy's non-JSON 502 too, and none at all with retries: 0", async () => {
    reply = (n) =>
      n === 1
        ? { status: 502, body: "Bad Gateway", contentType: "text/plain" }
        : { status: 200, body: { user_id: "usr_1" } };
    await expect(client().whoami()).resolves.toEqual({ user_id: "usr_1" });
    expect(seen).toHaveLength(2);

    seen = [];
    reply = () => ({ status: 502, body: "Bad Gateway", contentType: "text/plain" });
    expect(await failure(client({ retries: 0 }).whoami())).toMatchObject({
      code: "UPSTREAM_ERROR",
      attempts: 1,
    });
    expect(seen).toHaveLength(1);
  });

  it("times out each attempt with code TIMEOUT and does not retry it", async () => {
    reply = () => ({ status: 200, body: { user_id: "usr_1" }, delayMs: 400 });
    const started = performance.now();
    const error = await failure(client({ timeoutMs: 50 }).whoami());
    expect(error).toMatchObject({
      status: 0,
      code: "TIMEOUT",
      kind: "timeout",
      retryable: false,
      attempts: 1,
    });
    expect(performance.now() - started).toBeLessThan(350);
    await new Promise((r) => setTimeout(r, 100));
    expect(seen).toHaveLength(1);
  });

  it("retries a refused connection until the server is up", async () => {
    const late = fakeUpstream();
    const port = await listen(late);
    await new Promise((resolve) => late.close(resolve));
    let calls = 0;
    const countingFetch: typeof fetch = async (input, init) => {
      calls += 1;
      try {
        return await fetch(input, init);
      } catch (error) {
        if (calls === 1) await listen(late, port);
        throw error;
      }
    };
    reply = () => ({ status: 200, body: { user_id: "usr_1" } });
    try {
      const result = await client({ baseUrl: `http://127.0.0.1:${port}`, fetch: countingFetch }).whoami();
      expect(result).toEqual({ user_id: "usr_1" });
      expect(calls).toBe(2);
      expect(seen).toHaveLength(1);
    } finally {
      late.closeAllConnections();
      await new Promise((resolve) => late.close(resolve));
    }
  });

  it("reports NETWORK_ERROR, retryable, once refused connections exhaust the retries", async () => {
    const dead = createServer();
    const port = await listen(dead);
    await new Promise((resolve) => dead.close(resolve));
    let calls = 0;
    const countingFetch: typeof fetch = (input, init) => {
      calls += 1;
      return fetch(input, init);
    };
    const error = await failure(
      client({ baseUrl: `http://127.0.0.1:${port}`, fetch: countingFetch, retries: 2 }).whoami(),
    );
    expect(error).toMatchObject({
      status: 0,
      code: "NETWORK_ERROR",
      kind: "network",
      retryable: true,
      attempts: 3,
    });
    expect(error.message).toContain("ECONNREFUSED");
    expect(calls).toBe(3);
  });

  it("reports a malformed success body as BAD_RESPONSE, without retrying", async () => {
    reply = () => ({ status: 200, body: "not json", contentType: "text/plain" });
    const notJson = await failure(client().whoami());
    expect(notJson).toMatchObject({
      status: 200,
      code: "BAD_RESPONSE",
      kind: "bad_response",
      requestId: "req_1",
    });

    reply = () => ({ status: 200, body: { decision: "maybe", turn_epoch: "1" } });
    const drift = await failure(client().submitMessages({ thread_id: THREAD, messages: [] }));
    expect(drift).toMatchObject({ code: "BAD_RESPONSE", retryable: false, requestId: "req_2" });
    expect(drift.details?.map((d) => d.field)).toEqual(["decision", "turn_epoch", "tags"]);
    expect(seen).toHaveLength(2);
  });

  it("stops at once when the caller's signal aborts, even while waiting to retry", async () => {
    reply = () => ({ status: 502, body: envelope("UPSTREAM_ERROR", "down") });
    const controller = new AbortController();
    const pending = client({ backoffMs: 5_000 }).whoami({ signal: controller.signal });
    await new Promise((r) => setTimeout(r, 50));
    controller.abort();
    await expect(pending).rejects.toMatchObject({ name: "AbortError" });
    expect(seen).toHaveLength(1);

    await expect(client().whoami({ signal: AbortSignal.abort() })).rejects.toMatchObject({
      name: "AbortError",
    });
    expect(seen).toHaveLength(1);
  });
});
