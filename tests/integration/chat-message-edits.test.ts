import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AgentConnectGrant, ChatMessageDTO, RoomDetail, RoomSummary } from "@/lib/chat/types";
import { openSocket } from "./helpers/api";
import { type RunningProcess, startProcess, tempSqliteUrl } from "./helpers/processes";
import { HttpSession, waitUntil } from "./helpers/session";

let app: RunningProcess;
let ana: HttpSession;
let bo: HttpSession;
let roomId: string;

/** JSON calls as the browser makes them: same-origin, JSON body. */
const send = (who: HttpSession, path: string, method: string, body?: unknown) =>
  who.json<Record<string, unknown>>(path, {
    method,
    headers: { origin: app.baseUrl },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });

const messages = async (who: HttpSession = ana) =>
  (await who.json<{ messages: ChatMessageDTO[] }>(`/api/rooms/${roomId}/messages`)).body.messages;

const post = async (content: string) => {
  const res = await send(ana, `/api/rooms/${roomId}/messages`, "POST", { content });
  expect(res.status).toBe(201);
  return (res.body as { message: ChatMessageDTO }).message;
};

const messageUrl = (id: string, room = roomId) => `/api/rooms/${room}/messages/${encodeURIComponent(id)}`;

beforeAll(async () => {
  app = await startProcess("server.ts", {
    NODE_ENV: "production",
    DATABASE_URL: tempSqliteUrl("message-edits"),
    AUTH_SECRET: "message-edits-test-secret",
  });
  ana = new HttpSession(app.baseUrl);
  bo = new HttpSession(app.baseUrl);
  await ana.signInAsGuest();
  await bo.signInAsGuest();
  // Visiting the room list creates each person's Demo room.
  await ana.fetch("/rooms");
  await bo.fetch("/rooms");
  roomId = (await ana.json<{ rooms: RoomSummary[] }>("/api/rooms")).body.rooms[0]!.id;
});

afterAll(async () => {
  await app?.stop();
});

describe("editing and deleting your own last message", () => {
  it("edits it, marks it edited, and reports message_edited to every agent's thread", async () => {
    const detail = (await ana.json<RoomDetail>(`/api/rooms/${roomId}`)).body;
    const sam = detail.agents.find((a) => a.name === "Sam")!;
    const grant = await send(ana, `/api/rooms/${roomId}/agents/${sam.id}/connect`, "POST", {});
    expect(grant.status).toBe(200);
    const socket = await openSocket((grant.body as unknown as AgentConnectGrant).connectUrl);
    try {
      const original = await post("the billing page shows teh wrong currency");
      const edited = await send(ana, messageUrl(original.id), "PATCH", {
        content: "the billing page shows the wrong currency",
      });
      expect(edited.status).toBe(200);
      const message = (edited.body as { message: ChatMessageDTO }).message;
      expect(message).toMatchObject({
        id: original.id,
        seq: original.seq,
        content: "the billing page shows the wrong currency",
      });
      expect(message.editedAt).not.toBeNull();
      expect((await messages()).find((m) => m.id === original.id)?.content).toBe(
        "the billing page shows the wrong currency",
      );
      // The engine turns the recorded event into a signal on the agent's socket.
      await socket.waitFor((frames) =>
        frames.some((f) => f.type === "turn_taking.signal" && f.data?.kind === "message_edited"),
      );
      const signal = socket.frames.find((f) => f.type === "turn_taking.signal")!;
      expect(signal.data).toMatchObject({ thread_id: grant.body.threadId, kind: "message_edited" });
    } finally {
      socket.close();
    }
  });

  it("rejects empty or oversized content with 422 and changes nothing", async () => {
    const mine = await post("keep me as I am");
    for (const content of ["   ", "x".repeat(4001)]) {
      const res = await send(ana, messageUrl(mine.id), "PATCH", { content });
      expect(res.status).toBe(422);
      expect(res.body).toMatchObject({ error: { code: "bad_request:input" } });
    }
    const bad = await send(ana, messageUrl(mine.id), "PATCH", { text: "wrong field" });
    expect(bad.status).toBe(422);
    expect((await messages()).find((m) => m.id === mine.id)).toMatchObject({
      content: "keep me as I am",
      editedAt: null,
    });
  });

  it("only lets you change your last message, never an earlier one", async () => {
    const earlier = await post("first thought");
    await post("second thought");
    for (const [method, body] of [
      ["PATCH", { content: "rewritten history" }],
      ["DELETE", undefined],
    ] as const) {
      const res = await send(ana, messageUrl(earlier.id), method, body);
      expect(res.status).toBe(409);
      expect(res.body).toMatchObject({ error: { code: "conflict:message" } });
    }
    expect((await messages()).find((m) => m.id === earlier.id)?.content).toBe("first thought");
  });

  it("never lets you change someone else's message", async () => {
    await post("Sam, can you help me with a login problem?");
    const fromAgent = await waitUntil(
      async () => (await messages()).find((m) => m.authorType === "agent"),
      30_000,
    );
    const res = await send(ana, messageUrl(fromAgent.id), "PATCH", { content: "hijacked" });
    expect(res.status).toBe(403);
    expect(res.body).toMatchObject({ error: { code: "forbidden:message" } });
    expect((await send(ana, messageUrl(fromAgent.id), "DELETE")).status).toBe(403);
    expect((await messages()).find((m) => m.id === fromAgent.id)?.content).toBe(fromAgent.content);
  });

  it("hides rooms you are not in and asks strangers to sign in", async () => {
    const mine = await post("private words");
    const stranger = await send(bo, messageUrl(mine.id), "PATCH", { content: "not yours" });
    expect(stranger.status).toBe(404);
    expect((await send(bo, messageUrl(mine.id), "DELETE")).status).toBe(404);
    // Bo's own room does not contain Ana's message either.
    const boRoom = (await bo.json<{ rooms: RoomSummary[] }>("/api/rooms")).body.rooms[0]!.id;
    expect((await send(bo, messageUrl(mine.id, boRoom), "DELETE")).status).toBe(404);
    const anonymous = new HttpSession(app.baseUrl);
    expect((await send(anonymous, messageUrl(mine.id), "PATCH", { content: "x" })).status).toBe(401);
    expect((await messages()).find((m) => m.id === mine.id)?.content).toBe("private words");
  });

  it("deletes your last message, once", async () => {
    const mine = await post("oops, wrong room");
    // A write from the app's page: same origin, JSON (the app's cross-site rule; see lib/http/same-origin.ts).
    const res = await send(ana, messageUrl(mine.id), "DELETE");
    expect(res.status).toBe(204);
    expect((await messages()).some((m) => m.id === mine.id)).toBe(false);
    expect((await send(ana, messageUrl(mine.id), "DELETE")).status).toBe(404);
  });
});
