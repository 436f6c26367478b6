import type { IncomingMessage } from "node:http";
import type { Duplex } from "node:stream";
import type WebSocket from "ws";
import { WebSocketServer } from "ws";
import { attachedFrame } from "./frames";
import { verifyGrant } from "./grants";
import type { Hub } from "./hub";

export const WS_PATH = "/v1/ws/turn-taking-thread";
export const GRANT_CLOSE_CODE = 4000;

interface SocketServerOptions {
  hub: Hub;
  grantSecret: string;
  pingIntervalMs?: number;
}

/** Upgrades /v1/ws/turn-taking-thread?token=…; a bad grant completes the upgrade, then closes with 4000. */
export function createSocketServer({ hub, grantSecret, pingIntervalMs = 25_000 }: SocketServerOptions) {
  const wss = new WebSocketServer({ noServer: true, maxPayload: 64 * 1024 });
  const alive = new WeakMap<WebSocket, boolean>();

  // Keepalive: a peer that misses a whole interval of pongs is dropped.
  const pinger = setInterval(() => {
    for (const socket of wss.clients) {
      if (alive.get(socket) === false) {
        socket.terminate();
        continue;
      }
      alive.set(socket, false);
      socket.ping();
    }
  }, pingIntervalMs);
  pinger.unref();

  function handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    const url = new URL(req.url ?? "/", "http://localhost");
    if (url.pathname !== WS_PATH) {
      socket.end("HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n");
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => {
      ws.on("error", () => ws.terminate());
      const check = verifyGrant(grantSecret, url.searchParams.get("token"));
      if (!check.ok) {
        ws.close(GRANT_CLOSE_CODE, "");
        return;
      }
      alive.set(ws, true);
      ws.on("pong", () => alive.set(ws, true));
      // Clients only listen; anything they send is ignored.
      ws.on("message", () => {});
      ws.send(JSON.stringify(attachedFrame(check.grant.threadId)));
      hub.attach(check.grant.threadPk, ws);
    });
  }

  async function close(): Promise<void> {
    clearInterval(pinger);
    hub.closeAll();
    await new Promise<void>((resolve) => wss.close(() => resolve()));
  }

  return { handleUpgrade, close, clients: wss.clients };
}
