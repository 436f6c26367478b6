import type { RoomStreamEvent } from "../types";

/**
 * Room events (messages, typing, presence, notices) reaching every open stream of a room,
 * on this instance or any other. A message event is a wake-up as much as a payload: streams
 * read messages from the database in seq order, so an event that arrives late or twice is harmless.
 */
export interface RoomEvents {
  publish(roomId: string, event: RoomStreamEvent): void;
  subscribe(roomId: string, listener: (event: RoomStreamEvent) => void): () => void;
  /** Marks a user present while a stream is open; returns the release. */
  join(roomId: string, userId: string): () => void;
  onlineUsers(roomId: string): Promise<ReadonlySet<string>>;
  close(): Promise<void>;
}

/** How long a stream's presence holds without being renewed (it renews on every keep-alive ping). */
export const PRESENCE_TTL_MS = 45_000;
