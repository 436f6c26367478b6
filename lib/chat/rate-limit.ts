import { processSingleton } from "@/lib/async/process-singleton";

/** A token bucket per key: `capacity` messages, refilled at `perSecond`. */
export class RateLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  constructor(
    private readonly capacity: number,
    private readonly perSecond: number,
  ) {}

  /** Takes one token; returns 0 when allowed, else seconds until one is free. */
  take(key: string, now = Date.now()): number {
    const bucket = this.buckets.get(key) ?? { tokens: this.capacity, at: now };
    bucket.tokens = Math.min(this.capacity, bucket.tokens + ((now - bucket.at) / 1000) * this.perSecond);
    bucket.at = now;
    this.buckets.set(key, bucket);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return 0;
    }
    return Math.ceil((1 - bucket.tokens) / this.perSecond);
  }
}

/** Per user: bursts of 8, then one message every 1.5 s (configurable for tests). */
export const messageRateLimiter = (): RateLimiter =>
  processSingleton(
    "message-rate-limit",
    () =>
      new RateLimiter(
        Number(process.env.CHAT_RATE_BURST ?? 8),
        Number(process.env.CHAT_RATE_PER_SECOND ?? 0.67),
      ),
  );
