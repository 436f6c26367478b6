import { createClient } from "@libsql/client";
import { afterAll, describe, expect, it } from "vitest";
import type { ChatMessageDTO } from "@/lib/chat/types";
import { type RunningProcess, startProcess, tempSqliteUrl } from "./helpers/processes";
import { HttpSession, waitUntil } from "./helpers/session";

// One process (server.ts with the embedded engine, SQLite), killed while a reply is pacing.
const databaseUrl = tempSqliteUrl("restart-app");
const env = { NODE_ENV: "production", DATABASE_URL: databaseUrl, AUTH_SECRET: "restart-test-secret" };
let app: RunningProcess | undefined;
const sqlite = createClient({ url: databaseUrl });

afterAll(async () => {
  sqlite.close();
  await app?.stop();
});

describe("a restart in the middle of a reply", () => {
  it("still shows the whole reply, once, and relays it once", async () => {
    app = await startProcess("server.ts", env);
    const port = app.port;
    const ana = new HttpSession(app.baseUrl);
    await ana.signInAsGuest();
    const roomId = (await ana.demoRoom()).id;
    const posted = await ana.json(`/api/rooms/${roomId}/messages`, {
      method: "POST",
      body: JSON.stringify({
        content:
          "Sam, my password reset email never arrives and the login page now says my account is locked. Help?",
      }),
    });
    expect(posted.status).toBe(201);

    const reply = await waitUntil(
      async () => {
        const { rows } = await sqlite.execute({
          sql: `SELECT "replyKey", "position", "deliverAt" FROM "AgentBubble" WHERE "roomId" = ? AND "senderName" = 'Sam' ORDER BY "position"`,
          args: [roomId],
        });
        return rows.length > 0 ? rows : null;
      },
      30_000,
      20,
    );
    app.child.kill("SIGKILL");
    await app.stop();
    const replyKey = String(reply[0]!.replyKey);
    await new Promise((r) => setTimeout(r, 2000));

    app = await startProcess("server.ts", { ...env, PORT: String(port) });
    const shown = await waitUntil(async () => {
      const res = await ana.json<{ messages: ChatMessageDTO[] }>(`/api/rooms/${roomId}/messages`);
      const mine = res.body.messages.filter((m) => m.replyKey === replyKey);
      return mine.length >= reply.length ? mine : null;
    }, 30_000);
    expect(shown.map((m) => m.position)).toEqual(reply.map((r) => Number(r.position)));
    expect(shown.map((m) => m.senderName)).toEqual(reply.map(() => "Sam"));

    const relayed = await waitUntil(async () => {
      const { rows } = await sqlite.execute({
        sql: `SELECT "status" FROM "ReplyRelay" WHERE "replyKey" = ?`,
        args: [replyKey],
      });
      return rows[0]?.status === "done" ? rows : null;
    }, 20_000);
    expect(relayed).toHaveLength(1);
    const heard = shown.map((m) => m.content).join("\n");
    const turns = await waitUntil(async () => {
      const { rows } = await sqlite.execute({
        sql: `SELECT "agentName" FROM "AgentTurn" WHERE "roomId" = ? AND "heardFromAgent" = 1 AND "heard" = ?`,
        args: [roomId, heard],
      });
      return rows.length >= 2 ? rows : null;
    }, 20_000);
    expect(turns.map((t) => String(t.agentName)).sort()).toEqual(["Maya", "Pip"]);
    // A few seconds later nothing has been shown or relayed twice.
    await new Promise((r) => setTimeout(r, 2000));
    const after = await ana.json<{ messages: ChatMessageDTO[] }>(`/api/rooms/${roomId}/messages`);
    expect(after.body.messages.filter((m) => m.replyKey === replyKey)).toHaveLength(reply.length);
  });
});
