import type { ActionContext } from "./context";
import {
  assertCanAfford,
  type BillableComponent,
  chargeStatements,
  isInsufficientCredits,
  PRICES,
} from "./credits";
import { paymentRequired } from "./errors";
import { retryStale } from "./stale-retry";
import type { BatchOutcome, Statement } from "./store/sql";
import type { ThreadRow } from "./threads";

/** What an action writes to a thread, and what it does once that is committed. */
export interface ThreadWrite<T> {
  statements: Statement[];
  /** After the commit (caches, frames); each statement's outcome, the charge's left out. */
  committed(outcomes: BatchOutcome[]): T | Promise<T>;
  /** The commit failed and may or may not have taken effect: forget what caches hold. */
  uncertain?(): void;
}

/** The price of the write, decided from the thread as read under its lock (e.g. a stale draft is free). */
export type Bill = BillableComponent | null | ((thread: ThreadRow) => BillableComponent | null);

/**
 * Every write to a thread goes through here: the thread's lock in this process, the read
 * of the thread under it, the 402 before any work, the bill in the same transaction as the
 * work, a retry when another instance changed the thread first (a guard in the statements
 * found it stale), and the caches kept right whatever the commit's outcome.
 */
export async function withThreadWrite<T>(
  ctx: ActionContext,
  threadId: string,
  { bill }: { bill: Bill },
  plan: (thread: ThreadRow) => Promise<ThreadWrite<T>>,
): Promise<T> {
  const accountId = ctx.principal.accountId;
  try {
    // Locked by the caller's view of the id, so the one read inside sees the latest epoch.
    return await retryStale(() =>
      ctx.threadLocks.run(`${accountId}:${threadId.toLowerCase()}`, async () => {
        const thread = await ctx.threads.require(accountId, threadId);
        const price = typeof bill === "function" ? bill(thread) : bill;
        if (price) assertCanAfford(ctx.principal, price);
        const write = await plan(thread);
        const charge = price ? chargeStatements(accountId, price, new Date()) : [];
        let outcomes: BatchOutcome[];
        try {
          outcomes = await ctx.sql.batchReturning([...charge, ...write.statements]);
        } catch (error) {
          if (!isInsufficientCredits(error)) {
            ctx.threads.forget(thread);
            write.uncertain?.();
          }
          throw error;
        }
        if (price) ctx.principals.debit(accountId, PRICES[price]);
        return write.committed(outcomes.slice(charge.length));
      }),
    );
  } catch (error) {
    if (isInsufficientCredits(error)) {
      ctx.principals.forgetBalance(accountId);
      throw paymentRequired();
    }
    throw error;
  }
}
