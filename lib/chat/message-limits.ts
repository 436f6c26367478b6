import "server-only";
import { limits } from "@/lib/limits/config";
import { usageCounters } from "@/lib/limits/usage-counters";
import { rateLimited } from "./errors";
import { messageRateLimiter } from "./rate-limit";

const MINUTE_MS = 60_000;

/**
 * A message passes three limits: the sender's own (a token bucket in this process, so
 * bursts feel natural), and per room and per IP in the database (shared by every
 * instance), so fresh guests from one machine or in one room cannot multiply the allowance.
 */
export async function takeMessageAllowance(userId: string, roomId: string, ip: string): Promise<void> {
  const wait = messageRateLimiter().take(userId);
  if (wait > 0) throw rateLimited(wait);
  const { roomMessagesPerMinute, ipMessagesPerMinute } = limits();
  const result = await usageCounters.takeAll([
    { key: `messages:room:${roomId}`, max: roomMessagesPerMinute, windowMs: MINUTE_MS },
    { key: `messages:ip:${ip}`, max: ipMessagesPerMinute, windowMs: MINUTE_MS },
  ]);
  if (result.ok) return;
  if (result.limit.key.startsWith("messages:room:"))
    throw rateLimited(result.retryAfterS, "room", "This room is");
  throw rateLimited(result.retryAfterS, "ip", "Your network is");
}
