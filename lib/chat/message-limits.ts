import "server-only";
import { limits } from "@/lib/limits/config";
import { usageCounters } from "@/lib/limits/usage-counters";
import { accountLimit, announceRoomBudget, budgetOf, CREDIT_PRICE, roomLimit } from "./budgets";
import { budgetExhausted, rateLimited } from "./errors";
import { messageRateLimiter } from "./rate-limit";
import type { BudgetDTO } from "./types";

const MINUTE_MS = 60_000;

/** What admitting a message took: the budget after it, and how to give it all back. */
export interface Admission {
  budget: BudgetDTO;
  /** the message could not be stored after all: nothing it took stays taken */
  giveBack(): Promise<void>;
}

/**
 * A person's message passes its limits and reserves one decision for each agent of the room,
 * all in one statement (when one refuses, nothing is taken): the room's and the sender's hourly
 * credit budgets, then the per-minute message limits of the room and of the sender's network,
 * shared by every instance. The sender's own token bucket, in this process, comes first, so
 * bursts feel natural. The reservation makes the agents' decisions paid before they start.
 */
export async function admitMessage(
  userId: string,
  roomId: string,
  ip: string,
  agentCount: number,
): Promise<Admission> {
  const wait = messageRateLimiter().take(userId);
  if (wait > 0) throw rateLimited(wait);
  const { roomMessagesPerMinute, ipMessagesPerMinute } = limits();
  const credits = agentCount * CREDIT_PRICE.submit;
  const taken = [
    { ...roomLimit(roomId), amount: credits },
    { ...accountLimit(userId), amount: credits },
    { key: `messages:room:${roomId}`, max: roomMessagesPerMinute, windowMs: MINUTE_MS, amount: 1 },
    { key: `messages:ip:${ip}`, max: ipMessagesPerMinute, windowMs: MINUTE_MS, amount: 1 },
  ];
  const now = Date.now();
  const result = await usageCounters.takeAll(taken, 1, now);
  if (!result.ok) {
    const { key, max } = result.limit;
    if (key === taken[0]!.key) throw budgetExhausted("room", max, result.retryAfterS);
    if (key === taken[1]!.key) throw budgetExhausted("account", max, result.retryAfterS);
    if (key === taken[2]!.key) throw rateLimited(result.retryAfterS, "room", "This room is");
    throw rateLimited(result.retryAfterS, "ip", "Your network is");
  }
  const [roomUsed = 0, accountUsed = 0] = result.used;
  if (credits > 0) announceRoomBudget(roomId, roomUsed);
  return {
    budget: budgetOf(roomUsed, accountUsed, now),
    giveBack: async () => {
      for (const limit of taken) if (limit.amount > 0) await usageCounters.giveBack(limit, limit.amount, now);
    },
  };
}
