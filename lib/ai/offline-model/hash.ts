/**
 * FNV-1a (32-bit): a tiny, stable string hash. Phrasing varies with the input
 * but never between runs, which keeps the offline model deterministic.
 */
export function hashString(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** Picks one item; the salt lets independent choices share a seed without moving together. */
export function pick<T>(items: readonly T[], seed: number, salt: string): T {
  if (items.length === 0) throw new Error(`pick(${salt}): empty list`);
  return items[hashString(`${seed}:${salt}`) % items.length]!;
}

/** A deterministic yes/no with roughly 1-in-`odds` chance of yes. */
export function chance(seed: number, salt: string, odds: number): boolean {
  return hashString(`${seed}:${salt}`) % odds === 0;
}
