import { EventEmitter } from "node:events";
import { processSingleton } from "@/lib/async/process-singleton";
import type { RoomStreamEvent } from "./types";

/**
 * In-process fan-out of room events to open streams, plus presence (who has a stream
 * open). One per process, shared by server.ts and Next's bundled route code.
 */
class RoomBus {
  private readonly emitter = new EventEmitter();
  private readonly online = new Map<string, Map<string, number>>();

  constructor() {
    this.emitter.setMaxListeners(0);
  }

  publish(roomId: string, event: RoomStreamEvent): void {
    this.emitter.emit(roomId, event);
  }

  subscribe(roomId: string, listener: (event: RoomStreamEvent) => void): () => void {
    this.emitter.on(roomId, listener);
    return () => this.emitter.off(roomId, listener);
  }

  /** Marks a user present while a stream is open; returns the release. */
  join(roomId: string, userId: string): () => void {
    const room = this.online.get(roomId) ?? new Map<string, number>();
    this.online.set(roomId, room);
    room.set(userId, (room.get(userId) ?? 0) + 1);
    return () => {
      const n = (room.get(userId) ?? 1) - 1;
      if (n <= 0) room.delete(userId);
      else room.set(userId, n);
    };
  }

  isOnline(roomId: string, userId: string): boolean {
    return (this.online.get(roomId)?.get(userId) ?? 0) > 0;
  }
}

export const roomBus = (): RoomBus => processSingleton("room-bus", () => new RoomBus());
