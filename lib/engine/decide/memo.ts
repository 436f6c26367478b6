// Bounded memoisation for pure string functions. The same lines are analysed
// again on every batch of a thread (the recent window slides by one), so
// normalising, tokenising and stemming each string once keeps a decision well
// under its latency budget. Least-recently-inserted entries are evicted one
// at a time (a Map keeps insertion order), so memory stays flat and no single
// decision pays for a mass eviction. Invisible in results: the functions are pure.

/** Longer keys (a whole system prompt) are computed directly rather than pinned in memory. */
const MAX_KEY_LENGTH = 2000;

export function memoize<T>(fn: (key: string) => T, maxEntries = 4096): (key: string) => T {
  const cache = new Map<string, T>();
  return (key: string) => {
    if (key.length > MAX_KEY_LENGTH) return fn(key);
    const hit = cache.get(key);
    if (hit !== undefined) return hit;
    const value = fn(key);
    cache.set(key, value);
    if (cache.size > maxEntries) {
      const oldest = cache.keys().next().value;
      if (oldest !== undefined) cache.delete(oldest);
    }
    return value;
  };
}
