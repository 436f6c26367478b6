// A finished reply is heard by the other agents once, when it is due, whoever claims it, on
// both databases.
import { randomUUID } from "node:crypto";
import { describe, expect, it, vi } from "vitest";
import { getDb } from "../db/client";
import { bothDatabases, useDatabase } from "../testing/both-databases";
import { roomWithAgentRows } from "../testing/room-rows";
import { scheduledMessage } from "../testing/scheduled-message";
import { storeSchedule } from "./bubbles";
import { type RelayReply, runDueRelays, runRelayOf } from "./relays";

vi.mock("server-only", () => ({}));

const databases = await bothDatabases("relays");

/** A stored reply of two bubbles, the last one due `lastInMs` from now. */
async function storedReply(lastInMs: number) {
  const user = await getDb().user.create({ data: { name: "Ana" } });
  const { roomId, agent } = await roomWithAgentRows(user.id);
  const replyKey = randomUUID();
  await storeSchedule({ roomId, agentId: agent.id, agentName: agent.name }, replyKey, [
    scheduledMessage("first", 0, lastInMs - 500),
    scheduledMessage("second", 1, lastInMs),
  ]);
  return { roomId, agent, replyKey };
}

/** The relays heard, as the orchestrator would be asked to relay them. */
function hearing() {
  const heard: { agent: string; lines: string[] }[] = [];
  const relay: RelayReply = async (from, lines) => {
    heard.push({ agent: from.name, lines });
  };
  return { heard, relay };
}

const statusOf = async (replyKey: string) =>
  (await getDb().replyRelay.findUniqueOrThrow({ where: { replyKey } })).status;

describe.each(databases)("relays on %s", (_name, { url }) => {
  const run = url ? it : it.skip;

  run("a due reply is relayed once, however many claim it at the same moment", async () => {
    await useDatabase(url!);
    const { agent, replyKey } = await storedReply(-100);
    const { heard, relay } = hearing();

    const claims = await Promise.all([
      ...Array.from({ length: 4 }, () => runRelayOf(replyKey, relay)),
      runDueRelays(relay),
    ]);
    expect(claims.filter((c) => c === true || c === 1)).toHaveLength(1);
    expect(heard).toEqual([{ agent: agent.name, lines: ["first", "second"] }]);
    expect(await statusOf(replyKey)).toBe("done");
    expect(await runRelayOf(replyKey, relay)).toBe(false);
    expect(await runDueRelays(relay)).toBe(0);
  });

  run("not before its last bubble is due; a claim whose instance died is taken again", async () => {
    await useDatabase(url!);
    const { replyKey } = await storedReply(60_000);
    const { heard, relay } = hearing();
    expect(await runRelayOf(replyKey, relay)).toBe(false);
    expect(await runDueRelays(relay)).toBe(0);
    expect(await statusOf(replyKey)).toBe("pending");

    // Due now, and claimed by an instance that is still within its claim: left alone.
    const past = new Date(Date.now() - 1000);
    await getDb().replyRelay.update({
      where: { replyKey },
      data: { dueAt: past, status: "running", claimedUntil: new Date(Date.now() + 30_000) },
    });
    expect(await runDueRelays(relay)).toBe(0);
    expect(await runRelayOf(replyKey, relay)).toBe(false);

    // Its claim ran out without the relay being done (the instance died): taken again.
    await getDb().replyRelay.update({ where: { replyKey }, data: { claimedUntil: past } });
    expect(await runDueRelays(relay)).toBe(1);
    expect(heard).toHaveLength(1);
    expect(await statusOf(replyKey)).toBe("done");
  });

  run("a reply whose agent was deleted meanwhile is done without being heard", async () => {
    await useDatabase(url!);
    const { agent, replyKey } = await storedReply(-100);
    await getDb().agent.delete({ where: { id: agent.id } });
    const { heard, relay } = hearing();
    expect(await runRelayOf(replyKey, relay)).toBe(true);
    expect(heard).toEqual([]);
    expect(await statusOf(replyKey)).toBe("done");
  });

  run("a dropped reply is never relayed", async () => {
    await useDatabase(url!);
    const { replyKey } = await storedReply(-100);
    await getDb().replyRelay.update({ where: { replyKey }, data: { status: "dropped" } });
    const { heard, relay } = hearing();
    expect(await runRelayOf(replyKey, relay)).toBe(false);
    expect(await runDueRelays(relay)).toBe(0);
    expect(heard).toEqual([]);
  });
});
