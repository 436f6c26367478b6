// The engine's SQL on EngineDecision (each submit_messages verdict with its reasons), in
// one place with the other statements so the projection and the writer agree on columns.
import type { Statement } from "../sql";

export const insertDecision = (d: {
  pk: string;
  threadPk: string;
  epoch: number;
  decision: string;
  score: number;
  reasons: string;
  tags: string;
  billed: boolean;
  agentName: string | null;
  createdAt: Date;
}): Statement => ({
  sql: `INSERT INTO "EngineDecision" ("pk","threadPk","epoch","decision","score","reasons","tags","billed","agentName","createdAt") VALUES (?,?,?,?,?,?,?,?,?,?)`,
  args: [
    d.pk,
    d.threadPk,
    d.epoch,
    d.decision,
    d.score,
    d.reasons,
    d.tags,
    d.billed,
    d.agentName,
    d.createdAt,
  ],
});

/** A thread's decisions with epochs in [fromEpoch, toEpoch], oldest first. */
export const selectDecisions = (threadPk: string, fromEpoch: number, toEpoch: number): Statement => ({
  sql: `SELECT "epoch","decision","score","reasons","tags","billed","agentName","createdAt" FROM "EngineDecision"
     WHERE "threadPk" = ? AND "epoch" >= ? AND "epoch" <= ? ORDER BY "epoch" ASC`,
  args: [threadPk, fromEpoch, toEpoch],
});
