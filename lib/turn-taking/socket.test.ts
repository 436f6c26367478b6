import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it, vi } from "vitest";
import WebSocket, { WebSocketServer } from "ws";
import { connectThreadSocket, type ThreadSocket, type ThreadSocketStatus } from "./socket";
import type { TurnTakingFrame } from "./types";

// A real `ws` server plays the Turn-taking socket endpoint; `ws` is the client's WebSocketImpl.

const THREAD = "6f1c2f7e-6a51-4f5e-9a43-0a9f3b1d2c3e";
const CHANNEL = `turn-taking-thread/${THREAD}`;
const TS = "2026-06-16T12:00:00.123456Z";

const attached = JSON.stringify({ type: "attached", channel: CHANNEL, server_time: TS });
const typing = (id: string, on: boolean) =>
  JSON.stringify({
    id,
    type: "turn_taking.typing",
    channel: CHANNEL,
    ts: TS,
    data: { thread_id: THREAD, typing: on },
  });
const message = (id: string, content: string) =>
  JSON.stringify({
    id,
    type: "turn_taking.message",
    channel: CHANNEL,
    ts: TS,
    data: { message_id: `m-${id}`, thread_id: THREAD, content, position: 0, sent_at: TS, metadata: null },
  });

interface Harness {
  url: (token: string) => string;
  /** Tokens of the connections the server has seen, in order. */
  tokens: string[];
  server: WebSocketServer;
}

const cleanup: (() => Promise<void> | void)[] = [];

afterEach(async () => {
  for (const fn of cleanup.splice(0).reverse()) await fn();
});

/** Starts a server that hands each new connection (0-based) to `onConnection`. */
async function startServer(
  onConnection: (ws: WebSocket, n: number, token: string) => void,
): Promise<Harness> {
  const server = new WebSocketServer({ port: 0, host: "127.0.0.1" });
  await new Promise<void>((resolve) => server.once("listening", () => resolve()));
  const tokens: string[] = [];
  server.on("connection", (ws, req) => {
    const token = new URL(req.url ?? "/", "http://x").searchParams.get("token") ?? "";
    tokens.push(token);
    onConnection(ws, tokens.length - 1, token);
  });
  cleanup.push(
    () =>
      new Promise<void>((resolve) => {
        for (const client of server.clients) client.terminate();
        server.close(() => resolve());
      }),
  );
  const port = (server.address() as AddressInfo).port;
  return { server, tokens, url: (token) => `ws://127.0.0.1:${port}/v1/ws/turn-taking-thread?token=${token}` };
}

function subscribe(getConnectUrl: () => Promise<string>) {
  const frames: TurnTakingFrame[] = [];
  const statuses: ThreadSocketStatus[] = [];
  const errors: Error[] = [];
  const socket: ThreadSocket = connectThreadSocket({
    getConnectUrl,
    onFrame: (f) => frames.push(f),
    onStatus: (s) => statuses.push(s),
    onError: (e) => errors.push(e),
    WebSocketImpl: WebSocket,
    backoff: { initialMs: 20, maxMs: 60 },
  });
  cleanup.push(() => socket.close());
  return { socket, frames, statuses, errors };
}

/** A getConnectUrl that mints a new token per call, like re-opening the thread. */
function grants(h: Harness) {
  let n = 0;
  return vi.fn(async () => h.url(`grant-${++n}`));
}

describe("connectThreadSocket", () => {
  it("delivers envelope frames, reports 'open' on the attached frame, and skips junk", async () => {
    const h = await startServer((ws) => {
      ws.send(attached);
      ws.send(typing("evt_1", true));
      ws.send("not json");
      ws.send(
        JSON.stringify({ id: "evt_x", type: "turn_taking.future", channel: CHANNEL, ts: TS, data: {} }),
      );
      ws.send(message("evt_2", "hello"));
      ws.send(typing("evt_3", false));
    });
    const s = subscribe(grants(h));
    await vi.waitFor(() => expect(s.frames).toHaveLength(3));
    expect(s.frames.map((f) => f.id)).toEqual(["evt_1", "evt_2", "evt_3"]);
    const [first, second] = s.frames;
    expect(first?.type === "turn_taking.typing" && first.data.typing).toBe(true);
    expect(second?.type === "turn_taking.message" && second.data.content).toBe("hello");
    expect(s.statuses).toEqual(["connecting", "open"]);
    expect(s.errors.map((e) => e.message)).toEqual([expect.stringContaining("malformed frame")]);
  });

  it("drops a frame replayed after a reconnect (same envelope id)", async () => {
    const h = await startServer((ws, n) => {
      ws.send(attached);
      if (n === 0) {
        ws.send(typing("evt_a", true));
        ws.send(message("evt_b", "one"));
        setTimeout(() => ws.close(1001), 20);
      } else {
        ws.send(message("evt_b", "one"));
        ws.send(message("evt_c", "two"));
      }
    });
    const getConnectUrl = grants(h);
    const s = subscribe(getConnectUrl);
    await vi.waitFor(() => expect(s.frames.map((f) => f.id)).toEqual(["evt_a", "evt_b", "evt_c"]));
    await new Promise((r) => setTimeout(r, 50));
    expect(s.frames).toHaveLength(3);
    expect(getConnectUrl).toHaveBeenCalledTimes(2);
    expect(s.statuses).toEqual(["connecting", "open", "reconnecting", "open"]);
  });

  it("asks for a fresh connect URL after the server closes with 4000 (expired grant)", async () => {
    const h = await startServer((ws, _n, token) => {
      if (token === "grant-1") {
        ws.close(4000, "");
        return;
      }
      ws.send(attached);
      ws.send(typing("evt_1", true));
    });
    const getConnectUrl = grants(h);
    const s = subscribe(getConnectUrl);
    await vi.waitFor(() => expect(s.frames).toHaveLength(1));
    expect(getConnectUrl).toHaveBeenCalledTimes(2);
    expect(h.tokens).toEqual(["grant-1", "grant-2"]);
    expect(s.statuses).toEqual(["connecting", "reconnecting", "open"]);
  });

  it("reconnects after a connection error and after getConnectUrl fails", async () => {
    const h = await startServer((ws) => {
      ws.send(attached);
      ws.send(typing("evt_1", true));
    });
    const dead = new WebSocketServer({ port: 0, host: "127.0.0.1" });
    await new Promise<void>((resolve) => dead.once("listening", () => resolve()));
    const deadPort = (dead.address() as AddressInfo).port;
    await new Promise<void>((resolve) => dead.close(() => resolve()));

    let calls = 0;
    const getConnectUrl = vi.fn(async () => {
      calls += 1;
      if (calls === 1) throw new Error("open_thread failed");
      if (calls === 2) return `ws://127.0.0.1:${deadPort}/v1/ws/turn-taking-thread?token=x`;
      return h.url("grant-3");
    });
    const s = subscribe(getConnectUrl);
    await vi.waitFor(() => expect(s.frames).toHaveLength(1));
    expect(getConnectUrl).toHaveBeenCalledTimes(3);
    expect(s.errors[0]?.message).toBe("open_thread failed");
    expect(s.errors.length).toBeGreaterThanOrEqual(2);
  });

  it("close() closes the socket and stops reconnecting", async () => {
    let serverSawClose = false;
    const h = await startServer((ws) => {
      ws.send(attached);
      ws.on("close", () => {
        serverSawClose = true;
      });
    });
    const getConnectUrl = grants(h);
    const s = subscribe(getConnectUrl);
    await vi.waitFor(() => expect(s.statuses).toContain("open"));
    s.socket.close();
    s.socket.close();
    await vi.waitFor(() => expect(serverSawClose).toBe(true));
    await new Promise((r) => setTimeout(r, 150));
    expect(getConnectUrl).toHaveBeenCalledTimes(1);
    expect(h.tokens).toHaveLength(1);
    expect(s.statuses).toEqual(["connecting", "open", "closed"]);
  });

  it("close() while waiting to reconnect cancels the reconnect", async () => {
    const h = await startServer((ws) => ws.close(4000, ""));
    const getConnectUrl = grants(h);
    const s = subscribe(getConnectUrl);
    await vi.waitFor(() => expect(s.statuses).toContain("reconnecting"));
    s.socket.close();
    const calls = getConnectUrl.mock.calls.length;
    await new Promise((r) => setTimeout(r, 150));
    expect(getConnectUrl).toHaveBeenCalledTimes(calls);
    expect(s.statuses.at(-1)).toBe("closed");
  });

  it("needs a WebSocket implementation", () => {
    vi.stubGlobal("WebSocket", undefined);
    try {
      expect(() => connectThreadSocket({ getConnectUrl: async () => "ws://x", onFrame: () => {} })).toThrow(
        /WebSocketImpl/,
      );
    } finally {
      vi.unstubAllGlobals();
    }
  });
});
