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
import type { BudgetDTO } from "./types";

/**
 * Hourly Turn-taking credit budgets, per room and per account, priced as the API prices calls:
 * `submit_messages` 1 credit (free with `skip_decide`), `respond` 2 (free when superseded or
 * failed). The account charged is the person whose message started the work; an agent reply
 * relayed to the other agents is charged to the room's owner.
 */
export const CREDIT_PRICE = { submit: 1, respond: 2 } as const;
const HOUR_MS = 3_600_000;

export const roomLimit = (roomId: string): Limit => ({
  key: `credits:room:${roomId}`,
  max: limits().roomCreditsPerHour,
  windowMs: HOUR_MS,
});
export const accountLimit = (userId: string): Limit => ({
  key: `credits:account:${userId}`,
  max: limits().accountCreditsPerHour,
  windowMs: HOUR_MS,
});

/** The budget as counted: what the room and the account used this hour, against their limits. */
export function budgetOf(roomUsed: number, accountUsed: number, now = Date.now()): BudgetDTO {
  return {
    roomUsed,
    roomLimit: limits().roomCreditsPerHour,
    accountUsed,
    accountLimit: limits().accountCreditsPerHour,
    resetsAt: new Date(now + secondsLeft(HOUR_MS, now) * 1000).toISOString(),
  };
}

/** Tells the room's viewers how much of its budget is used. */
export function announceRoomBudget(roomId: string, roomUsed: number): void {
  roomBus().publish(roomId, { type: "budget", roomUsed, roomLimit: roomLimit(roomId).max });
}

export async function budgetFor(roomId: string, userId: string, now = Date.now()): Promise<BudgetDTO> {
  const keys = [roomLimit(roomId).key, accountLimit(userId).key];
  const [roomUsed = 0, accountUsed = 0] = await usageCounters.usedAll(keys, HOUR_MS, now);
  return budgetOf(roomUsed, accountUsed, now);
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
  if (result.ok) announceRoomBudget(roomId, result.used[0]!);
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
