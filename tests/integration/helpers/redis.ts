import Redis from "ioredis";

export const TEST_REDIS_URL = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";

/** The test Redis's URL, or null (with a notice) when no server answers there. */
export async function reachableRedis(): Promise<string | null> {
  const probe = new Redis(TEST_REDIS_URL, {
    lazyConnect: true,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
  });
  probe.on("error", () => {});
  try {
    await probe.connect();
    await probe.ping();
    return TEST_REDIS_URL;
  } catch (error) {
    console.warn(`Redis tests skipped: no server at ${TEST_REDIS_URL} (${(error as Error).message})`);
    return null;
  } finally {
    probe.disconnect();
  }
}
