// Turns recorded for the review, in batches: a reply the engine cancelled ends up interrupted
// with its draft even when the cancellation was heard before the batch was written.
import { randomUUID } from "node:crypto";
import { describe, expect, it, vi } from "vitest";
import { foreground } from "../async/foreground";
import { getDb } from "../db/client";
import { bothDatabases, useDatabase } from "../testing/both-databases";
import { eventually } from "../testing/eventually";
import { roomWithAgentRows } from "../testing/room-rows";
import { scheduledMessage } from "../testing/scheduled-message";
import { markInterrupted, recordTurn } from "./agent-turns";
import { dropInterrupted, storeSchedule } from "./bubbles";

vi.mock("server-only", () => ({}));

const databases = await bothDatabases("agent-turns");

const bubble = (content: string, position: number) => scheduledMessage(content, position, 60_000 + position);

/** The orchestrator's record of a reply it scheduled (written by the recorder's next batch). */
const recordReplied = (
  roomId: string,
  agent: { id: string; name: string },
  heardFrom: string,
  replyKey: string,
) =>
  recordTurn({
    roomId,
    agent,
    heardFrom,
    heardFromAgent: false,
    heard: ["hi"],
    at: new Date(),
    decision: "speak",
    outcome: "replied",
    replyKey,
    credits: 3,
  });

describe.each(databases)("agent turns on %s", (_name, { url }) => {
  const run = url ? it : it.skip;

  run("a reply dropped before its turn was written is recorded interrupted, with its draft", async () => {
    await useDatabase(url!);
    const user = await getDb().user.create({ data: { name: "Ana" } });
    const { roomId, agent } = await roomWithAgentRows(user.id);
    const replyKey = randomUUID();
    const scheduled = [bubble("first", 0), bubble("second", 1)];
    await storeSchedule({ roomId, agentId: agent.id, agentName: agent.name }, replyKey, scheduled);

    // The orchestrator records the turn as replied; the recorder writes it within 25 ms. The
    // interruption is handled before that: markInterrupted finds no row to mark.
    await markInterrupted(await dropInterrupted(scheduled.map((s) => s.id)));
    expect(await getDb().agentTurn.count({ where: { replyKey } })).toBe(0);
    recordReplied(roomId, agent, "Ana", replyKey);

    const marked = await eventually(async () => {
      const turn = await getDb().agentTurn.findFirst({ where: { replyKey } });
      return turn?.outcome === "interrupted";
    });
    expect(marked).toBe(true);
    const turn = await getDb().agentTurn.findFirstOrThrow({ where: { replyKey } });
    expect(turn).toMatchObject({ outcome: "interrupted", draft: "first\nsecond" });
  });

  run(
    "every field of a recorded turn reads back as recorded, and one bad turn does not lose its batch",
    async () => {
      await useDatabase(url!);
      const user = await getDb().user.create({ data: { name: "Cy" } });
      const { roomId, agent } = await roomWithAgentRows(user.id);
      const at = new Date("2026-12-07T23:59:59.250Z");
      const first = new Date(at.getTime() + 1_500);
      const last = new Date(at.getTime() + 4_250);
      recordTurn({
        roomId,
        agent,
        heardFrom: "Sam",
        heardFromAgent: true,
        heard: ["one", "two"],
        at,
        decision: "speak",
        turnEpoch: 7,
        tags: ["question"],
        outcome: "replied",
        replyKey: "key-1",
        credits: 3,
        score: 0.625,
        reasons: [{ factor: "addressed", weight: 0.5, detail: "named" }],
        systemPrompt: "Be brief.",
        forwardness: 0.75,
        firstBubbleAt: first,
        lastBubbleAt: last,
      });
      // In the same batch: a turn of a room that no longer exists.
      recordTurn({
        roomId: "gone",
        agent,
        heardFrom: "Cy",
        heardFromAgent: false,
        heard: ["hi"],
        at,
        decision: "stay_silent",
        outcome: "silent",
      });
      expect(await eventually(async () => (await getDb().agentTurn.count({ where: { roomId } })) === 1)).toBe(
        true,
      );
      const turn = await getDb().agentTurn.findFirstOrThrow({ where: { roomId } });
      expect(turn).toMatchObject({
        agentId: agent.id,
        agentName: agent.name,
        heardFrom: "Sam",
        heardFromAgent: true,
        heard: "one\ntwo",
        decision: "speak",
        turnEpoch: 7,
        tags: '["question"]',
        outcome: "replied",
        draft: null,
        replyKey: "key-1",
        credits: 3,
        score: 0.625,
        reasons: '[{"factor":"addressed","weight":0.5,"detail":"named"}]',
        systemPrompt: "Be brief.",
        forwardness: 0.75,
        firstBubbleAt: first,
        lastBubbleAt: last,
        day: "2026-12-07",
        firstDelayMs: 1_500,
        lastDelayMs: 4_250,
        createdAt: at,
      });
      // Written now, whenever the turn was heard.
      expect(Math.abs(turn.updatedAt.getTime() - Date.now())).toBeLessThan(60_000);
      expect(await getDb().agentTurn.count({ where: { roomId: "gone" } })).toBe(0);
    },
  );

  run("a reply still standing stays replied", async () => {
    await useDatabase(url!);
    const user = await getDb().user.create({ data: { name: "Bo" } });
    const { roomId, agent } = await roomWithAgentRows(user.id);
    const replyKey = randomUUID();
    await storeSchedule({ roomId, agentId: agent.id, agentName: agent.name }, replyKey, [bubble("hello", 0)]);
    recordReplied(roomId, agent, "Bo", replyKey);
    expect(await eventually(async () => (await getDb().agentTurn.count({ where: { replyKey } })) === 1)).toBe(
      true,
    );
    // Past the recorder's own check of the batch it wrote.
    await new Promise((r) => setTimeout(r, 100));
    const turn = await getDb().agentTurn.findFirstOrThrow({ where: { replyKey } });
    expect(turn).toMatchObject({ outcome: "replied", draft: null });
  });

  run("a turn is written once a person's message being decided in this process is decided", async () => {
    await useDatabase(url!);
    const user = await getDb().user.create({ data: { name: "Cy" } });
    const { roomId, agent } = await roomWithAgentRows(user.id);
    const replyKey = randomUUID();
    let decided!: () => void;
    const deciding = foreground().run(() => new Promise<void>((resolve) => (decided = resolve)));
    recordReplied(roomId, agent, "Cy", replyKey);
    // Four times the recorder's batching delay, and well inside the foreground's bound.
    await new Promise((r) => setTimeout(r, 100));
    expect(await getDb().agentTurn.count({ where: { replyKey } })).toBe(0);
    decided();
    await deciding;
    expect(await eventually(async () => (await getDb().agentTurn.count({ where: { replyKey } })) === 1)).toBe(
      true,
    );
  });
});
