import "server-only";
import { randomUUID } from "node:crypto";
import { foreground } from "@/lib/async/foreground";
import { processSingleton } from "@/lib/async/process-singleton";
import { onShutdown } from "@/lib/async/shutdown-hooks";
import { getDb } from "@/lib/db/client";
import { droppedReplyDrafts } from "./bubbles";
import { dialect } from "./review-sql";
import type { ReviewReason, TurnDecision, TurnOutcome } from "./review-types";
import { sqlParams } from "./sql-params";
import { serializeReasons } from "./stored-reasons";
import { turnReviewColumns } from "./turn-review-columns";

export interface TurnRecord {
  roomId: string;
  agent: { id: string; name: string };
  /** who the agent heard: the last sender of the batch */
  heardFrom: string;
  heardFromAgent: boolean;
  heard: string[];
  /** when the agent heard it (a reply is recorded once its outcome is known, seconds later) */
  at: Date;
  decision: TurnDecision;
  turnEpoch?: number | null;
  tags?: readonly string[];
  outcome: TurnOutcome;
  draft?: string;
  replyKey?: string;
  /** Turn-taking credits spent: 1 for a decision, 2 more for a paced reply */
  credits?: number;
  /** the decision's score and reasons, when the service gave them with the decision (the embedded engine) */
  score?: number | null;
  reasons?: readonly ReviewReason[] | null;
  /** the agent's settings when it decided */
  systemPrompt?: string | null;
  forwardness?: number | null;
  /** a reply's first and last bubble, as scheduled */
  firstBubbleAt?: Date | null;
  lastBubbleAt?: Date | null;
}

/** An AgentTurn row as written. */
interface TurnRow {
  id: string;
  roomId: string;
  agentId: string;
  agentName: string;
  heardFrom: string;
  heardFromAgent: boolean;
  heard: string;
  decision: string;
  turnEpoch: number | null;
  tags: string;
  outcome: string;
  draft: string | null;
  replyKey: string | null;
  credits: number;
  score: number | null;
  reasons: string | null;
  systemPrompt: string | null;
  forwardness: number | null;
  firstBubbleAt: Date | null;
  lastBubbleAt: Date | null;
  day: string;
  firstDelayMs: number | null;
  lastDelayMs: number | null;
  createdAt: Date;
}

const FLUSH_AFTER_MS = 25;
const MAX_BATCH = 200;

function toRow(turn: TurnRecord): TurnRow {
  return {
    id: randomUUID(),
    roomId: turn.roomId,
    agentId: turn.agent.id,
    agentName: turn.agent.name,
    heardFrom: turn.heardFrom,
    heardFromAgent: turn.heardFromAgent,
    heard: turn.heard.join("\n").slice(0, 4000),
    decision: turn.decision,
    turnEpoch: turn.turnEpoch ?? null,
    tags: JSON.stringify(turn.tags ?? []),
    outcome: turn.outcome,
    draft: turn.draft ?? null,
    replyKey: turn.replyKey ?? null,
    credits: turn.credits ?? 0,
    score: turn.score ?? null,
    reasons: turn.reasons ? serializeReasons(turn.reasons) : null,
    systemPrompt: turn.systemPrompt ?? null,
    forwardness: turn.forwardness ?? null,
    firstBubbleAt: turn.firstBubbleAt ?? null,
    lastBubbleAt: turn.lastBubbleAt ?? null,
    ...turnReviewColumns(turn.at, turn.firstBubbleAt, turn.lastBubbleAt),
    createdAt: turn.at,
  };
}

/**
 * Turns are written in small batches: a statement costs about the same whatever it carries,
 * and the agents of a room usually finish their turns together.
 */
class TurnRecorder {
  private queue: TurnRow[] = [];
  private timer: NodeJS.Timeout | null = null;

  constructor() {
    // Turns of the last few milliseconds are written before the server stops.
    onShutdown(() => this.flush());
  }

  add(row: TurnRow): void {
    this.queue.push(row);
    if (this.queue.length >= MAX_BATCH) void this.flush();
    else this.timer ??= setTimeout(() => void this.flushWhenQuiet(), FLUSH_AFTER_MS);
  }

  /** The review can wait while a person's message is being decided (see foreground). */
  private async flushWhenQuiet(): Promise<void> {
    await foreground().clear();
    await this.flush();
  }

  private async flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const rows = this.queue;
    this.queue = [];
    if (rows.length === 0) return;
    try {
      await insertTurns(rows);
    } catch {
      // One bad row (its room or agent deleted meanwhile) must not take the others with it.
      for (const row of rows) {
        await insertTurns([row]).catch((error) =>
          console.error(`could not record ${row.agentName}'s turn for review:`, error),
        );
      }
    }
    await markDroppedReplies(rows).catch((error) =>
      console.error("could not mark interrupted replies for review:", error),
    );
  }
}

/** Raw SQL: through Prisma's query builder a batch cost about 1 ms of CPU more, and a burst writes dozens. */
async function insertTurns(rows: readonly TurnRow[]): Promise<void> {
  const d = dialect();
  const q = sqlParams(d);
  const postgres = d.provider === "postgres";
  const int = (value: number | null) => (value === null ? "NULL" : q.bindInt(value));
  const float = (value: number | null) => (postgres ? `${q.bind(value)}::double precision` : q.bind(value));
  const bool = (value: boolean) => (postgres ? `${q.bind(value)}::boolean` : q.bind(value ? 1 : 0));
  const date = (value: Date | null) => (value === null ? "NULL" : q.bindDate(value));
  const updatedAt = new Date();
  const values = rows.map(
    (r) =>
      `(${[
        q.bind(r.id),
        q.bind(r.roomId),
        q.bind(r.agentId),
        q.bind(r.agentName),
        q.bind(r.heardFrom),
        bool(r.heardFromAgent),
        q.bind(r.heard),
        q.bind(r.decision),
        int(r.turnEpoch),
        q.bind(r.tags),
        q.bind(r.outcome),
        q.bind(r.draft),
        q.bind(r.replyKey),
        int(r.credits),
        float(r.score),
        q.bind(r.reasons),
        q.bind(r.systemPrompt),
        float(r.forwardness),
        date(r.firstBubbleAt),
        date(r.lastBubbleAt),
        q.bind(r.day),
        int(r.firstDelayMs),
        int(r.lastDelayMs),
        date(r.createdAt),
        date(updatedAt),
      ].join(", ")})`,
  );
  await getDb().$executeRawUnsafe(
    `INSERT INTO "AgentTurn" ("id", "roomId", "agentId", "agentName", "heardFrom", "heardFromAgent", "heard",
       "decision", "turnEpoch", "tags", "outcome", "draft", "replyKey", "credits", "score", "reasons",
       "systemPrompt", "forwardness", "firstBubbleAt", "lastBubbleAt", "day", "firstDelayMs", "lastDelayMs",
       "createdAt", "updatedAt")
     VALUES ${values.join(", ")}`,
    ...q.params,
  );
}

/**
 * Replies recorded as replied whose bubbles were dropped before their row was written, when
 * markInterrupted found no turn to mark. It runs after the drop committed and this after the
 * rows did, so one of the two sees the other.
 */
async function markDroppedReplies(rows: readonly TurnRow[]): Promise<void> {
  const replyKeys = rows.flatMap((r) => (r.outcome === "replied" && r.replyKey ? [r.replyKey] : []));
  const dropped = await droppedReplyDrafts(replyKeys);
  if (dropped.length > 0) await markInterrupted(dropped);
}

const recorder = () => processSingleton("agent-turn-recorder", () => new TurnRecorder());

/**
 * Records an agent's turn, once its outcome is known, for the transcript review. The
 * review is a record, not part of the conversation: the chat does not wait for it, and
 * a failure to write it is logged and the chat goes on.
 */
export function recordTurn(turn: TurnRecord): void {
  recorder().add(toRow(turn));
}

/**
 * Replies that the engine cancelled after they were recorded as replied: the review shows them
 * as dropped drafts, with what the bubbles would have said. A turn not written yet (the recorder
 * batches) is marked when it is.
 */
export async function markInterrupted(
  replies: readonly { replyKey: string; draft: string }[],
): Promise<void> {
  const d = dialect();
  for (const { replyKey, draft } of replies) {
    const q = sqlParams(d);
    await getDb().$executeRawUnsafe(
      `UPDATE "AgentTurn" SET "outcome" = 'interrupted', "draft" = ${q.bind(draft)}, "updatedAt" = ${q.bindDate(new Date())}
       WHERE "replyKey" = ${q.bind(replyKey)}`,
      ...q.params,
    );
  }
}
