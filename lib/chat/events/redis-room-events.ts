import { randomBytes } from "node:crypto";
import Redis from "ioredis";
import type { RoomStreamEvent } from "../types";
import { LocalRoomEvents } from "./local-room-events";
import { PRESENCE_TTL_MS, type RoomEvents } from "./room-events";

const CHANNEL_PREFIX = "roundtable:room:";
const PRESENCE_PREFIX = "roundtable:presence:";
const RENEW_EVERY_MS = 15_000;

/**
 * Several app instances: every event also goes out on its room's Redis channel, which an
 * instance follows while it has streams open in that room; its own messages come back
 * tagged with its origin and are skipped (local listeners already had them). Presence is a
 * sorted set per room (member "user|stream", score = expiry), so a crashed instance's
 * streams fall out by themselves after PRESENCE_TTL_MS.
 */
export class RedisRoomEvents implements RoomEvents {
  private readonly origin = randomBytes(8).toString("hex");
  private readonly local = new LocalRoomEvents();
  private readonly followers = new Map<string, number>();
  private readonly pub: Redis;
  private readonly sub: Redis;
  private complained = false;

  constructor(url: string) {
    // Live events that cannot go out now are not worth sending late; presence and following wait.
    this.pub = new Redis(url, { maxRetriesPerRequest: 1, enableOfflineQueue: true, lazyConnect: false });
    this.sub = new Redis(url, { maxRetriesPerRequest: null });
    for (const connection of [this.pub, this.sub]) connection.on("error", (error) => this.complain(error));
    this.sub.on("message", (channel: string, message: string) => this.receive(channel, message));
  }

  publish(roomId: string, event: RoomStreamEvent): void {
    this.local.publish(roomId, event);
    this.pub
      .publish(CHANNEL_PREFIX + roomId, `${this.origin}\n${JSON.stringify(event)}`)
      .catch((error) => this.complain(error));
  }

  subscribe(roomId: string, listener: (event: RoomStreamEvent) => void): () => void {
    const unsubscribe = this.local.subscribe(roomId, listener);
    const n = this.followers.get(roomId) ?? 0;
    this.followers.set(roomId, n + 1);
    if (n === 0) this.sub.subscribe(CHANNEL_PREFIX + roomId).catch((error) => this.complain(error));
    let done = false;
    return () => {
      if (done) return;
      done = true;
      unsubscribe();
      const left = (this.followers.get(roomId) ?? 1) - 1;
      if (left > 0) {
        this.followers.set(roomId, left);
        return;
      }
      this.followers.delete(roomId);
      this.sub.unsubscribe(CHANNEL_PREFIX + roomId).catch((error) => this.complain(error));
    };
  }

  join(roomId: string, userId: string): () => void {
    const key = PRESENCE_PREFIX + roomId;
    const member = `${userId}|${randomBytes(6).toString("hex")}`;
    const renew = () => {
      this.pub
        .multi()
        .zadd(key, Date.now() + PRESENCE_TTL_MS, member)
        .zremrangebyscore(key, "-inf", Date.now())
        .pexpire(key, PRESENCE_TTL_MS)
        .exec()
        .catch((error) => this.complain(error));
    };
    renew();
    const timer = setInterval(renew, RENEW_EVERY_MS);
    timer.unref();
    let released = false;
    return () => {
      if (released) return;
      released = true;
      clearInterval(timer);
      this.pub.zrem(key, member).catch((error) => this.complain(error));
    };
  }

  async onlineUsers(roomId: string): Promise<ReadonlySet<string>> {
    try {
      const members = await this.pub.zrangebyscore(PRESENCE_PREFIX + roomId, Date.now(), "+inf");
      return new Set(members.map((m) => m.slice(0, m.lastIndexOf("|"))));
    } catch (error) {
      this.complain(error);
      return new Set();
    }
  }

  async close(): Promise<void> {
    await this.local.close();
    await Promise.allSettled([this.pub.quit(), this.sub.quit()]);
  }

  private receive(channel: string, message: string): void {
    if (!channel.startsWith(CHANNEL_PREFIX)) return;
    const newline = message.indexOf("\n");
    if (newline < 0 || message.slice(0, newline) === this.origin) return;
    try {
      this.local.publish(channel.slice(CHANNEL_PREFIX.length), JSON.parse(message.slice(newline + 1)));
    } catch {
      // Not one of ours: ignore.
    }
  }

  /** Once per outage, not once per event. */
  private complain(error: unknown): void {
    if (this.complained) return;
    this.complained = true;
    console.error("chat: Redis room events are failing; other instances' streams miss live events:", error);
    setTimeout(() => {
      this.complained = false;
    }, 30_000).unref();
  }
}
