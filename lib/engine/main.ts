// The engine alone, as a deployable Turn-taking service: `npm run engine`.
import { createServer } from "node:http";
import { loadEnvConfig } from "@next/env";
import { applyMigrations } from "../db/migrations";
import { createEngine } from "./engine";
import { EngineError } from "./errors";
import { newRequestId } from "./ids";

async function main() {
  loadEnvConfig(process.cwd(), process.env.NODE_ENV !== "production");
  const port = Number(process.env.ENGINE_PORT ?? process.env.PORT ?? 4100);
  const host = process.env.HOST ?? "0.0.0.0";
  await applyMigrations(process.env.DATABASE_URL);
  const engine = createEngine();
  const recovered = await engine.start();

  const server = createServer(engine.serverOptions, (req, res) => {
    if (req.url?.startsWith("/v1/")) return engine.handleRequest(req, res);
    const body = JSON.stringify(new EngineError(404, "NOT_FOUND", "no such route").toEnvelope());
    res.writeHead(404, { "content-type": "application/json", "x-request-id": newRequestId() }).end(body);
  });
  server.on("upgrade", (req, socket, head) => {
    if (req.url?.startsWith("/v1/ws/")) engine.handleUpgrade(req, socket, head);
    else socket.destroy();
  });
  await new Promise<void>((resolve) => server.listen(port, host, resolve));
  console.log(`> Turn-taking engine on http://localhost:${port} (${recovered} bubble(s) re-armed)`);

  let stopping = false;
  const shutdown = async () => {
    if (stopping) return;
    stopping = true;
    server.close();
    server.closeIdleConnections();
    await engine.stop();
    server.closeAllConnections();
    process.exit(0);
  };
  process.on("SIGTERM", () => void shutdown());
  process.on("SIGINT", () => void shutdown());
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
