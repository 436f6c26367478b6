// Bubbles stored from the engine's schedule, shown when due, and dropped when the engine
// cancels them: on both databases, including a bubble this process showed before it heard.
import { describe, expect, it, vi } from "vitest";
import { getDb } from "../db/client";
import { bothDatabases, useDatabase } from "../testing/both-databases";
import { roomWithAgentRows } from "../testing/room-rows";
import { scheduledMessage } from "../testing/scheduled-message";
import { dropInterrupted, repliesStartingAt, SHOW_GRACE_MS, showDueBubbles, storeSchedule } from "./bubbles";
import { roomBus } from "./bus";
import type { RoomStreamEvent } from "./types";

vi.mock("server-only", () => ({}));

const databases = await bothDatabases("bubbles");

async function roomWithAgent() {
  const user = await getDb().user.create({ data: { name: "Ana" } });
  const { roomId, agent } = await roomWithAgentRows(user.id);
  return { roomId, agentId: agent.id, agentName: agent.name };
}

const schedule = (dueInMs: number[]) =>
  dueInMs.map((ms, position) => scheduledMessage(`line ${position}`, position, ms));

describe.each(databases)("bubbles on %s", (_name, { url }) => {
  const run = url ? it : it.skip;

  run(
    "a cancelled reply is never shown, and one shown before the engine's answer arrived is taken back",
    async () => {
      await useDatabase(url!);
      const author = await roomWithAgent();
      const events: RoomStreamEvent[] = [];
      const stop = roomBus().subscribe(author.roomId, (e) => events.push(e));

      // Reply A: its first bubble already shown here when the cancellation is heard (a loaded
      // process); reply B: not due yet.
      const a = schedule([-SHOW_GRACE_MS - 50, 60_000]);
      const b = schedule([60_000, 61_000]);
      await storeSchedule(author, "reply-a", a);
      await storeSchedule(author, "reply-b", b);
      expect(await showDueBubbles(author.roomId)).toBe(1);
      const shown = await getDb().chatMessage.findFirstOrThrow({ where: { roomId: author.roomId } });
      expect(shown.deliveryId).toBe("reply-a:0");

      const dropped = await dropInterrupted([...a, ...b].map((s) => s.id));
      expect([...dropped].sort((x, y) => x.replyKey.localeCompare(y.replyKey))).toEqual([
        { replyKey: "reply-a", draft: "line 0\nline 1" },
        { replyKey: "reply-b", draft: "line 0\nline 1" },
      ]);
      expect(await getDb().chatMessage.count({ where: { roomId: author.roomId } })).toBe(0);
      const statuses = await getDb().agentBubble.findMany({
        where: { roomId: author.roomId },
        select: { status: true },
      });
      expect(statuses.map((s) => s.status)).toEqual(["dropped", "dropped", "dropped", "dropped"]);
      const relays = await getDb().replyRelay.findMany({
        where: { roomId: author.roomId },
        select: { status: true },
      });
      expect(relays.map((r) => r.status)).toEqual(["dropped", "dropped"]);
      expect(events).toContainEqual({ type: "message_deleted", id: shown.id });

      // Nothing comes back when the bubbles fall due later.
      await getDb().agentBubble.updateMany({
        where: { roomId: author.roomId },
        data: { deliverAt: new Date(0) },
      });
      expect(await showDueBubbles(author.roomId)).toBe(0);
      stop();
    },
  );

  run("a reply cancelled before this instance stored it is stored dropped, and says so", async () => {
    await useDatabase(url!);
    const author = await roomWithAgent();
    // Already due: shown at once if it were stored as scheduled.
    const cancelled = schedule([-SHOW_GRACE_MS - 50, 60_000]);

    // The engine's answer reaches another request before respond's caller stored anything.
    expect(await dropInterrupted(cancelled.map((s) => s.id))).toEqual([]);
    const stored = await storeSchedule(author, "reply-late", cancelled);

    expect(await showDueBubbles(author.roomId)).toBe(0);
    expect(await getDb().chatMessage.count({ where: { roomId: author.roomId } })).toBe(0);
    const bubbles = await getDb().agentBubble.findMany({ where: { roomId: author.roomId } });
    expect(bubbles.map((b) => b.status)).toEqual(["dropped", "dropped"]);
    const relay = await getDb().replyRelay.findUniqueOrThrow({ where: { replyKey: "reply-late" } });
    expect(relay.status).toBe("dropped");
    // So the orchestrator records the turn as interrupted, and follows nothing.
    expect(stored).toEqual({
      scheduled: [],
      interrupted: { replyKey: "reply-late", draft: "line 0\nline 1" },
    });

    // A reply nobody cancelled is stored to be shown, as before.
    const kept = await storeSchedule(author, "reply-kept", schedule([60_000]));
    expect(kept.interrupted).toBeNull();
    expect(kept.scheduled.map((b) => b.status)).toEqual(["scheduled"]);
  });

  run("storing and cancelling a reply at the same moment never leaves a bubble to show", async () => {
    await useDatabase(url!);
    const author = await roomWithAgent();
    for (let i = 0; i < 20; i++) {
      const replyKey = `reply-${i}`;
      const s = schedule([-SHOW_GRACE_MS - 50, 60_000]);
      const store = () => storeSchedule(author, replyKey, s);
      const drop = () => dropInterrupted(s.map((b) => b.id));
      // Either may start first; on Postgres they run on two connections at once.
      const [stored, dropped] =
        i % 2 === 0
          ? await Promise.all([store(), drop()])
          : await Promise.all([drop(), store()]).then(([d, st]) => [st, d] as const);

      const statuses = await getDb().agentBubble.findMany({ where: { replyKey }, select: { status: true } });
      expect(
        statuses.map((b) => b.status),
        replyKey,
      ).toEqual(["dropped", "dropped"]);
      const relay = await getDb().replyRelay.findUniqueOrThrow({ where: { replyKey } });
      expect(relay.status, replyKey).toBe("dropped");
      // Exactly one side tells the orchestrator, which marks the turn interrupted.
      const heard = [stored.interrupted, ...dropped].filter((r) => r !== null);
      expect(heard, replyKey).toEqual([{ replyKey, draft: "line 0\nline 1" }]);
    }
    expect(await showDueBubbles(author.roomId)).toBe(0);
    expect(await getDb().chatMessage.count({ where: { roomId: author.roomId } })).toBe(0);
  });

  run(
    "tells when each agent's reply that has not started yet starts, for all agents in one query",
    async () => {
      await useDatabase(url!);
      const author = await roomWithAgent();
      const soon = schedule([5_000, 6_000]);
      const later = schedule([9_000]);
      const started = schedule([-1_000, 4_000]);
      await storeSchedule(author, "soon", soon);
      await storeSchedule(author, "later", later);
      await storeSchedule(author, "started", started);
      const starts = await repliesStartingAt([author.agentId, "no-such-agent"]);
      // The latest first bubble still ahead; one already due does not count.
      expect([...starts.keys()]).toEqual([author.agentId]);
      expect(starts.get(author.agentId)?.toISOString()).toBe(later[0]!.deliver_at);
      expect(await repliesStartingAt([])).toEqual(new Map());
    },
  );

  run("stores each bubble's time and its reply's relay time as the database's models read them", async () => {
    await useDatabase(url!);
    const author = await roomWithAgent();
    const s = schedule([1_234, 5_678]);
    await storeSchedule(author, "timed", s);
    const bubbles = await getDb().agentBubble.findMany({
      where: { replyKey: "timed" },
      orderBy: { position: "asc" },
    });
    expect(
      bubbles.map((b) => [b.position, b.content, b.deliverAt.toISOString(), b.status, b.shownAt]),
    ).toEqual([
      [0, "line 0", s[0]!.deliver_at, "scheduled", null],
      [1, "line 1", s[1]!.deliver_at, "scheduled", null],
    ]);
    const relay = await getDb().replyRelay.findUniqueOrThrow({ where: { replyKey: "timed" } });
    expect(relay.dueAt.toISOString()).toBe(s[1]!.deliver_at);
    expect([relay.status, relay.claimedUntil, relay.agentId]).toEqual(["pending", null, author.agentId]);
  });
});
