import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEngine } from "./helpers/engine-fixture";
import {
  createKeyWithCli,
  freePort,
  type RunningProcess,
  startProcess,
  tempSqliteUrl,
} from "./helpers/processes";
import { HttpSession, waitUntil } from "./helpers/session";

// A reply's drafting waits while the other agents of the same message are still deciding
// (lib/async/foreground.ts): the app's CPU goes to the decisions a person is waiting for first.
// Between the app and a real engine sits a relay that answers one agent's decision late.
const SLOW_AGENT = "Maya";
const SLOW_MS = 1500;

let engine: RunningProcess;
let app: RunningProcess;
let relay: Server;
/** What reached the relay: a decision answered, or a reply to pace (by agent). */
const calls: { verb: "decided" | "respond"; agent: string; at: number }[] = [];

beforeAll(async () => {
  const enginePort = await freePort();
  // Sockets attach to the engine itself; only the HTTP calls go through the relay.
  const started = await startEngine(undefined, enginePort, {
    ENGINE_PUBLIC_WS_URL: `ws://127.0.0.1:${enginePort}`,
  });
  engine = started.proc;
  relay = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks);
    const verb = (req.url ?? "").split("/").pop();
    let agent = "";
    try {
      agent = String(JSON.parse(body.toString("utf8")).agent_name ?? "");
    } catch {
      // Not JSON (never sent by the app): passed on as it is.
    }
    if (verb === "respond") calls.push({ verb: "respond", agent, at: Date.now() });
    if (verb === "submit_messages" && agent === SLOW_AGENT) await new Promise((r) => setTimeout(r, SLOW_MS));
    const upstream = await fetch(`${engine.baseUrl}${req.url}`, {
      method: req.method,
      headers: {
        "content-type": req.headers["content-type"] ?? "application/json",
        authorization: req.headers.authorization ?? "",
      },
      body: req.method === "POST" ? body : undefined,
    });
    const answer = Buffer.from(await upstream.arrayBuffer());
    if (verb === "submit_messages") calls.push({ verb: "decided", agent, at: Date.now() });
    res.writeHead(upstream.status, {
      "content-type": upstream.headers.get("content-type") ?? "application/json",
    });
    res.end(answer);
  });
  await new Promise<void>((resolve) => relay.listen(0, "127.0.0.1", resolve));
  app = await startProcess("server.ts", {
    NODE_ENV: "production",
    DATABASE_URL: tempSqliteUrl("drafting-waits-app"),
    AUTH_SECRET: "drafting-waits-test-secret",
    HUMALIKE_API_URL: `http://127.0.0.1:${(relay.address() as AddressInfo).port}`,
    HUMALIKE_API_KEY: createKeyWithCli(started.databaseUrl, "drafting-waits"),
    // Well past the slow decision: only the decisions being made end the wait here.
    CHAT_FOREGROUND_YIELD_MS: "10000",
  });
});

afterAll(async () => {
  await app?.stop();
  await new Promise((resolve) => relay?.close(resolve));
  await engine?.stop();
});

describe("an agent with a reply", () => {
  it("drafts only once every agent of the message has decided", async () => {
    const ana = new HttpSession(app.baseUrl);
    await ana.signInAsGuest();
    const roomId = (await ana.demoRoom()).id;
    const posted = await ana.json(`/api/rooms/${roomId}/messages`, {
      method: "POST",
      body: JSON.stringify({ content: "Sam, I can't log in to my account, can you help?" }),
    });
    expect(posted.status).toBe(201);

    const reply = await waitUntil(
      async () => calls.find((c) => c.verb === "respond" && c.agent === "Sam"),
      20_000,
      20,
    );
    const decided = calls.filter((c) => c.verb === "decided");
    const fast = decided.find((c) => c.agent === "Sam")!;
    const slow = decided.find((c) => c.agent === SLOW_AGENT)!;
    expect(slow.at - fast.at).toBeGreaterThanOrEqual(SLOW_MS - 200);
    // Sam decided at once but sent his reply to be paced only after Maya had decided.
    expect(reply.at).toBeGreaterThanOrEqual(slow.at);
  });
});
