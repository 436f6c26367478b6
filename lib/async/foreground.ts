import { envNumber } from "../config/env-number";
import { processSingleton } from "./process-singleton";

/**
 * The longest background work waits for a person's message to be decided (CHAT_FOREGROUND_YIELD_MS).
 * Measured with 50 rooms posting at once on one 2-core instance (npm run bench:room): at 250 ms
 * the drafts and relays of the rooms decided first joined in while the last rooms were still
 * deciding, and "all decided" p95 was 283, 380 and 355 ms in three runs; at 1,000 ms 205, 280
 * and 220 ms, most rounds deciding within 50 ms of the message. The price, in a burst only: a
 * reply's drafting may start up to that much later, and the stored copy of a due bubble (history,
 * room stream) may show that much late; browsers with the agent's socket get bubbles on time.
 */
export const YIELD_MAX_MS = envNumber(process.env.CHAT_FOREGROUND_YIELD_MS, 1000);

/**
 * Work someone is waiting for (a person's message until its agents have decided) goes before
 * this process's background work (showing due bubbles, relaying finished replies, drafting a
 * reply whose pacing starts seconds out anyway, writing the review's records): background
 * work waits while any foreground work is in flight, up to a bound, so that a burst of messages
 * is not queued behind the previous burst's deliveries. Only ordering within one process: the
 * background rows stay in the database for any instance.
 */
export class Foreground {
  private inFlight = 0;
  private waiting: Array<() => void> = [];

  async run<T>(work: () => Promise<T>): Promise<T> {
    this.inFlight += 1;
    try {
      return await work();
    } finally {
      this.inFlight -= 1;
      if (this.inFlight === 0) this.release();
    }
  }

  /** Resolves when no foreground work is in flight, or after `maxWaitMs` at the latest. */
  clear(maxWaitMs = YIELD_MAX_MS): Promise<void> {
    if (this.inFlight === 0) return Promise.resolve();
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        resolve();
      };
      const timer = setTimeout(() => {
        this.waiting = this.waiting.filter((w) => w !== done);
        resolve();
      }, maxWaitMs);
      this.waiting.push(done);
    });
  }

  get busy(): boolean {
    return this.inFlight > 0;
  }

  private release(): void {
    const waiting = this.waiting;
    this.waiting = [];
    for (const done of waiting) done();
  }
}

export const foreground = (): Foreground => processSingleton("foreground", () => new Foreground());
