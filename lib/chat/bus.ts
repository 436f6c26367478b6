import { processSingleton } from "@/lib/async/process-singleton";
import { onShutdown } from "@/lib/async/shutdown-hooks";
import { LocalRoomEvents } from "./events/local-room-events";
import { RedisRoomEvents } from "./events/redis-room-events";
import type { RoomEvents } from "./events/room-events";

/** The Redis URL shared by the app and the engine (ENGINE_REDIS_URL is the engine's older name). */
export function redisUrl(env: NodeJS.ProcessEnv = process.env): string | null {
  return env.REDIS_URL || env.ENGINE_REDIS_URL || null;
}

/**
 * Room events for this process: over Redis when REDIS_URL is set (several instances),
 * otherwise in memory. Shared by server.ts and Next's bundled route code.
 */
export const roomBus = (): RoomEvents =>
  processSingleton("room-bus", () => {
    const url = redisUrl();
    const events = url ? new RedisRoomEvents(url) : new LocalRoomEvents();
    onShutdown(() => events.close());
    return events;
  });
