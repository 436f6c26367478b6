import "server-only";
import { getDb } from "@/lib/db/client";
import { dialect } from "./review-sql";

/** How a finished reply reaches the other agents (the orchestrator's relayReply, passed in to keep imports one-way). */
export type RelayReply = (
  from: { id: string; roomId: string; name: string },
  lines: string[],
) => Promise<void>;

/** A claimed relay not finished in this time (its instance died) is taken again. */
const CLAIM_MS = 60_000;

/** Due and nobody has it: pending, or claimed by an instance that did not finish in time. */
const claimable = (now: string) =>
  `"dueAt" <= ${now} AND ("status" = 'pending' OR ("status" = 'running' AND "claimedUntil" < ${now}))`;

interface Claimed {
  id: string;
  agentId: string;
  replyKey: string;
}

/**
 * Claims the relay if it is claimable now, in one statement: on Postgres a second claimant
 * waits for the first one's row and then finds it claimed; SQLite writes one at a time. Raw
 * SQL, as a relay's claim and finish are among the busiest writes of a burst: through Prisma
 * (a read, the conditional update in a transaction of its own, the finish) they cost 3–4 ms
 * of CPU per relay, raw under 1 ms.
 */
async function claim(by: "id" | "replyKey", value: string, now = new Date()): Promise<Claimed | null> {
  const d = dialect();
  const rows = await getDb().$queryRawUnsafe<Claimed[]>(
    `UPDATE "ReplyRelay" SET "status" = 'running', "claimedUntil" = ${d.dateParam(1)}
     WHERE "${by}" = ${d.p(2)} AND ${claimable(d.dateParam(3))}
     RETURNING "id", "agentId", "replyKey"`,
    d.date(new Date(now.getTime() + CLAIM_MS)),
    value,
    d.date(now),
  );
  return rows[0] ?? null;
}

/**
 * Runs the relays that fell due: each finished reply is heard by the room's other agents
 * once, whichever instance is alive at its last bubble. The claim is one conditional
 * update, so two instances never both run a relay.
 */
export async function runDueRelays(relayReply: RelayReply, limit = 20): Promise<number> {
  const d = dialect();
  const due = await getDb().$queryRawUnsafe<{ id: string }[]>(
    `SELECT "id" FROM "ReplyRelay" WHERE ${claimable(d.dateParam(1))} ORDER BY "dueAt" ASC LIMIT ${d.p(2)}`,
    d.date(new Date()),
    limit,
  );
  let ran = 0;
  for (const relay of due) {
    const claimed = await claim("id", relay.id);
    if (!claimed) continue;
    await runClaimed(claimed, relayReply);
    ran += 1;
  }
  return ran;
}

/** The relay of one reply, when it is due and nobody has it: this process's own timer calls it. */
export async function runRelayOf(replyKey: string, relayReply: RelayReply): Promise<boolean> {
  const claimed = await claim("replyKey", replyKey);
  if (!claimed) return false;
  await runClaimed(claimed, relayReply);
  return true;
}

/** The other agents hear the reply (a failure is logged: the relay is not retried), then it is done. */
async function runClaimed(relay: Claimed, relayReply: RelayReply): Promise<void> {
  const db = getDb();
  const { agent, lines } = await replyOf(relay);
  if (agent && lines.length > 0) {
    await relayReply(agent, lines).catch((error) =>
      console.error(`relay of ${agent.name}'s reply failed:`, error),
    );
  }
  const d = dialect();
  await db.$executeRawUnsafe(
    `UPDATE "ReplyRelay" SET "status" = 'done', "claimedUntil" = NULL WHERE "id" = ${d.p(1)}`,
    relay.id,
  );
}

/** The reply's agent (null once deleted) and its lines as scheduled, dropped ones left out: one round trip. */
async function replyOf(relay: Claimed): Promise<{
  agent: { id: string; roomId: string; name: string } | null;
  lines: string[];
}> {
  const d = dialect();
  const rows = await getDb().$queryRawUnsafe<
    { id: string; roomId: string; name: string; content: string | null }[]
  >(
    `SELECT a."id", a."roomId", a."name", b."content" FROM "Agent" a
     LEFT JOIN "AgentBubble" b ON b."replyKey" = ${d.p(2)} AND b."status" <> 'dropped'
     WHERE a."id" = ${d.p(1)} ORDER BY b."position" ASC`,
    relay.agentId,
    relay.replyKey,
  );
  const first = rows[0];
  return {
    agent: first ? { id: first.id, roomId: first.roomId, name: first.name } : null,
    lines: rows.flatMap((r) => (r.content === null ? [] : [r.content])),
  };
}
