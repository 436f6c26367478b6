import { afterAll, describe, expect, it } from "vitest";
import { reachableRedis } from "@/tests/integration/helpers/redis";
import { RedisFrameRelay } from "./redis-frame-relay";

const relays: RedisFrameRelay[] = [];

afterAll(async () => {
  await Promise.all(relays.map((relay) => relay.close()));
});

describe("RedisFrameRelay.listened", () => {
  it("answers for many threads at once which another instance follows", async (ctx) => {
    const url = await reachableRedis();
    if (!url) return ctx.skip();
    const here = new RedisFrameRelay(url, () => {});
    const there = new RedisFrameRelay(url, () => {});
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
