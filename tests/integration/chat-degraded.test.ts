import { afterAll, describe, expect, it } from "vitest";
import type { ChatMessageDTO } from "@/lib/chat/types";
import { startEngine } from "./helpers/engine-fixture";
import { createKeyWithCli, type RunningProcess, startProcess, tempSqliteUrl } from "./helpers/processes";
import { HttpSession, waitUntil } from "./helpers/session";

let engine: RunningProcess | undefined;
let app: RunningProcess | undefined;

afterAll(async () => {
  await app?.stop();
  await engine?.stop();
});

describe("when the Turn-taking service fails", () => {
  it("keeps the room working: agents speak, unpaced, as the hosted docs advise", async () => {
    const started = await startEngine();
    engine = started.proc;
    app = await startProcess("server.ts", {
      NODE_ENV: "production",
      DATABASE_URL: tempSqliteUrl("degraded-app"),
      AUTH_SECRET: "degraded-test-secret",
      HUMALIKE_API_URL: engine.baseUrl,
      HUMALIKE_API_KEY: createKeyWithCli(started.databaseUrl, "degraded"),
    });
    const ana = new HttpSession(app.baseUrl);
    await ana.signInAsGuest();
    const roomId = (await ana.demoRoom()).id;

    // The service goes away after the room exists.
    await engine.stop();
    const posted = await ana.json(`/api/rooms/${roomId}/messages`, {
      method: "POST",
      body: JSON.stringify({ content: "Sam, are you still there?" }),
    });
    expect(posted.status).toBe(201);

    const agentMessages = async () =>
      (await ana.json<{ messages: ChatMessageDTO[] }>(`/api/rooms/${roomId}/messages`)).body.messages.filter(
        (m) => m.authorType === "agent",
      );
    // With no decision to go on, every agent speaks (each draft delivered whole, unpaced).
    const replies = await waitUntil(async () => {
      const found = await agentMessages();
      return found.length >= 3 ? found : null;
    }, 30_000);
    expect(new Set(replies.map((m) => m.senderName))).toEqual(new Set(["Sam", "Maya", "Pip"]));
    for (const m of replies) {
      // One message per draft: position 0 of its reply, nothing paced after it.
      expect(m.position).toBe(0);
      expect(m.deliveryId).toBe(`${m.replyKey}:0`);
      expect(m.content.length).toBeGreaterThan(0);
    }
    expect(new Set(replies.map((m) => m.replyKey)).size).toBe(replies.length);

    // The review still lists every turn, and says why there is no decision to explain.
    const review = await waitUntil(async () => {
      const res = await ana.fetch(`/review/${roomId}`);
      const html = await res.text();
      return res.status === 200 && html.split("answered without Turn-taking").length - 1 >= 3 ? html : null;
    }, 10_000);
    expect(review).toContain("Turn-taking could not be reached, so the agent answered anyway");
  });
});
