import { EventEmitter } from "node:events";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type WebSocket from "ws";
import { applyMigrations } from "../db/migrations";
import { ThreadHistory } from "./history";
import { newRowId } from "./ids";
import type { PendingBubble } from "./pending-bubble";
import { Hub } from "./realtime/hub";
import { DeliveryScheduler, HOLD_MS } from "./scheduler";
import { openSql, type Sql } from "./store/sql";

/** A socket that keeps what it is sent (the hub only needs these members). */
class CollectingSocket extends EventEmitter {
  readonly OPEN = 1;
  readonly readyState = 1;
  readonly frames: { type: string; data: Record<string, unknown> }[] = [];
  send(text: string) {
    this.frames.push(JSON.parse(text));
  }
}

let sql: Sql;

afterAll(async () => {
  await sql?.close();
});

async function threadWithReply() {
  const url = `file:${path.join(mkdtempSync(path.join(tmpdir(), "roundtable-scheduler-")), "engine.db")}`;
  await applyMigrations(url);
  sql = openSql(url);
  const now = new Date();
  const threadPk = newRowId();
  const replyPk = newRowId();
  await sql.batch([
    {
      sql: `INSERT INTO "EngineAccount" ("id","name","creditsBalance","createdAt") VALUES (?,?,?,?)`,
      args: ["usr_test", "test", 100, now],
    },
    {
      sql: `INSERT INTO "EngineThread" ("pk","id","accountId","createdAt","updatedAt","turnEpoch") VALUES (?,?,?,?,?,1)`,
      args: [threadPk, "00000000-0000-4000-8000-000000000001", "usr_test", now, now],
    },
    {
      sql: `INSERT INTO "EngineReply" ("pk","threadPk","epoch","draft","superseded","createdAt") VALUES (?,?,?,?,?,?)`,
      args: [replyPk, threadPk, 1, "draft", false, now],
    },
  ]);
  return { threadPk, replyPk };
}

async function insertBubbles(
  threadPk: string,
  replyPk: string,
  deliverAts: number[],
): Promise<PendingBubble[]> {
  const bubbles: PendingBubble[] = deliverAts.map((deliverAt, i) => ({
    id: newRowId(),
    threadPk,
    threadId: "00000000-0000-4000-8000-000000000001",
    replyPk,
    messageId: newRowId(),
    content: `bubble ${i}`,
    position: i,
    isLast: i === deliverAts.length - 1,
    deliverAt,
    metadata: null,
    sender: "Sam",
  }));
  const now = new Date();
  await sql.batch(
    bubbles.map((b) => ({
      sql: `INSERT INTO "EngineScheduled" ("id","replyPk","threadPk","content","position","isLast","deliverAt","status","messageId","createdAt","updatedAt") VALUES (?,?,?,?,?,?,?,?,?,?,?)`,
      args: [
        b.id,
        replyPk,
        threadPk,
        b.content,
        b.position,
        b.isLast,
        new Date(b.deliverAt),
        "scheduled",
        b.messageId,
        now,
        now,
      ],
    })),
  );
  return bubbles;
}

const statusesOf = async (bubbles: PendingBubble[]) =>
  (
    await sql.all<{ status: string }>(
      `SELECT "status" FROM "EngineScheduled" WHERE "id" IN (${bubbles.map(() => "?").join(",")}) ORDER BY "position"`,
      bubbles.map((b) => b.id),
    )
  ).map((r) => r.status);

describe("DeliveryScheduler holding bubbles nobody can receive", () => {
  it("holds a due bubble while no socket is attached and gives it to the first that attaches, once", async () => {
    const { threadPk, replyPk } = await threadWithReply();
    const bubbles = await insertBubbles(threadPk, replyPk, [Date.now() - 5000, Date.now() + 50]);
    const hub = new Hub();
    const scheduler = new DeliveryScheduler(sql, hub, new ThreadHistory(sql));
    scheduler.add(bubbles);
    await new Promise((r) => setTimeout(r, 300));
    expect(await statusesOf(bubbles)).toEqual(["scheduled", "scheduled"]);

    const first = new CollectingSocket();
    const second = new CollectingSocket();
    hub.attach(threadPk, first as unknown as WebSocket);
    const messages = (s: CollectingSocket) => s.frames.filter((f) => f.type === "turn_taking.message");
    await expect.poll(() => messages(first).length, { timeout: 5000 }).toBe(2);
    hub.attach(threadPk, second as unknown as WebSocket);
    await new Promise((r) => setTimeout(r, 200));
    await scheduler.stop();
    expect(messages(first).map((f) => f.data.position)).toEqual([0, 1]);
    expect(messages(second)).toEqual([]);
    expect(await statusesOf(bubbles)).toEqual(["sent", "sent"]);
  });

  it("gives up a bubble held longer than ten minutes without sending it", async () => {
    const { threadPk, replyPk } = await threadWithReply();
    const bubbles = await insertBubbles(threadPk, replyPk, [Date.now() - HOLD_MS - 1000]);
    const hub = new Hub();
    const scheduler = new DeliveryScheduler(sql, hub, new ThreadHistory(sql));
    scheduler.add(bubbles);
    await expect.poll(() => statusesOf(bubbles), { timeout: 5000 }).toEqual(["expired"]);
    const late = new CollectingSocket();
    hub.attach(threadPk, late as unknown as WebSocket);
    await new Promise((r) => setTimeout(r, 200));
    await scheduler.stop();
    expect(late.frames).toEqual([]);
  });
});

describe("DeliveryScheduler", () => {
  it("never sends a bubble before its deliver_at, and sends each once", async () => {
    const { threadPk, replyPk } = await threadWithReply();
    const start = Date.now();
    const bubbles: PendingBubble[] = Array.from({ length: 60 }, (_, i) => ({
      id: newRowId(),
      threadPk,
      threadId: "00000000-0000-4000-8000-000000000001",
      replyPk,
      messageId: newRowId(),
      content: `bubble ${i}`,
      position: i,
      isLast: i === 59,
      deliverAt: start + 30 + (i % 9) * 3,
      metadata: null,
      sender: "Sam",
    }));
    await sql.batch(
      bubbles.map((b) => ({
        sql: `INSERT INTO "EngineScheduled" ("id","replyPk","threadPk","content","position","isLast","deliverAt","status","messageId","createdAt","updatedAt") VALUES (?,?,?,?,?,?,?,?,?,?,?)`,
        args: [
          b.id,
          replyPk,
          threadPk,
          b.content,
          b.position,
          b.isLast,
          new Date(b.deliverAt),
          "scheduled",
          b.messageId,
          new Date(start),
          new Date(start),
        ],
      })),
    );
    const hub = new Hub();
    const socket = new CollectingSocket();
    hub.attach(threadPk, socket as unknown as WebSocket);
    const scheduler = new DeliveryScheduler(sql, hub, new ThreadHistory(sql));
    scheduler.add(bubbles);

    const messages = () => socket.frames.filter((f) => f.type === "turn_taking.message");
    await expect.poll(() => messages().length, { timeout: 5000 }).toBe(bubbles.length);
    await scheduler.stop();

    const deliverAt = new Map(bubbles.map((b) => [b.messageId, b.deliverAt]));
    for (const frame of messages()) {
      const sentAt = Date.parse(String(frame.data.sent_at));
      expect(sentAt).toBeGreaterThanOrEqual(deliverAt.get(String(frame.data.message_id))!);
    }
    expect(new Set(messages().map((f) => f.data.message_id)).size).toBe(bubbles.length);
    const [row] = await sql.all<{ sent: number }>(
      `SELECT COUNT(*) AS "sent" FROM "EngineScheduled" WHERE "status" = 'sent'`,
    );
    expect(row?.sent).toBe(bubbles.length);
  });
});
