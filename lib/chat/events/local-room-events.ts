import { EventEmitter } from "node:events";
import type { RoomStreamEvent } from "../types";
import type { RoomEvents } from "./room-events";

/** One process: events and presence in memory (the default, without REDIS_URL). */
export class LocalRoomEvents implements RoomEvents {
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

  join(roomId: string, userId: string): () => void {
    const room = this.online.get(roomId) ?? new Map<string, number>();
    this.online.set(roomId, room);
    room.set(userId, (room.get(userId) ?? 0) + 1);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const n = (room.get(userId) ?? 1) - 1;
      if (n <= 0) room.delete(userId);
      else room.set(userId, n);
      if (room.size === 0) this.online.delete(roomId);
    };
  }

  async onlineUsers(roomId: string): Promise<ReadonlySet<string>> {
    return new Set(this.online.get(roomId)?.keys() ?? []);
  }

  async close(): Promise<void> {
    this.emitter.removeAllListeners();
  }
}
