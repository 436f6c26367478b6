// How far a bubble's actual appearance was from its schedule, for the review.

import type { ReviewBubble } from "./review-types";

/** Within this, a bubble counts as on time (the due worker's claim loop has some slack). */
export const ON_TIME_MS = 50;

/** shownAt − deliverAt in milliseconds; null for a bubble that was never shown. */
export function bubbleLagMs(bubble: Pick<ReviewBubble, "deliverAt" | "shownAt">): number | null {
  if (bubble.shownAt === null) return null;
  return Date.parse(bubble.shownAt) - Date.parse(bubble.deliverAt);
}

/** "on time", "0.4 s late", "1.2 s early"; null when there is nothing to compare. */
export function formatLag(lagMs: number | null): string | null {
  if (lagMs === null || !Number.isFinite(lagMs)) return null;
  if (Math.abs(lagMs) < ON_TIME_MS) return "on time";
  const seconds = Math.abs(lagMs) / 1000;
  const text = seconds < 10 ? seconds.toFixed(2) : seconds < 100 ? seconds.toFixed(1) : seconds.toFixed(0);
  return `${text} s ${lagMs > 0 ? "late" : "early"}`;
}

/** Milliseconds from the message heard to a scheduled time (first or last bubble), as "2.4 s". */
export function formatDelay(fromIso: string, toIso: string | null): string | null {
  if (toIso === null) return null;
  const ms = Date.parse(toIso) - Date.parse(fromIso);
  if (!Number.isFinite(ms)) return null;
  return `${(ms / 1000).toFixed(1)} s`;
}
