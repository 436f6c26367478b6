// The columns a turn carries only for the review's aggregates, derived from its times when the
// row is written: grouping by a stored day and delay reads an index in order, where grouping by
// an expression over the timestamps sorts every turn in scope.

export interface TurnReviewColumns {
  /** the UTC day of `at`, YYYY-MM-DD */
  day: string;
  /** whole milliseconds from `at` to the first and last bubble (null without bubbles) */
  firstDelayMs: number | null;
  lastDelayMs: number | null;
}

const delay = (at: Date, bubble: Date | null | undefined) =>
  bubble ? Math.max(0, Math.floor(bubble.getTime() - at.getTime())) : null;

export function turnReviewColumns(
  at: Date,
  firstBubbleAt?: Date | null,
  lastBubbleAt?: Date | null,
): TurnReviewColumns {
  return {
    day: at.toISOString().slice(0, 10),
    firstDelayMs: delay(at, firstBubbleAt),
    lastDelayMs: delay(at, lastBubbleAt),
  };
}
