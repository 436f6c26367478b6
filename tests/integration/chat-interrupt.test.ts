import { createClient } from "@libsql/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ChatMessageDTO } from "@/lib/chat/types";
import { type RunningProcess, startProcess, tempSqliteUrl } from "./helpers/processes";
import { HttpSession, waitUntil } from "./helpers/session";

// Agent threads are interruptible: a person who takes it back before the agent's first bubble
// stops the reply, as they would stop a person who was about to answer.
const databaseUrl = tempSqliteUrl("interrupt-app");
let app: RunningProcess;
const sqlite = createClient({ url: databaseUrl });

beforeAll(async () => {
  app = await startProcess("server.ts", {
    NODE_ENV: "production",
    DATABASE_URL: databaseUrl,
    AUTH_SECRET: "interrupt-test-secret",
  });
});

afterAll(async () => {
  sqlite.close();
  await app?.stop();
});

/** SQLite DateTime columns as the driver returns them (epoch ms, or ISO text). */
const ms = (value: unknown) => (typeof value === "number" ? value : Date.parse(String(value)));

const post = (session: HttpSession, roomId: string, content: string) =>
  session.json(`/api/rooms/${roomId}/messages`, { method: "POST", body: JSON.stringify({ content }) });

describe("a retraction before the agent's first bubble", () => {
  it("drops the reply: no bubble of it is ever shown, and the review shows the dropped draft", async () => {
    const ana = new HttpSession(app.baseUrl);
    await ana.signInAsGuest();
    const roomId = (await ana.demoRoom()).id;

    expect((await post(ana, roomId, "Sam, my 2FA code is never accepted when I log in.")).status).toBe(201);
    // Sam's reply is scheduled (respond returned) and its first bubble is still ahead.
    const scheduled = await waitUntil(
      async () => {
        const { rows } = await sqlite.execute({
          sql: `SELECT "replyKey", "deliverAt", "content" FROM "AgentBubble" WHERE "roomId" = ? AND "senderName" = 'Sam' ORDER BY "position"`,
          args: [roomId],
        });
        return rows.length > 0 ? rows : null;
      },
      20_000,
      10,
    );
    const replyKey = String(scheduled[0]!.replyKey);
    expect(ms(scheduled[0]!.deliverAt)).toBeGreaterThan(Date.now());
    expect((await post(ana, roomId, "wait, ignore that, it worked")).status).toBe(201);

    const dropped = await waitUntil(async () => {
      const { rows } = await sqlite.execute({
        sql: `SELECT "status" FROM "AgentBubble" WHERE "replyKey" = ?`,
        args: [replyKey],
      });
      return rows.length > 0 && rows.every((r) => r.status === "dropped") ? rows : null;
    }, 10_000);
    expect(dropped.length).toBe(scheduled.length);

    // Well past the bubbles' times: none of them was ever shown.
    const lastDue = Math.max(...scheduled.map((r) => ms(r.deliverAt)));
    await new Promise((r) => setTimeout(r, Math.max(0, lastDue - Date.now()) + 1500));
    const { messages } = (await ana.json<{ messages: ChatMessageDTO[] }>(`/api/rooms/${roomId}/messages`))
      .body;
    expect(messages.filter((m) => m.replyKey === replyKey)).toEqual([]);

    const turn = await waitUntil(async () => {
      const { rows } = await sqlite.execute({
        sql: `SELECT "outcome", "draft" FROM "AgentTurn" WHERE "replyKey" = ?`,
        args: [replyKey],
      });
      return rows[0]?.outcome === "interrupted" ? rows[0] : null;
    }, 10_000);
    expect(String(turn.draft)).toContain(String(scheduled[0]!.content));

    const review = await ana.fetch(`/review/${roomId}?show=dropped`);
    const html = await review.text();
    expect(html).toContain("dropped: someone spoke before its first bubble");
  });
});
