import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { createClient } from "@libsql/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AnnotationDTO, AnnotationPage } from "@/lib/chat/annotation-types";
import type { RoomDetail, RoomSummary } from "@/lib/chat/types";
import type { WhatIfResult } from "@/lib/chat/what-if-types";
import { ROOT, type RunningProcess, startProcess, tempSqliteUrl } from "./helpers/processes";
import { HttpSession, waitUntil } from "./helpers/session";

// Annotations, the eval-set and room exports, and the what-if replay, over HTTP against the
// real server after a real conversation in the Demo room.
const databaseUrl = tempSqliteUrl("review-annotations");
const sqlite = createClient({ url: databaseUrl });
let app: RunningProcess;
let ana: HttpSession;
let bo: HttpSession;
let roomId: string;
let detail: RoomDetail;

const ASKED = "Sam, my password reset email never arrives. Can you help?";
const GENERAL = "anyone have thoughts on the new dashboard colours?";

const count = async (sql: string, args: (string | number)[] = []) =>
  Number((await sqlite.execute({ sql, args })).rows[0]?.[0] ?? 0);

/** Every reply shown and relayed, every turn written. */
async function settle(turnsAtLeast: number) {
  await waitUntil(async () => {
    const turns = await count(`SELECT COUNT(*) FROM "AgentTurn" WHERE "roomId" = ?`, [roomId]);
    const pending = await count(
      `SELECT COUNT(*) FROM "AgentBubble" WHERE "roomId" = ? AND "status" = 'scheduled'`,
      [roomId],
    );
    const relays = await count(
      `SELECT COUNT(*) FROM "ReplyRelay" WHERE "roomId" = ? AND "status" IN ('pending','running')`,
      [roomId],
    );
    return turns >= turnsAtLeast && pending === 0 && relays === 0;
  }, 60_000);
  // The turn recorder writes in small batches.
  await new Promise((r) => setTimeout(r, 500));
}

const turnsOf = async () =>
  (
    await sqlite.execute({
      sql: `SELECT "id","agentName","decision","heard" FROM "AgentTurn" WHERE "roomId" = ? ORDER BY "createdAt"`,
      args: [roomId],
    })
  ).rows.map((r) => ({
    id: String(r.id),
    agentName: String(r.agentName),
    decision: String(r.decision),
    heard: String(r.heard),
  }));

const annotationUrl = (turnId: string, room = roomId) =>
  `/api/rooms/${room}/turns/${encodeURIComponent(turnId)}/annotation`;
const put = (who: HttpSession, turnId: string, body: unknown) =>
  who.json<{ annotation?: AnnotationDTO; error?: { code: string; message: string } }>(annotationUrl(turnId), {
    method: "PUT",
    body: JSON.stringify(body),
  });

beforeAll(async () => {
  app = await startProcess("server.ts", {
    NODE_ENV: "production",
    DATABASE_URL: databaseUrl,
    AUTH_SECRET: "review-annotations-test-secret",
  });
  ana = new HttpSession(app.baseUrl);
  bo = new HttpSession(app.baseUrl);
  await ana.signInAsGuest();
  await bo.signInAsGuest();
  await ana.fetch("/rooms");
  roomId = (await ana.json<{ rooms: RoomSummary[] }>("/api/rooms")).body.rooms[0]!.id;
  detail = (await ana.json<RoomDetail>(`/api/rooms/${roomId}`)).body;
  const post = (content: string) =>
    ana.json(`/api/rooms/${roomId}/messages`, { method: "POST", body: JSON.stringify({ content }) });
  expect((await post(ASKED)).status).toBe(201);
  await settle(3);
  expect((await post(GENERAL)).status).toBe(201);
  await settle(6);
}, 180_000);

afterAll(async () => {
  sqlite.close();
  await app?.stop();
});

describe("annotations", () => {
  it("creates, lists, filters, edits and deletes a reviewer's annotation", async () => {
    const turns = await turnsOf();
    const samOnAsked = turns.find((t) => t.agentName === "Sam" && t.heard === ASKED)!;
    expect(samOnAsked.decision).toBe("speak");
    const created = await put(ana, samOnAsked.id, { verdict: "right", note: "asked by name" });
    expect(created.status).toBe(200);
    expect(created.body.annotation).toMatchObject({
      turnId: samOnAsked.id,
      verdict: "right",
      note: "asked by name",
    });

    const edited = await put(ana, samOnAsked.id, { verdict: "should_stay_silent", note: "" });
    expect(edited.status).toBe(200);
    expect(edited.body.annotation?.id).toBe(created.body.annotation?.id);
    const all = await ana.json<AnnotationPage>(`/api/rooms/${roomId}/annotations`);
    expect(all.body.annotations).toHaveLength(1);
    expect(all.body.annotations[0]).toMatchObject({
      verdict: "should_stay_silent",
      turn: { agentName: "Sam" },
    });

    const sam = detail.agents.find((a) => a.name === "Sam")!;
    const maya = detail.agents.find((a) => a.name === "Maya")!;
    const byVerdict = (v: string) =>
      ana.json<AnnotationPage>(`/api/rooms/${roomId}/annotations?verdict=${v}`);
    expect((await byVerdict("should_stay_silent")).body.annotations).toHaveLength(1);
    expect((await byVerdict("right")).body.annotations).toHaveLength(0);
    const byAgent = (id: string) => ana.json<AnnotationPage>(`/api/rooms/${roomId}/annotations?agent=${id}`);
    expect((await byAgent(sam.id)).body.annotations).toHaveLength(1);
    expect((await byAgent(maya.id)).body.annotations).toHaveLength(0);

    const removed = await ana.fetch(annotationUrl(samOnAsked.id), {
      method: "DELETE",
      headers: { "content-type": "application/json" },
    });
    expect(removed.status).toBe(204);
    const again = await ana.json(annotationUrl(samOnAsked.id), { method: "DELETE" });
    expect(again.status).toBe(404);
    expect(
      (await ana.json<AnnotationPage>(`/api/rooms/${roomId}/annotations`)).body.annotations,
    ).toHaveLength(0);
  });

  it("answers bad input with the 4xx envelope, and a non-member with 404", async () => {
    const [turn] = await turnsOf();
    const bad = await put(ana, turn!.id, { verdict: "maybe" });
    expect(bad.status).toBe(422);
    expect(bad.body.error?.code).toBe("bad_request:input");
    const long = await put(ana, turn!.id, { verdict: "right", note: "x".repeat(2001) });
    expect(long.status).toBe(422);
    const notJson = await ana.json(annotationUrl(turn!.id), { method: "PUT", body: "{" });
    expect(notJson.status).toBe(422);
    const crossSite = await ana.json(annotationUrl(turn!.id), {
      method: "PUT",
      headers: { origin: "https://evil.example" },
      body: JSON.stringify({ verdict: "right" }),
    });
    expect(crossSite.status).toBe(403);
    const unknownTurn = await put(ana, "no-such-turn", { verdict: "right" });
    expect(unknownTurn.status).toBe(404);
    expect(unknownTurn.body.error?.code).toBe("not_found:turn");
    const outsider = await put(bo, turn!.id, { verdict: "right" });
    expect(outsider.status).toBe(404);
    expect(outsider.body.error?.code).toBe("not_found:room");
    expect((await bo.json(`/api/rooms/${roomId}/annotations`)).status).toBe(404);
    expect((await bo.fetch(`/api/rooms/${roomId}/annotations/export.jsonl`)).status).toBe(404);
    expect((await bo.fetch(`/api/rooms/${roomId}/export?format=json`)).status).toBe(404);
    const badQuery = await ana.json(`/api/rooms/${roomId}/annotations?verdict=nope`);
    expect(badQuery.status).toBe(422);
    for (const body of [JSON.stringify(bad.body), JSON.stringify(badQuery.body)])
      expect(body).not.toMatch(/at .*\.js/);
  });
});

describe("export as eval set", () => {
  it("writes the annotated decisions in the eval:decisions format, which eval and train accept", async () => {
    const turns = await turnsOf();
    const mayaOnGeneral = turns.find((t) => t.agentName === "Maya" && t.heard === GENERAL)!;
    const pipOnAsked = turns.find((t) => t.agentName === "Pip" && t.heard === ASKED)!;
    expect(
      (await put(ana, mayaOnGeneral.id, { verdict: "should_stay_silent", note: "not asked" })).status,
    ).toBe(200);
    expect((await put(ana, pipOnAsked.id, { verdict: "right" })).status).toBe(200);

    const res = await ana.fetch(`/api/rooms/${roomId}/annotations/export.jsonl`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-disposition")).toMatch(/attachment; filename=".*\.jsonl"/);
    const text = await res.text();
    const lines = text
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(lines).toHaveLength(2);
    const maya = lines.find((l) => l.agent.name === "Maya");
    expect(maya.label).toBe("stay_silent");
    expect(maya.history.at(-1)).toMatchObject({
      sender: detail.members[0]?.name ?? expect.any(String),
      content: GENERAL,
    });
    expect(maya.history.some((h: { content: string }) => h.content === ASKED)).toBe(true);
    expect(maya.agent.system_prompt).toContain("You are Maya");
    expect(lines.find((l) => l.agent.name === "Pip").label).toBe(pipOnAsked.decision);

    const dir = mkdtempSync(path.join(tmpdir(), "roundtable-eval-"));
    const file = path.join(dir, "eval-set.jsonl");
    writeFileSync(file, text);
    const tsx = path.join(ROOT, "node_modules", ".bin", "tsx");
    const evaluated = spawnSync(tsx, ["scripts/eval-decisions.ts", file], { cwd: ROOT, encoding: "utf8" });
    expect(evaluated.stderr).not.toMatch(/malformed/);
    expect(evaluated.status).toBe(0);
    expect(evaluated.stdout).toMatch(/^2 decisions/m);
    const trained = spawnSync(
      tsx,
      [
        "scripts/train-decisions.ts",
        "lib/engine/decide/eval/scenarios/scenarios.jsonl",
        file,
        "--folds",
        "2",
        "--out",
        path.join(dir, "model.json"),
      ],
      { cwd: ROOT, encoding: "utf8" },
    );
    expect(trained.stderr + trained.stdout).toMatch(/eval-set\.jsonl/);
    expect(trained.status).toBe(0);
  }, 120_000);
});

describe("room export", () => {
  const dbCounts = async () => ({
    messages: await count(`SELECT COUNT(*) FROM "ChatMessage" WHERE "roomId" = ?`, [roomId]),
    turns: await count(`SELECT COUNT(*) FROM "AgentTurn" WHERE "roomId" = ?`, [roomId]),
    bubbles: await count(`SELECT COUNT(*) FROM "AgentBubble" WHERE "roomId" = ?`, [roomId]),
    annotations: await count(`SELECT COUNT(*) FROM "TurnAnnotation" WHERE "roomId" = ?`, [roomId]),
  });

  it("streams the room as one JSON document whose counts match the database", async () => {
    const [first] = await turnsOf();
    // The eval test's subprocesses outlast the server's keep-alive: a pooled socket may be closed
    // just as it is reused ("other side closed"), so this first request is tried again once.
    const annotate = () => put(ana, first!.id, { verdict: "should_speak", note: '=cmd, "quoted"' });
    expect((await annotate().catch(annotate)).status).toBe(200);
    const res = await ana.fetch(`/api/rooms/${roomId}/export?format=json`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/application\/json/);
    expect(res.headers.get("content-disposition")).toMatch(/\.json"/);
    const doc = (await res.json()) as Record<string, Record<string, unknown>[]>;
    const expected = await dbCounts();
    expect(expected.annotations).toBeGreaterThan(0);
    for (const kind of ["messages", "turns", "bubbles", "annotations"] as const)
      expect(doc[kind], kind).toHaveLength(expected[kind]);
    const spoke = doc.turns!.find((t) => t.agentName === "Sam" && t.decision === "speak")!;
    expect(Array.isArray(spoke.reasons)).toBe(true);
    expect(typeof spoke.score).toBe("number");
    expect(spoke.credits).toBe(3);
    const bubble = doc.bubbles![0]!;
    expect(bubble.deliverAt).toEqual(expect.any(String));
    expect(bubble.shownAt).toEqual(expect.any(String));
  });

  it("streams each kind as RFC 4180 CSV with a header, one row per record", async () => {
    const expected = await dbCounts();
    for (const kind of ["messages", "turns", "bubbles", "annotations"] as const) {
      const res = await ana.fetch(`/api/rooms/${roomId}/export?format=csv&kind=${kind}`);
      expect(res.status).toBe(200);
      expect(res.headers.get("content-disposition")).toMatch(new RegExp(`${kind}.*\\.csv"`));
      const rows = parseCsv(await res.text());
      expect(rows[0]![0]).toBe("id");
      expect(rows.length - 1, kind).toBe(expected[kind]);
      expect(new Set(rows.map((r) => r.length)).size).toBe(1);
    }
    expect((await ana.json(`/api/rooms/${roomId}/export?format=csv&kind=everything`)).status).toBe(422);
    expect((await ana.json(`/api/rooms/${roomId}/export?format=xml`)).status).toBe(422);
  });
});

describe("what-if replay", () => {
  const snapshot = async () => ({
    epochs: await count(`SELECT COALESCE(SUM("turnEpoch"),0) FROM "EngineThread"`),
    balance: await count(`SELECT COALESCE(SUM("creditsBalance"),0) FROM "EngineAccount"`),
    usage: await count(`SELECT COUNT(*) FROM "EngineUsage"`),
    engineMessages: await count(`SELECT COUNT(*) FROM "EngineMessage"`),
    decisions: await count(`SELECT COUNT(*) FROM "EngineDecision"`),
    messages: await count(`SELECT COUNT(*) FROM "ChatMessage"`),
    turns: await count(`SELECT COUNT(*) FROM "AgentTurn"`),
    counters: await count(`SELECT COALESCE(SUM("count"),0) FROM "UsageCounter"`),
  });

  it("replays an agent's decisions with other settings, flips shown, and touches nothing", async () => {
    const maya = detail.agents.find((a) => a.name === "Maya")!;
    const turns = await turnsOf();
    expect(turns.find((t) => t.agentName === "Maya" && t.heard === GENERAL)?.decision).toBe("speak");
    const before = await snapshot();
    const res = await ana.json<{ result: WhatIfResult }>(`/api/rooms/${roomId}/what-if`, {
      method: "POST",
      body: JSON.stringify({
        agentId: maya.id,
        systemPrompt: `${maya.systemPrompt}\n\nOnly speak when someone addresses you directly.`,
        forwardness: 0,
      }),
    });
    expect(res.status).toBe(200);
    const { result } = res.body;
    expect(result.ranOn).toBe("engine");
    const decided = turns.filter(
      (t) => t.agentName === "Maya" && ["speak", "stay_silent"].includes(t.decision),
    );
    expect(result.rows).toHaveLength(decided.length);
    const general = result.rows.find((r) => r.heard === GENERAL)!;
    expect(general).toMatchObject({
      actual: { decision: "speak" },
      replayed: { decision: "stay_silent" },
      flipped: true,
    });
    expect(general.replayed.reasons.length).toBeGreaterThan(1);
    expect(result.flipped.toSilent).toBeGreaterThanOrEqual(1);
    expect(await snapshot()).toEqual(before);

    const outsider = await bo.json(`/api/rooms/${roomId}/what-if`, {
      method: "POST",
      body: JSON.stringify({ agentId: maya.id, systemPrompt: "x", forwardness: 0 }),
    });
    expect(outsider.status).toBe(404);
    const bad = await ana.json(`/api/rooms/${roomId}/what-if`, {
      method: "POST",
      body: JSON.stringify({ agentId: maya.id, systemPrompt: "", forwardness: 2 }),
    });
    expect(bad.status).toBe(422);
  });
});

/** A strict RFC 4180 reader: quoted fields, doubled quotes, CRLF rows. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") {
      row.push(field);
      field = "";
    } else if (c === "\r" && text[i + 1] === "\n") {
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
      i++;
    } else field += c;
  }
  if (field || row.length) throw new Error("CSV does not end with CRLF");
  return rows;
}
