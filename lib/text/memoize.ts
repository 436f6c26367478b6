// Bounded memoisation for pure string functions. The same lines are analysed
// again on every batch of a thread (the recent window slides by one), so
// normalising, tokenising and stemming each string once keeps a decision well
// under its latency budget. Invisible in results: the functions are pure.
//
// Entries live in two generations: new ones go to the young map; when it is full
// it becomes the old one and the previous old one is dropped, and a hit in the
// old map is carried over to the young one. Every call is O(1). (Evicting the
// oldest entry of one Map, one at a time, made V8 step over the holes that
// deleted entries leave at the front of its table on every eviction: a sixth of
// a decision's time.)

/** Longer keys (a whole system prompt) are computed directly rather than pinned in memory. */
const MAX_KEY_LENGTH = 2000;

export function memoize<T>(fn: (key: string) => T, maxEntries = 4096): (key: string) => T {
  const perGeneration = Math.max(1, Math.floor(maxEntries / 2));
  let young = new Map<string, T>();
  let old = new Map<string, T>();
  return (key: string) => {
    if (key.length > MAX_KEY_LENGTH) return fn(key);
    const hit = young.get(key);
    if (hit !== undefined) return hit;
    const value = old.get(key) ?? fn(key);
    if (young.size >= perGeneration) {
      old = young;
      young = new Map();
    }
    young.set(key, value);
    return value;
  };
}
