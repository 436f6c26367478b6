import "server-only";
import { limits } from "@/lib/limits/config";
import {
  type Limit,
  type Refused,
  secondsLeft,
  type TakeAllResult,
  usageCounters,
} from "@/lib/limits/usage-counters";
import { roomBus } from "./bus";
import { budgetExhausted } from "./errors";
import type { BudgetDTO } from "./types";

/**
 * Hourly Turn-taking credit budgets, per room and per account, priced as the API prices calls:
 * `submit_messages` 1 credit (free with `skip_decide`), `respond` 2 (free when superseded or
 * failed). The account charged is the person whose message started the work; an agent reply
 * relayed to the other agents is charged to the room's owner.
 */
export const CREDIT_PRICE = { submit: 1, respond: 2 } as const;
const HOUR_MS = 3_600_000;

const roomLimit = (roomId: string): Limit => ({
  key: `credits:room:${roomId}`,
  max: limits().roomCreditsPerHour,
  windowMs: HOUR_MS,
});
const accountLimit = (userId: string): Limit => ({
  key: `credits:account:${userId}`,
  max: limits().accountCreditsPerHour,
  windowMs: HOUR_MS,
});

export async function budgetFor(roomId: string, userId: string, now = Date.now()): Promise<BudgetDTO> {
  const room = roomLimit(roomId);
  const account = accountLimit(userId);
  const [roomUsed = 0, accountUsed = 0] = await usageCounters.usedAll([room.key, account.key], HOUR_MS, now);
  return {
    roomUsed,
    roomLimit: room.max,
    accountUsed,
    accountLimit: account.max,
    resetsAt: new Date(now + secondsLeft(HOUR_MS, now) * 1000).toISOString(),
  };
}

/**
 * Before a person's message is stored: the room and their account must cover one decision per
 * agent. Returns the budget as it stands (a message itself spends no credits).
 */
export async function requireBudget(roomId: string, userId: string, agentCount: number): Promise<BudgetDTO> {
  const now = Date.now();
  const budget = await budgetFor(roomId, userId, now);
  if (agentCount === 0) return budget;
  const wait = secondsLeft(HOUR_MS, now);
  if (budget.roomUsed + agentCount * CREDIT_PRICE.submit > budget.roomLimit)
    throw budgetExhausted("room", budget.roomLimit, wait);
  if (budget.accountUsed + agentCount * CREDIT_PRICE.submit > budget.accountLimit)
    throw budgetExhausted("account", budget.accountLimit, wait);
  return budget;
}

/** Reserves a call's price from the room and the payer (all or nothing) before the call is made. */
export async function reserveCredits(
  roomId: string,
  payerId: string,
  credits: number,
): Promise<TakeAllResult> {
  const room = roomLimit(roomId);
  const result = await usageCounters.takeAll([room, accountLimit(payerId)], credits);
  // The take returned the room's new count: no second read to tell the room.
  if (result.ok)
    roomBus().publish(roomId, { type: "budget", roomUsed: result.used[0]!, roomLimit: room.max });
  return result;
}

/** A reserved call that cost nothing (superseded, failed) gives its credits back. */
export async function refundCredits(roomId: string, payerId: string, credits: number): Promise<void> {
  await usageCounters.giveBack(roomLimit(roomId), credits);
  await usageCounters.giveBack(accountLimit(payerId), credits);
  publishRoomBudget(roomId);
}

export function exhaustedMessage(result: Refused): string {
  const minutes = Math.ceil(result.retryAfterS / 60);
  const who = result.limit.key.startsWith("credits:room:") ? "This room" : "The account paying for this turn";
  return `${who} has used its ${result.limit.max} Turn-taking credits for this hour; agents stay quiet for ${minutes} min.`;
}

function publishRoomBudget(roomId: string): void {
  void usageCounters
    .used(roomLimit(roomId).key, HOUR_MS)
    .then((roomUsed) =>
      roomBus().publish(roomId, { type: "budget", roomUsed, roomLimit: roomLimit(roomId).max }),
    )
    .catch(() => {});
}
