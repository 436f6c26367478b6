// Which page of a room's review holds a given message. A page is the messages numbered
// below `before` (the latest REVIEW_MESSAGE_LIMIT of them); the turns shown run from the
// page's first message to the next page's first, so a message's turns are on its page.

/**
 * The `before` that ends a page `count` messages after a point, given the numbers of the
 * messages after that point in order (at least count + 1 of them read, when there are
 * that many): undefined when fewer follow, meaning the latest page.
 */
export function beforeAfter(laterSeqs: readonly number[], count: number): number | undefined {
  return laterSeqs.length > count ? laterSeqs[count] : undefined;
}

/**
 * A page around a message: it holds the message and, when the room has them, half a page
 * of what followed, so a deep-linked decision is read with what came of it.
 */
export function pageAround(laterSeqs: readonly number[], pageSize: number): number | undefined {
  return beforeAfter(laterSeqs, halfPage(pageSize));
}

/** Less than a page, so the message itself stays on it. */
export function halfPage(pageSize: number): number {
  return Math.floor(pageSize / 2);
}
