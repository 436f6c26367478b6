import { paymentRequired } from "./errors";
import { newRowId } from "./ids";
import type { Principal } from "./keys";
import { debitCredits, insertUsage, selectUsageSince } from "./store/queries/credits";
import { InsufficientCreditsError, type Sql, type Statement, toDate } from "./store/sql";

export type BillableComponent = "submit_messages" | "respond";

export const PRICES: Record<BillableComponent, number> = { submit_messages: 1, respond: 2 };

/** Before any work: 402 when the balance read with the caller's key cannot cover the call. */
export function assertCanAfford(principal: Principal, component: BillableComponent): void {
  if (principal.creditsBalance < PRICES[component]) throw paymentRequired();
}

/**
 * The charge, as the first statements of the call's own transaction, so work and bill
 * commit together (one sync) or not at all. One conditional decrement decides it: under
 * concurrent charges (Postgres re-checks the condition on the row it waited for) only
 * those the balance covers change a row; any other rolls its whole transaction back with
 * an InsufficientCreditsError. CHECK ("creditsBalance" >= 0) backs this up in the schema.
 */
export function chargeStatements(accountId: string, component: BillableComponent, at: Date): Statement[] {
  const price = PRICES[component];
  return [
    debitCredits(accountId, price),
    insertUsage({ pk: newRowId(), accountId, component, credits: price, createdAt: at }),
  ];
}

/** Recognizes a charge refused inside a transaction: the guard above, or the schema's floor. */
export function isInsufficientCredits(error: unknown): boolean {
  if (error instanceof InsufficientCreditsError) return true;
  const e = error as { message?: string; code?: string; constraint?: string };
  if (e?.code === "23514" && e.constraint === "EngineAccount_creditsBalance_check") return true;
  return /CHECK constraint failed: EngineAccount_creditsBalance_check/.test(String(e?.message ?? ""));
}

const DAY_NAMES = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"] as const;
const WEEK = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"] as const;

export async function usageSummary(sql: Sql, accountId: string, now = new Date()) {
  const since = new Date(now.getTime() - 30 * 24 * 3600 * 1000);
  const query = selectUsageSince(accountId, since);
  const rows = await sql.all<{ component: string; credits: number; createdAt: unknown }>(
    query.sql,
    query.args,
  );
  const per = new Map<string, { calls: number; credits: number }>();
  const byDay = new Map<string, number>(WEEK.map((d) => [d, 0]));
  let totalCredits = 0;
  for (const row of rows) {
    const credits = Number(row.credits);
    totalCredits += credits;
    const entry = per.get(row.component) ?? { calls: 0, credits: 0 };
    entry.calls += 1;
    entry.credits += credits;
    per.set(row.component, entry);
    const day = DAY_NAMES[toDate(row.createdAt).getUTCDay()]!;
    byDay.set(day, (byDay.get(day) ?? 0) + 1);
  }
  return {
    total_calls: rows.length,
    total_credits: totalCredits,
    per_component: [...per.entries()].map(([component, v]) => ({ component, ...v })),
    daily_series: WEEK.map((date) => ({ date, requests: byDay.get(date) ?? 0 })),
  };
}
