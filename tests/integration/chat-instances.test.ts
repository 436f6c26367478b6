import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ChatMessageDTO, RoomDetail } from "@/lib/chat/types";
import { startEngine } from "./helpers/engine-fixture";
import { freshPostgres } from "./helpers/postgres";
import { createKeyWithCli, migrateWithCli, type RunningProcess, startNextApp } from "./helpers/processes";
import { TEST_REDIS_URL } from "./helpers/redis";
import { RoomStreamReader } from "./helpers/room-stream";
import { HttpSession, waitUntil } from "./helpers/session";

// The app as deployed on several instances: two `next start` processes (no custom server, no
// embedded engine) on one Postgres database and one Redis, against a standalone engine.

let database: Awaited<ReturnType<typeof freshPostgres>>;
let engine: RunningProcess;
let appEnv: Record<string, string>;
const apps: RunningProcess[] = [];
const streams: RoomStreamReader[] = [];
let db: pg.Client;

beforeAll(async () => {
  database = await freshPostgres();
  if (!database) throw new Error("this test needs Postgres (127.0.0.1:5432 or TEST_POSTGRES_URL)");
  const started = await startEngine();
  engine = started.proc;
  migrateWithCli(database.url);
  appEnv = {
    NODE_ENV: "production",
    DATABASE_URL: database.url,
    REDIS_URL: TEST_REDIS_URL,
    HUMALIKE_API_URL: engine.baseUrl,
    HUMALIKE_API_KEY: createKeyWithCli(started.databaseUrl, "roundtable-instances"),
    AUTH_SECRET: "instances-test-secret",
    AUTH_TRUST_HOST: "true",
    CHAT_DUE_SWEEP_MS: "250",
  };
  apps.push(await startNextApp(appEnv), await startNextApp(appEnv));
  db = new pg.Client({ connectionString: database.url });
  await db.connect();
});

afterAll(async () => {
  for (const stream of streams) stream.close();
  await db?.end();
  for (const app of apps) await app.stop();
  await engine?.stop();
  await database?.drop();
});

async function person(app: RunningProcess) {
  const session = new HttpSession(app.baseUrl);
  await session.signInAsGuest();
  return session;
}

async function openStream(session: HttpSession, roomId: string) {
  const stream = await RoomStreamReader.open(session, roomId);
  streams.push(stream);
  return stream;
}

const post = (session: HttpSession, roomId: string, content: string) =>
  session.json<{ message: ChatMessageDTO }>(`/api/rooms/${roomId}/messages`, {
    method: "POST",
    body: JSON.stringify({ content }),
  });

/** Rows of the reply that Sam's turn on `heard` scheduled, once `respond` has returned. */
async function samsBubbles(roomId: string) {
  const { rows } = await db.query<{ replyKey: string; position: number; deliverAt: Date; status: string }>(
    `SELECT "replyKey", "position", "deliverAt", "status" FROM "AgentBubble"
     WHERE "roomId" = $1 AND "senderName" = 'Sam' ORDER BY "createdAt" DESC, "position"`,
    [roomId],
  );
  return rows;
}

/** Waits until nothing is pacing or waiting to be relayed in the room, twice in a row a second apart. */
async function settled(roomId: string) {
  let quiet = 0;
  await waitUntil(
    async () => {
      const { rows } = await db.query<{ n: string }>(
        `SELECT (SELECT COUNT(*) FROM "AgentBubble" WHERE "roomId" = $1 AND "status" = 'scheduled')
              + (SELECT COUNT(*) FROM "ReplyRelay" WHERE "roomId" = $1 AND "status" IN ('pending', 'running')) AS n`,
        [roomId],
      );
      quiet = Number(rows[0]!.n) === 0 ? quiet + 1 : 0;
      return quiet >= 2;
    },
    60_000,
    1000,
  );
}

/** Every message once, in strictly increasing seq order. */
function expectInOrderOnce(messages: ChatMessageDTO[]) {
  const seqs = messages.map((m) => m.seq);
  expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
  expect(new Set(seqs).size).toBe(seqs.length);
}

describe("two app instances on one Postgres and Redis", () => {
  let roomId: string;
  let ana: HttpSession;
  let ben: HttpSession;

  it("shows every human message and agent bubble to a person on either instance, once and in order", async () => {
    const [a, b] = apps as [RunningProcess, RunningProcess];
    ana = await person(a);
    roomId = (await ana.demoRoom()).id;
    const invite = await ana.json<{ inviteUrl: string }>(`/api/rooms/${roomId}`);
    ben = await person(b);
    expect((await ben.joinByInvite(invite.body.inviteUrl)).roomId).toBe(roomId);

    const onA = await openStream(ana, roomId);
    const onB = await openStream(ben, roomId);
    // Live events cross instances over Redis: Ana typing on A reaches Ben on B, and each
    // instance sees the other's person online (presence lives in Redis).
    expect(
      (
        await ana.json(`/api/rooms/${roomId}/typing`, {
          method: "POST",
          body: JSON.stringify({ typing: true }),
        })
      ).status,
    ).toBe(204);
    await waitUntil(
      async () => onB.events.some((e) => e.event.type === "typing" && e.event.typing),
      5_000,
      50,
    );
    const online = async (session: HttpSession) =>
      (await session.json<RoomDetail>(`/api/rooms/${roomId}`)).body.members.filter((m) => m.online).length;
    expect(await online(ana)).toBe(2);
    expect(await online(ben)).toBe(2);
    expect(
      (await post(ana, roomId, "Sam, my password reset email never arrives. Can you check it?")).status,
    ).toBe(201);
    // Sam's reply, scheduled on A, reaches Ben on B; then Ben speaks on B and Ana sees it on A.
    // (Ben waits for the reply: a person speaking before Sam's first bubble would stop it.)
    await waitUntil(async () => onB.messages.some((m) => m.senderName === "Sam"), 30_000);
    expect((await post(ben, roomId, "Same for me on my account, Sam.")).status).toBe(201);
    await waitUntil(async () => onA.messages.filter((m) => m.authorType === "user").length === 2, 30_000);

    // Once every reply has finished pacing and every relay has run, both streams hold what is stored.
    await settled(roomId);
    const stored = await waitUntil(async () => {
      const { messages } = (await ana.json<{ messages: ChatMessageDTO[] }>(`/api/rooms/${roomId}/messages`))
        .body;
      return onA.messages.length === messages.length && onB.messages.length === messages.length
        ? messages
        : null;
    }, 10_000);
    for (const stream of [onA, onB]) {
      expectInOrderOnce(stream.messages);
      // The stream replayed the room from its start, then went live: the same messages as stored.
      expect(stream.messages.map((m) => m.id)).toEqual(stored.map((m) => m.id));
      // SSE ids are the seqs, so a reconnect with Last-Event-ID resumes exactly.
      expect(stream.events.filter((e) => e.event.type === "message").map((e) => Number(e.id))).toEqual(
        stream.messages.map((m) => m.seq),
      );
    }
  });

  it("resumes a stream from Last-Event-ID with nothing missed or repeated", async () => {
    const all = (await ben.json<{ messages: ChatMessageDTO[] }>(`/api/rooms/${roomId}/messages`)).body
      .messages;
    const middle = all[Math.floor(all.length / 2)]!;
    const res = await ben.fetch(`/api/rooms/${roomId}/stream`, {
      headers: { "last-event-id": String(middle.seq) },
    });
    const reader = res.body!.getReader();
    let text = "";
    const wanted = all.filter((m) => m.seq > middle.seq).length;
    while ((text.match(/^id: /gm)?.length ?? 0) < wanted) {
      const { value, done } = await reader.read();
      if (done) break;
      text += new TextDecoder().decode(value);
    }
    await reader.cancel();
    const ids = [...text.matchAll(/^id: (\d+)$/gm)].map((m) => Number(m[1]));
    expect(ids).toEqual(all.filter((m) => m.seq > middle.seq).map((m) => m.seq));
  });

  it("finishes a reply, once, on the surviving instance when the one that scheduled it is killed", async () => {
    const [a, b] = apps as [RunningProcess, RunningProcess];
    const onB = streams[1]!;
    const before = new Set((await samsBubbles(roomId)).map((r) => r.replyKey));
    expect(
      (
        await post(
          ana,
          roomId,
          "Sam, I changed my email last week and now the login page says my account is locked. What should I do first?",
        )
      ).status,
    ).toBe(201);
    // A handled the message: the moment respond's schedule is stored, A dies with the reply still pacing.
    const reply = await waitUntil(
      async () => {
        const rows = (await samsBubbles(roomId)).filter((r) => !before.has(r.replyKey));
        return rows.length > 0 ? rows : null;
      },
      30_000,
      20,
    );
    a.child.kill("SIGKILL");
    await a.stop();
    const replyKey = reply[0]!.replyKey;
    expect(reply.every((r) => r.deliverAt.getTime() > Date.now())).toBe(true);

    const shown = await waitUntil(async () => {
      const mine = onB.messages.filter((m) => m.replyKey === replyKey);
      return mine.length === reply.length ? mine : null;
    }, 30_000);
    expect(shown.map((m) => m.position)).toEqual(reply.map((r) => r.position));
    expectInOrderOnce(onB.messages);

    // The relay ran once, on B: each other agent heard Sam's finished reply exactly once.
    const relay = await waitUntil(async () => {
      const { rows } = await db.query(`SELECT "status" FROM "ReplyRelay" WHERE "replyKey" = $1`, [replyKey]);
      return rows[0]?.status === "done" ? rows[0] : null;
    }, 20_000);
    expect(relay.status).toBe("done");
    const heard = shown.map((m) => m.content).join("\n");
    const turns = await waitUntil(async () => {
      const { rows } = await db.query<{ agentName: string }>(
        `SELECT "agentName" FROM "AgentTurn" WHERE "roomId" = $1 AND "heardFromAgent" AND "heard" = $2`,
        [roomId, heard],
      );
      return rows.length >= 2 ? rows : null;
    }, 20_000);
    expect(turns.map((t) => t.agentName).sort()).toEqual(["Maya", "Pip"]);
    // Nothing doubled on the way: the stored history holds each bubble once.
    const stored = (await ben.json<{ messages: ChatMessageDTO[] }>(`/api/rooms/${roomId}/messages`)).body
      .messages;
    expect(stored.filter((m) => m.replyKey === replyKey)).toHaveLength(reply.length);
    expect(b.child.exitCode).toBeNull();
  });
});
