import "server-only";
import { getDb } from "@/lib/db/client";
import { replyLines } from "./bubbles";
import { relayReply } from "./orchestrator";

/** A claimed relay not finished in this time (its instance died) is taken again. */
const CLAIM_MS = 60_000;

/**
 * Runs the relays that fell due: each finished reply is heard by the room's other agents
 * once, whichever instance is alive at its last bubble. The claim is one conditional
 * update, so two instances never both run a relay.
 */
export async function runDueRelays(limit = 20): Promise<number> {
  const db = getDb();
  const now = new Date();
  const due = await db.replyRelay.findMany({
    where: {
      dueAt: { lte: now },
      OR: [{ status: "pending" }, { status: "running", claimedUntil: { lt: now } }],
    },
    orderBy: { dueAt: "asc" },
    take: limit,
  });
  let ran = 0;
  for (const relay of due) {
    const claimed = await db.replyRelay.updateMany({
      where: { id: relay.id, status: relay.status, claimedUntil: relay.claimedUntil },
      data: { status: "running", claimedUntil: new Date(Date.now() + CLAIM_MS) },
    });
    if (claimed.count === 0) continue;
    const agent = await db.agent.findUnique({ where: { id: relay.agentId } });
    const lines = agent ? await replyLines(relay.replyKey) : [];
    if (agent && lines.length > 0) {
      await relayReply(agent, lines).catch((error) =>
        console.error(`relay of ${agent.name}'s reply failed:`, error),
      );
    }
    await db.replyRelay.update({ where: { id: relay.id }, data: { status: "done", claimedUntil: null } });
    ran += 1;
  }
  return ran;
}

/** When the next relay falls due, if any is waiting. */
export async function nextRelayDue(): Promise<Date | null> {
  const next = await getDb().replyRelay.findFirst({
    where: { status: "pending" },
    orderBy: { dueAt: "asc" },
    select: { dueAt: true },
  });
  return next?.dueAt ?? null;
}
