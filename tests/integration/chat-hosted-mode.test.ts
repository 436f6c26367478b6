import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ChatMessageDTO, RoomDetail, RoomSummary } from "@/lib/chat/types";
import { startEngine } from "./helpers/engine-fixture";
import {
  createKeyWithCli,
  ROOT,
  type RunningProcess,
  startProcess,
  tempSqliteUrl,
} from "./helpers/processes";
import { HttpSession, waitUntil } from "./helpers/session";

// The app in hosted mode: its Turn-taking service is a second engine process reached
// only by URL and key, exactly as the Humalike API would be.
let engine: RunningProcess;
let app: RunningProcess;
let hostedKey: string;
const sessions: HttpSession[] = [];

beforeAll(async () => {
  const started = await startEngine();
  engine = started.proc;
  hostedKey = createKeyWithCli(started.databaseUrl, "roundtable-hosted");
  app = await startProcess("server.ts", {
    NODE_ENV: "production",
    DATABASE_URL: tempSqliteUrl("hosted-app"),
    AUTH_SECRET: "hosted-mode-test-secret",
    HUMALIKE_API_URL: engine.baseUrl,
    HUMALIKE_API_KEY: hostedKey,
    CHAT_MAX_AGENT_CHAIN: "3",
    REVIEW_PAGE_MESSAGES: "4",
    // Every request comes from 127.0.0.1; the per-IP limit has its own test (app-safety).
    CHAT_IP_MESSAGES_PER_MINUTE: "1000",
  });
});

afterAll(async () => {
  await app?.stop();
  await engine?.stop();
});

async function person() {
  const session = new HttpSession(app.baseUrl);
  sessions.push(session);
  const user = await session.signInAsGuest();
  return { session, user };
}

async function messages(session: HttpSession, roomId: string): Promise<ChatMessageDTO[]> {
  return (await session.json<{ messages: ChatMessageDTO[] }>(`/api/rooms/${roomId}/messages`)).body.messages;
}

const post = (session: HttpSession, roomId: string, content: string) =>
  session.json(`/api/rooms/${roomId}/messages`, { method: "POST", body: JSON.stringify({ content }) });

/** Waits until the room has been quiet (no new message) for `quietMs`. */
async function settle(session: HttpSession, roomId: string, quietMs = 7000) {
  let last = -1;
  let since = Date.now();
  for (;;) {
    const count = (await messages(session, roomId)).length;
    if (count !== last) {
      last = count;
      since = Date.now();
    } else if (Date.now() - since >= quietMs) return;
    await new Promise((r) => setTimeout(r, 250));
  }
}

describe("group chat through the hosted-mode code path", () => {
  let roomId: string;
  let ana: HttpSession;
  let bo: HttpSession;

  it("seeds a demo room with three agents whose threads live on the hosted service", async () => {
    ({ session: ana } = await person());
    const rooms = await ana.json<{ rooms: RoomSummary[] }>("/api/rooms");
    expect(rooms.status).toBe(200);
    const demo = rooms.body.rooms.find((r) => r.isDemo)!;
    expect(demo.agentCount).toBe(3);
    roomId = demo.id;
    const detail = await ana.json<RoomDetail>(`/api/rooms/${roomId}`);
    expect(detail.body.turnTakingMode).toBe("hosted");
    expect(detail.body.agents.map((a) => a.name)).toEqual(["Sam", "Maya", "Pip"]);

    // A second person joins through the invite link.
    ({ session: bo } = await person());
    const joined = await bo.joinByInvite(detail.body.inviteUrl);
    expect(joined).toEqual({ status: 200, roomId });
  });

  it("gets a paced reply only from the agent addressed by name", async () => {
    const before = (await messages(ana, roomId)).length;
    await post(ana, roomId, "Sam, I can't log in to my account since this morning. Can you help?");
    await waitUntil(async () => (await messages(ana, roomId)).some((m) => m.senderName === "Sam"), 30_000);
    await settle(ana, roomId);
    const after = (await messages(ana, roomId)).slice(before);
    const agentSenders = new Set(after.filter((m) => m.authorType === "agent").map((m) => m.senderName));
    expect([...agentSenders]).toEqual(["Sam"]);
    const sam = after.filter((m) => m.senderName === "Sam");
    expect(sam.length).toBeGreaterThanOrEqual(1);
    expect(sam.length).toBeLessThanOrEqual(5);
    expect(sam.map((m) => m.position)).toEqual(sam.map((_, i) => i));
    expect(new Set(sam.map((m) => m.deliveryId)).size).toBe(sam.length);
  });

  it("stays silent during chatter between the two people", async () => {
    const before = (await messages(ana, roomId)).length;
    await post(ana, roomId, "Bo, did you finish the quarterly report?");
    await post(bo, roomId, "Ana, yes! Sent it to you this morning.");
    await settle(ana, roomId);
    const after = (await messages(ana, roomId)).slice(before);
    expect(after.filter((m) => m.authorType === "agent")).toEqual([]);
    // Both people see the same transcript.
    expect((await messages(bo, roomId)).map((m) => m.id)).toEqual(
      (await messages(ana, roomId)).map((m) => m.id),
    );
  });

  it("has the most relevant agent answer a question to the room", async () => {
    const before = (await messages(ana, roomId)).length;
    await post(bo, roomId, "Does anyone know why my invoice shows the wrong amount this month?");
    await waitUntil(
      async () => (await messages(ana, roomId)).slice(before).some((m) => m.senderName === "Sam"),
      30_000,
    );
    await settle(ana, roomId);
    const agentSenders = new Set(
      (await messages(ana, roomId))
        .slice(before)
        .filter((m) => m.authorType === "agent")
        .map((m) => m.senderName),
    );
    expect([...agentSenders]).toEqual(["Sam"]);
  });

  it("refuses a non-member and validates input with clear errors", async () => {
    const { session: stranger } = await person();
    expect((await stranger.json(`/api/rooms/${roomId}`)).status).toBe(404);
    expect((await post(stranger, roomId, "hi")).status).toBe(404);
    const empty = await post(ana, roomId, "   ");
    expect(empty.status).toBe(422);
    expect(empty.body).toMatchObject({ error: { code: "bad_request:input" } });
    const long = await post(ana, roomId, "x".repeat(4001));
    expect(long.status).toBe(422);
    const bad = await ana.json(`/api/rooms/${roomId}/messages`, { method: "POST", body: "{nope" });
    expect(bad.status).toBe(422);
  });

  it("rate-limits a person who floods the room with 429", async () => {
    const { session: flooder } = await person();
    const invite = (await ana.json<RoomDetail>(`/api/rooms/${roomId}`)).body.inviteUrl;
    await flooder.joinByInvite(invite);
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) statuses.push((await post(flooder, roomId, `ok ${i}`)).status);
    expect(statuses.slice(0, 8).every((s) => s === 201)).toBe(true);
    expect(statuses).toContain(429);
    await settle(ana, roomId);
  });

  it("stops two chatty agents within the bound on agent-only exchanges", async () => {
    const created = await ana.json<{ room: RoomSummary }>("/api/rooms", {
      method: "POST",
      body: JSON.stringify({ name: "Chatty" }),
    });
    const chattyRoom = created.body.room.id;
    const detail = await ana.json<RoomDetail>(`/api/rooms/${chattyRoom}`);
    for (const agent of detail.body.agents) {
      const removed = await ana.json(`/api/rooms/${chattyRoom}/agents/${agent.id}`, { method: "DELETE" });
      expect(removed.status).toBe(204);
    }
    const chatty = (name: string, other: string) => ({
      name,
      color: "#7c3aed",
      persona: "Talks about everything",
      systemPrompt: `You are ${name}. Be proactive: speak up whenever you can help or have something to add. Always answer ${other} and ask ${other} a question back.`,
      modelId: "offline:persona",
      typingWpm: 400,
      readingDelayMs: 0,
      maxTypingMs: 500,
      forwardness: 1,
    });
    for (const [a, b] of [
      ["Echo", "Nova"],
      ["Nova", "Echo"],
    ]) {
      const res = await ana.json(`/api/rooms/${chattyRoom}/agents`, {
        method: "POST",
        body: JSON.stringify(chatty(a!, b!)),
      });
      expect(res.status).toBe(201);
    }
    await ana.json(`/api/rooms/${chattyRoom}`); // open the room (listeners attach)
    await post(ana, chattyRoom, "Echo and Nova, what do you both think about tabs versus spaces?");
    await waitUntil(
      async () => (await messages(ana, chattyRoom)).some((m) => m.authorType === "agent"),
      30_000,
    );
    await settle(ana, chattyRoom);
    const replies = new Set(
      (await messages(ana, chattyRoom)).filter((m) => m.authorType === "agent").map((m) => m.replyKey),
    );
    expect(replies.size).toBeGreaterThanOrEqual(2);
    expect(replies.size).toBeLessThanOrEqual(3);
  });

  it("reviews the room page by page, with each decision's reasons from the service", async () => {
    const latest = await ana.fetch(`/review/${roomId}`);
    expect(latest.status).toBe(200);
    const html = await latest.text();
    // Four messages a page here (REVIEW_PAGE_MESSAGES), and the room has more.
    expect(html).toContain("Decisions per agent");
    // The link labelled "Show earlier messages" (a paged view also links to later ones).
    const earlierLink = (page: string) =>
      page
        .match(/href="(\/review\/[^"]+\?before=\d+)"[^>]*>\s*(?:<!-- -->)?\s*Show earlier messages/)?.[1]
        ?.replaceAll("&amp;", "&");
    expect(earlierLink(html)).toBeDefined();
    expect(html).not.toContain("Welcome! Sam (support)");

    // Page back to the room's first message.
    const pages = [html];
    while (earlierLink(pages.at(-1)!) && pages.length < 100) {
      const page = await (await ana.fetch(earlierLink(pages.at(-1)!)!)).text();
      expect(page).toContain("Back to the latest messages");
      pages.push(page);
    }
    expect(pages.length).toBeGreaterThan(2);
    expect(pages.at(-1)).toContain("Welcome! Sam (support)");
    // The service keeps each decision's reasons: they are shown, scored.
    expect(pages.some((page) => /score (<!-- -->)?0\.\d\d/.test(page))).toBe(true);
    for (const page of pages) expect(page).not.toContain("Reasons are not available");
    // A message number that does not exist simply shows the page before it.
    expect((await ana.fetch(`/review/${roomId}?before=999999&show=nonsense`)).status).toBe(200);
    // Not a member: not found, whether the room exists or not (the status is sent before
    // the page streams, so the page says it).
    const stranger = (await person()).session;
    const refused = await (await stranger.fetch(`/review/${roomId}`)).text();
    expect(refused).toContain("Room not found");
    expect(refused).not.toContain("Decisions per agent");
  });

  it("never sends the Turn-taking key to a browser", async () => {
    const env = readFileSync(path.join(ROOT, ".env.local"), "utf8");
    const appKey = env.match(/^ENGINE_APP_KEY=(.+)$/m)?.[1];
    const secrets = [hostedKey, appKey].filter((s): s is string => Boolean(s));
    for (const session of sessions) {
      for (const body of session.bodies) for (const secret of secrets) expect(body).not.toContain(secret);
    }
    // Pages too, and every built client bundle.
    const page = await (await ana.fetch(`/rooms/${roomId}`)).text();
    for (const secret of secrets) expect(page).not.toContain(secret);
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const full = path.join(dir, name);
        if (statSync(full).isDirectory()) walk(full);
        else if (/\.(js|css|html|json)$/.test(name)) files.push(full);
      }
    };
    walk(path.join(ROOT, ".next", "static"));
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) {
      const text = readFileSync(file, "utf8");
      for (const secret of secrets) expect(text).not.toContain(secret);
      expect(text).not.toMatch(/HUMALIKE_API_KEY|ENGINE_APP_KEY|ak_[A-Za-z0-9_-]{32}/);
    }
  });
});
