import type { IncomingMessage } from "node:http";
import type { Duplex } from "node:stream";
import { WebSocketServer } from "ws";
import { attachedFrame } from "./frames";
import { verifyGrant } from "./grants";
import type { Hub } from "./hub";
import { startKeepalive } from "./socket-keepalive";

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
  const keepalive = startKeepalive(() => wss.clients, pingIntervalMs);

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
      // Clients only listen; anything they send is ignored.
      ws.on("message", () => {});
      ws.send(JSON.stringify(attachedFrame(check.grant.threadId)));
      hub.attach(check.grant.threadPk, ws);
    });
  }

  async function close(): Promise<void> {
    keepalive.stop();
    hub.closeAll();
    await new Promise<void>((resolve) => wss.close(() => resolve()));
  }

  return { handleUpgrade, close, clients: wss.clients };
}
