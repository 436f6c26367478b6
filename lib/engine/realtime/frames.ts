import { newEventId } from "../ids";
import { formatOffsetTimestamp, formatTimestamp } from "../time";

export const channelOf = (threadId: string) => `turn-taking-thread/${threadId}`;

export type FrameType = "turn_taking.typing" | "turn_taking.message" | "turn_taking.signal";

export interface Envelope<T = unknown> {
  id: string;
  type: FrameType;
  channel: string;
  ts: string;
  data: T;
}

export function envelope<T>(type: FrameType, threadId: string, data: T, at = Date.now()): Envelope<T> {
  return { id: newEventId(), type, channel: channelOf(threadId), ts: formatTimestamp(at), data };
}

export function attachedFrame(threadId: string, at = Date.now()) {
  return { type: "attached", channel: channelOf(threadId), server_time: formatOffsetTimestamp(at) };
}
