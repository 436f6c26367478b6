/** A bubble scheduled for delivery, as the scheduler's timers hold it. */
export interface PendingBubble {
  id: string;
  threadPk: string;
  threadId: string;
  replyPk: string;
  messageId: string;
  content: string;
  position: number;
  isLast: boolean;
  deliverAt: number;
  metadata: unknown;
  sender: string;
}
