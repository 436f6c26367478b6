import Redis from "ioredis";
import { randomHex } from "../ids";
import type { FrameRelay } from "./frame-relay";

const CHANNEL_PREFIX = "roundtable:engine:thread:";
const NUMSUB_CHUNK = 500;

/**
 * Redis pub/sub between engine instances: one channel per thread, subscribed while this
 * instance has sockets on it. Each message carries its sender's id, so an instance never
 * delivers its own frames twice. Redis being away costs only the other instances'
 * sockets their frames meanwhile (ioredis reconnects and subscribes again).
 */
export class RedisFrameRelay implements FrameRelay {
  private readonly origin = randomHex(16);
  private readonly pub: Redis;
  private readonly sub: Redis;
  private complained = false;

  constructor(
    url: string,
    private readonly deliver: (threadPk: string, text: string) => void,
  ) {
    // Frames are live: one that cannot go out now is not worth sending late. Following a
    // thread, though, waits for the connection, so it holds once Redis is back.
    this.pub = new Redis(url, { maxRetriesPerRequest: 1, enableOfflineQueue: false });
    this.sub = new Redis(url, { maxRetriesPerRequest: null });
    for (const connection of [this.pub, this.sub]) connection.on("error", (error) => this.complain(error));
    this.sub.on("message", (channel: string, message: string) => this.receive(channel, message));
  }

  follow(threadPk: string): void {
    this.sub.subscribe(CHANNEL_PREFIX + threadPk).catch((error) => this.complain(error));
  }

  unfollow(threadPk: string): void {
    this.sub.unsubscribe(CHANNEL_PREFIX + threadPk).catch((error) => this.complain(error));
  }

  send(threadPk: string, text: string): void {
    this.pub
      .publish(CHANNEL_PREFIX + threadPk, `${this.origin}\n${text}`)
      .catch((error) => this.complain(error));
  }

  async listened(threadPks: string[]): Promise<Set<string>> {
    const found = new Set<string>();
    try {
      // Instances subscribe to a thread's channel exactly while they have sockets on it;
      // one NUMSUB answers for many channels.
      for (let i = 0; i < threadPks.length; i += NUMSUB_CHUNK) {
        const chunk = threadPks.slice(i, i + NUMSUB_CHUNK);
        const reply = (await this.pub.call(
          "PUBSUB",
          "NUMSUB",
          ...chunk.map((pk) => CHANNEL_PREFIX + pk),
        )) as (string | number)[];
        chunk.forEach((pk, j) => {
          if (Number(reply[2 * j + 1]) > 0) found.add(pk);
        });
      }
    } catch (error) {
      this.complain(error);
    }
    return found;
  }

  async close(): Promise<void> {
    await Promise.allSettled([this.pub.quit(), this.sub.quit()]);
  }

  private receive(channel: string, message: string): void {
    if (!channel.startsWith(CHANNEL_PREFIX)) return;
    const newline = message.indexOf("\n");
    if (newline < 0 || message.slice(0, newline) === this.origin) return;
    this.deliver(channel.slice(CHANNEL_PREFIX.length), message.slice(newline + 1));
  }

  /** Once per outage, not once per frame. */
  private complain(error: unknown): void {
    if (this.complained) return;
    this.complained = true;
    console.error("engine: the Redis frame relay is failing; other instances' sockets miss frames:", error);
    setTimeout(() => {
      this.complained = false;
    }, 30_000).unref();
  }
}
