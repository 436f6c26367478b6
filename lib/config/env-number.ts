/**
 * A numeric setting from the environment: a finite number of at least `min`, else `fallback`
 * (unset, blank, not a number, or below `min`). A typo never turns a limit off.
 */
export function envNumber(value: string | undefined, fallback: number, min = 0): number {
  if (value === undefined || value.trim() === "") return fallback;
  const n = Number(value);
  return Number.isFinite(n) && n >= min ? n : fallback;
}
