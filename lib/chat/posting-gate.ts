import "server-only";
import { processSingleton } from "@/lib/async/process-singleton";
import { Semaphore } from "@/lib/async/semaphore";
import { envNumber } from "@/lib/config/env-number";

/**
 * Messages this process stores and puts to their agents at once (CHAT_POSTING_CONCURRENCY);
 * the others wait their turn. Measured with 50 rooms posting within 100 ms on one 2-core
 * instance (npm run bench:room): with no bound, the 50 requests' database round trips
 * interleaved, every message was stored early and each one's agents were asked late ("all
 * decided" p50 150–240 ms in such rounds); with 8 at a time each message is stored and asked in
 * turn. A slot is held from before the sender's context is read until every agent has been asked
 * (not until they have decided), so a slow Turn-taking service does not hold it.
 */
export const POSTING_CONCURRENCY = Math.floor(envNumber(process.env.CHAT_POSTING_CONCURRENCY, 8, 1));

export const postingGate = (): Semaphore =>
  processSingleton("posting-gate", () => new Semaphore(POSTING_CONCURRENCY));
