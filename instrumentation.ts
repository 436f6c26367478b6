// Next.js calls register() once when a server instance starts (next start, server.ts, or a
// serverless instance). A long-running instance shows due bubbles and runs due relays on its
// own; anywhere else the rows wait for the next reader or instance (see lib/chat/due-worker.ts).
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  if (process.env.CHAT_DUE_WORKER === "off") return;
  const [{ dueWorker }, { relayReply }] = await Promise.all([
    import("./lib/chat/due-worker"),
    import("./lib/chat/orchestrator"),
  ]);
  dueWorker().start(relayReply);
}
