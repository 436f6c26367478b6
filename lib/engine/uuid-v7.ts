import { randomUUID } from "node:crypto";

let lastMs = 0;
let counter = 0;

/**
 * A time-ordered UUID (RFC 9562 version 7): 48 bits of milliseconds, then a 12-bit
 * counter that keeps ids from one process increasing within a millisecond, then 62
 * random bits. Rows keyed by increasing ids are appended to their indexes instead of
 * landing on a random page, so a commit writes fewer pages.
 */
export function uuidv7(now = Date.now()): string {
  if (now > lastMs) {
    lastMs = now;
    counter = 0;
  } else if (++counter > 0xfff) {
    // More than 4,096 ids in one millisecond: borrow the next one.
    lastMs += 1;
    counter = 0;
  }
  const time = lastMs.toString(16).padStart(12, "0");
  // randomUUID draws from a pooled buffer: its tail supplies the variant and the random bits.
  const random = randomUUID();
  return `${time.slice(0, 8)}-${time.slice(8)}-7${counter.toString(16).padStart(3, "0")}${random.slice(18)}`;
}
