/**
 * One agent bubble's identity, known both to the server (from `respond`'s schedule) and to
 * browsers (from the socket frame's `metadata.reply_key` and `position`), so a bubble shown
 * early from the socket and the stored copy that arrives later are one bubble.
 */
export function bubbleKey(replyKey: string, position: number): string {
  return `${replyKey}:${position}`;
}
