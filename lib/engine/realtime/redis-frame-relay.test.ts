import Redis from "ioredis";
import { afterAll, describe, expect, it } from "vitest";
import { RedisFrameRelay } from "./redis-frame-relay";

const REDIS_URL = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";
const relays: RedisFrameRelay[] = [];

afterAll(async () => {
  await Promise.all(relays.map((relay) => relay.close()));
});

async function redisAnswers(): Promise<boolean> {
  const probe = new Redis(REDIS_URL, {
    lazyConnect: true,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
  });
  probe.on("error", () => {});
  try {
    await probe.connect();
    await probe.ping();
    return true;
  } catch {
    console.warn(`Redis relay test skipped: no server at ${REDIS_URL}`);
    return false;
  } finally {
    probe.disconnect();
  }
}

describe("RedisFrameRelay.listened", () => {
  it("answers for many threads at once which another instance follows", async (ctx) => {
    if (!(await redisAnswers())) return ctx.skip();
    const here = new RedisFrameRelay(REDIS_URL, () => {});
    const there = new RedisFrameRelay(REDIS_URL, () => {});
    relays.push(here, there);
    const suffix = `${Date.now()}-${Math.random()}`;
    const threads = Array.from({ length: 1200 }, (_, i) => `t${i}-${suffix}`);
    const followed = [threads[0]!, threads[700]!, threads[1199]!];
    for (const pk of followed) there.follow(pk);
    await expect
      .poll(async () => [...(await here.listened(threads))].sort(), { timeout: 5000 })
      .toEqual([...followed].sort());
    there.unfollow(threads[700]!);
    await expect.poll(async () => (await here.listened(threads)).size, { timeout: 5000 }).toBe(2);
  });
});
