// The Demo room tried as a new user would, through the real server and its
// embedded Turn-taking engine: a line stepping away gets no answer, and a
// message that names Sam mid-sentence is answered by Sam alone.

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ChatMessageDTO } from "@/lib/chat/types";
import { type RunningProcess, startProcess, tempSqliteUrl } from "./helpers/processes";
import { HttpSession, waitUntil } from "./helpers/session";

let app: RunningProcess;
let ana: HttpSession;
let roomId: string;

beforeAll(async () => {
  app = await startProcess("server.ts", {
    NODE_ENV: "production",
    DATABASE_URL: tempSqliteUrl("decide-demo"),
    AUTH_SECRET: "decide-demo-test-secret",
    HUMALIKE_API_URL: undefined,
    HUMALIKE_API_KEY: undefined,
  });
  ana = new HttpSession(app.baseUrl);
  await ana.signInAsGuest();
  roomId = (await ana.demoRoom()).id;
});

afterAll(async () => {
  await app?.stop();
});

async function messages(): Promise<ChatMessageDTO[]> {
  return (await ana.json<{ messages: ChatMessageDTO[] }>(`/api/rooms/${roomId}/messages`)).body.messages;
}

const post = (content: string) =>
  ana.json(`/api/rooms/${roomId}/messages`, { method: "POST", body: JSON.stringify({ content }) });

/** Waits until the room has been quiet (no new message) for `quietMs`. */
async function settle(quietMs = 8000) {
  let last = -1;
  let since = Date.now();
  for (;;) {
    const count = (await messages()).length;
    if (count !== last) {
      last = count;
      since = Date.now();
    } else if (Date.now() - since >= quietMs) return;
    await new Promise((r) => setTimeout(r, 250));
  }
}

const agentsAfter = async (before: number) =>
  (await messages())
    .slice(before)
    .filter((m) => m.authorType === "agent")
    .map((m) => m.senderName);

describe("the Demo room, tried as a new user would", () => {
  it("gets no answer to someone stepping away", async () => {
    const before = (await messages()).length;
    expect((await post("lol ok brb, grabbing coffee")).status).toBe(201);
    await settle();
    expect(await agentsAfter(before)).toEqual([]);
  });

  it("has Sam alone answer a message that names Sam mid-sentence", async () => {
    const before = (await messages()).length;
    const posted = await post(
      "actually never mind that — Sam, invoice #443 charged me twice, can you check billing?",
    );
    expect(posted.status).toBe(201);
    await waitUntil(async () => (await agentsAfter(before)).includes("Sam"), 30_000);
    await settle();
    expect(new Set(await agentsAfter(before))).toEqual(new Set(["Sam"]));
  });

  it("keeps every decision's reasons, given with the decision, for the charts (no timeline opened)", async () => {
    const charts = await ana.json<{
      reasons: { read: number; unavailable: number; top: unknown[] };
      totals: { decided: number };
    }>(`/api/review/charts?roomId=${roomId}`);
    expect(charts.status).toBe(200);
    // Three agents decided on each of the two lines (at least).
    expect(charts.body.totals.decided).toBeGreaterThanOrEqual(6);
    expect(charts.body.reasons.read).toBe(charts.body.totals.decided);
    expect(charts.body.reasons.unavailable).toBe(0);
    expect(charts.body.reasons.top.length).toBeGreaterThan(0);
  });
});
