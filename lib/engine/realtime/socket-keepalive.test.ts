import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import WebSocket, { WebSocketServer } from "ws";
import { startKeepalive } from "./socket-keepalive";

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

async function serverWithKeepalive(intervalMs: number) {
  const wss = new WebSocketServer({ port: 0, host: "127.0.0.1" });
  await new Promise<void>((resolve) => wss.once("listening", resolve));
  const keepalive = startKeepalive(() => wss.clients, intervalMs);
  cleanups.push(() => {
    keepalive.stop();
    for (const client of wss.clients) client.terminate();
    wss.close();
  });
  const url = `ws://127.0.0.1:${(wss.address() as AddressInfo).port}`;
  const connect = async (options: WebSocket.ClientOptions = {}) => {
    const ws = new WebSocket(url, options);
    await new Promise<void>((resolve, reject) => {
      ws.once("open", () => resolve());
      ws.once("error", reject);
    });
    cleanups.push(() => ws.terminate());
    return ws;
  };
  return { connect };
}

describe("startKeepalive", () => {
  it("drops a peer that stops answering pings and keeps one that answers", async () => {
    const { connect } = await serverWithKeepalive(200);
    const answering = await connect();
    const silent = await connect({ autoPong: false });
    const closed = new Promise<void>((resolve) => silent.once("close", () => resolve()));
    await closed;
    expect(answering.readyState).toBe(WebSocket.OPEN);
  });

  it("pings a socket once per interval however few sockets there are, so a slow answer is not dropped", async () => {
    const { connect } = await serverWithKeepalive(500);
    const ws = await connect({ autoPong: false });
    const pings: number[] = [];
    // Answers each ping a quarter of the interval late: well within the interval.
    ws.on("ping", () => {
      pings.push(Date.now());
      setTimeout(() => ws.readyState === WebSocket.OPEN && ws.pong(), 125);
    });
    await new Promise((r) => setTimeout(r, 1300));
    expect(ws.readyState).toBe(WebSocket.OPEN);
    // 1.3 s at one ping per 500 ms: two or three, not one per 20 ms slice.
    expect(pings.length).toBeGreaterThanOrEqual(2);
    expect(pings.length).toBeLessThanOrEqual(3);
  });

  it("spreads one interval's pings over the interval instead of sending them at once", async () => {
    const { connect } = await serverWithKeepalive(1000);
    const sockets = await Promise.all(Array.from({ length: 50 }, () => connect()));
    const firstPing = await Promise.all(
      sockets.map((ws) => new Promise<number>((resolve) => ws.once("ping", () => resolve(Date.now())))),
    );
    // 50 sockets over 25 slices of 40 ms: the first and the last ping of a round are most of a second apart.
    expect(Math.max(...firstPing) - Math.min(...firstPing)).toBeGreaterThan(500);
  });
});
