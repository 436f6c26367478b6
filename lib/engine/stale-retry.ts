import { upstreamError } from "./errors";
import { StaleWriteError } from "./store/sql";

/** Attempts before a call that keeps losing the race for its thread gives up with a 502. */
const MAX_ATTEMPTS = 10;

/**
 * Runs `attempt` again while its guarded write finds that another engine instance
 * changed the thread first (only possible when several share a Postgres database).
 * Each attempt reads the thread afresh, so the winner's batch is part of what it sees;
 * a short random pause keeps two instances from colliding in step again.
 */
export async function retryStale<T>(attempt: () => Promise<T>): Promise<T> {
  for (let n = 1; ; n++) {
    try {
      return await attempt();
    } catch (error) {
      if (!(error instanceof StaleWriteError)) throw error;
      if (n >= MAX_ATTEMPTS) throw upstreamError("the thread kept changing under this call; it");
      await new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(50, 2 ** n)));
    }
  }
}
