import type { Db } from "../db/client";
import { paymentRequired } from "./errors";
import { newRowId } from "./ids";

export type BillableComponent = "submit_messages" | "respond";

export const PRICES: Record<BillableComponent, number> = { submit_messages: 1, respond: 2 };

/**
 * Reserves the price up front (atomically, so concurrent calls cannot overdraw):
 * 402 before any work when the balance cannot cover it. `refund` undoes it when the
 * call fails or turns out free; `commit` records the usage.
 */
export async function reserveCredits(db: Db, accountId: string, component: BillableComponent) {
  const price = PRICES[component];
  const reserved = await db.engineAccount.updateMany({
    where: { id: accountId, creditsBalance: { gte: price } },
    data: { creditsBalance: { decrement: price } },
  });
  if (reserved.count === 0) throw paymentRequired();
  let settled = false;
  return {
    async commit(at = new Date()) {
      if (settled) return;
      settled = true;
      await db.engineUsage.create({
        data: { pk: newRowId(), accountId, component, credits: price, createdAt: at },
      });
    },
    async refund() {
      if (settled) return;
      settled = true;
      await db.engineAccount.update({
        where: { id: accountId },
        data: { creditsBalance: { increment: price } },
      });
    },
  };
}

const DAY_NAMES = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"] as const;
const WEEK: readonly string[] = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];

export async function usageSummary(db: Db, accountId: string, now = new Date()) {
  const since = new Date(now.getTime() - 30 * 24 * 3600 * 1000);
  const rows = await db.engineUsage.findMany({
    where: { accountId, createdAt: { gte: since } },
    select: { component: true, credits: true, createdAt: true },
  });
  const per = new Map<string, { calls: number; credits: number }>();
  const byDay = new Map<string, number>(WEEK.map((d) => [d, 0]));
  for (const row of rows) {
    const entry = per.get(row.component) ?? { calls: 0, credits: 0 };
    entry.calls += 1;
    entry.credits += row.credits;
    per.set(row.component, entry);
    const day = DAY_NAMES[row.createdAt.getUTCDay()]!;
    byDay.set(day, (byDay.get(day) ?? 0) + 1);
  }
  return {
    total_calls: rows.length,
    total_credits: rows.reduce((sum, r) => sum + r.credits, 0),
    per_component: [...per.entries()].map(([component, v]) => ({ component, ...v })),
    daily_series: WEEK.map((date) => ({ date, requests: byDay.get(date) ?? 0 })),
  };
}
