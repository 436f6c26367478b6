import "server-only";
import { getDb } from "@/lib/db/client";
import type { ReplyRelay } from "@/lib/generated/sqlite/client";
import { replyLines } from "./bubbles";

/** How a finished reply reaches the other agents (the orchestrator's relayReply, passed in to keep imports one-way). */
export type RelayReply = (
  from: { id: string; roomId: string; name: string },
  lines: string[],
) => Promise<void>;

/** A claimed relay not finished in this time (its instance died) is taken again. */
const CLAIM_MS = 60_000;

/** Due and nobody has it: pending, or claimed by an instance that did not finish in time. */
const claimable = (now: Date) => ({
  dueAt: { lte: now },
  OR: [{ status: "pending" }, { status: "running", claimedUntil: { lt: now } }],
});

/**
 * Runs the relays that fell due: each finished reply is heard by the room's other agents
 * once, whichever instance is alive at its last bubble. The claim is one conditional
 * update, so two instances never both run a relay.
 */
export async function runDueRelays(relayReply: RelayReply, limit = 20): Promise<number> {
  const db = getDb();
  const now = new Date();
  const due = await db.replyRelay.findMany({
    where: claimable(now),
    orderBy: { dueAt: "asc" },
    take: limit,
  });
  let ran = 0;
  for (const relay of due) {
    if (await runRelay(relay, relayReply)) ran += 1;
  }
  return ran;
}

/** The relay of one reply, when it is due and nobody has it: this process's own timer calls it. */
export async function runRelayOf(replyKey: string, relayReply: RelayReply): Promise<boolean> {
  const relay = await getDb().replyRelay.findFirst({ where: { replyKey, ...claimable(new Date()) } });
  return relay ? runRelay(relay, relayReply) : false;
}

async function runRelay(relay: ReplyRelay, relayReply: RelayReply): Promise<boolean> {
  const db = getDb();
  const claimed = await db.replyRelay.updateMany({
    where: { id: relay.id, status: relay.status, claimedUntil: relay.claimedUntil },
    data: { status: "running", claimedUntil: new Date(Date.now() + CLAIM_MS) },
  });
  if (claimed.count === 0) return false;
  const agent = await db.agent.findUnique({ where: { id: relay.agentId } });
  const lines = agent ? await replyLines(relay.replyKey) : [];
  if (agent && lines.length > 0) {
    await relayReply(agent, lines).catch((error) =>
      console.error(`relay of ${agent.name}'s reply failed:`, error),
    );
  }
  await db.replyRelay.update({ where: { id: relay.id }, data: { status: "done", claimedUntil: null } });
  return true;
}
