import { LruMap } from "../collections/lru-map";

export interface RateLimitOptions {
  /** Sustained writes per second per key; 0 turns the limit off. */
  perSecond: number;
  /** Writes a key may make at once after being idle. */
  burst: number;
}

const TRACKED_KEYS = 10_000;

/**
 * A token bucket per API key, in memory (each engine instance limits what reaches it).
 * Free calls (skip_decide submits, superseded responds, events) still write rows, so
 * writes are limited whatever they cost in credits.
 */
export class WriteRateLimit {
  private readonly buckets = new LruMap<string, { tokens: number; at: number }>(TRACKED_KEYS);

  constructor(private readonly options: RateLimitOptions) {}

  /** 0 when the write may proceed (and is counted), else the seconds until it may. */
  take(keyId: string, now = Date.now()): number {
    const { perSecond, burst } = this.options;
    if (perSecond <= 0) return 0;
    const bucket = this.buckets.get(keyId) ?? { tokens: burst, at: now };
    bucket.tokens = Math.min(burst, bucket.tokens + ((now - bucket.at) / 1000) * perSecond);
    bucket.at = now;
    this.buckets.set(keyId, bucket);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return 0;
    }
    return Math.max(1, Math.ceil((1 - bucket.tokens) / perSecond));
  }
}
