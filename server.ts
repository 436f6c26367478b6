// One Node process: Next.js for the app, and under /v1/ the embedded Turn-taking
// engine's HTTP actions and WebSocket upgrades.
import { createServer } from "node:http";
import type { Socket } from "node:net";
import { loadEnvConfig } from "@next/env";
import next from "next";
import { runShutdownHooks } from "@/lib/async/shutdown-hooks";
import { ensureLocalSecret, randomSecret } from "@/lib/config/env-file";
import { closeDb } from "@/lib/db/client";
import { applyMigrations } from "@/lib/db/migrations";
import { createEngine } from "@/lib/engine/engine";
import { provisionAppKey } from "@/lib/engine/provision";
import { CLIENT_IP_HEADER, socketClientIp } from "@/lib/http/client-ip";

const dev = process.env.NODE_ENV !== "production";
const port = Number(process.env.PORT ?? 3000);
const hostname = process.env.HOST ?? "0.0.0.0";

async function main() {
  process.env.NEXT_TELEMETRY_DISABLED ??= "1";
  loadEnvConfig(process.cwd(), dev);
  ensureLocalSecret("AUTH_SECRET", randomSecret);
  process.env.AUTH_TRUST_HOST ??= "true";

  const applied = await applyMigrations(process.env.DATABASE_URL);
  if (applied.length > 0) console.log(`> applied migrations: ${applied.join(", ")}`);

  const engine = createEngine();
  await provisionAppKey(engine.services.sql);
  await engine.start();

  // Next builds absolute URLs (redirects, callbackUrl) from this name, not from the bind address.
  const app = next({ dev, hostname: hostname === "0.0.0.0" ? "localhost" : hostname, port });
  const handle = app.getRequestHandler();
  await app.prepare();

  const trustProxy = process.env.TRUST_PROXY === "1";
  const server = createServer(engine.serverOptions, (req, res) => {
    if (req.url?.startsWith("/v1/")) {
      engine.handleRequest(req, res);
      return;
    }
    // Per-IP limits read this; whatever a client sent under that name is replaced.
    req.headers[CLIENT_IP_HEADER] = socketClientIp(
      req.socket.remoteAddress,
      req.headers["x-forwarded-for"],
      trustProxy,
    );
    void handle(req, res);
  });
  // Only our paths: Next attaches its own upgrade listener (HMR) and must keep it.
  server.on("upgrade", (req, socket: Socket, head) => {
    if (req.url?.startsWith("/v1/ws/")) engine.handleUpgrade(req, socket, head);
  });

  await new Promise<void>((resolve) => server.listen(port, hostname, resolve));
  console.log(`> Roundtable ready on http://localhost:${port} (${dev ? "development" : "production"})`);

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`> ${signal}: draining`);
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    server.closeIdleConnections();
    await engine.stop();
    await Promise.race([closed, new Promise((r) => setTimeout(r, 5000).unref())]);
    server.closeAllConnections();
    await app.close?.();
    await runShutdownHooks();
    await closeDb();
    process.exit(0);
  };
  process.on("SIGTERM", () => void shutdown("SIGTERM"));
  process.on("SIGINT", () => void shutdown("SIGINT"));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
