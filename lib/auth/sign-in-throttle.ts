import "server-only";
import { limits } from "@/lib/limits/config";
import { type Limit, secondsLeft, usageCounters } from "@/lib/limits/usage-counters";

/**
 * Failed sign-ins per account (the e-mail as typed, whether or not it exists, so refusals
 * reveal nothing) and per IP, counted in the database for every instance. Each attempt
 * reserves a failure before the password is checked, so a parallel flood cannot slip past
 * the limit; a success gives the reservation back.
 */
function throttleLimits(email: string, ip: string): Limit[] {
  const c = limits();
  return [
    {
      key: `signin-fail:account:${email.toLowerCase()}`,
      max: c.signInFailuresPerAccount,
      windowMs: c.signInWindowMs,
    },
    { key: `signin-fail:ip:${ip}`, max: c.signInFailuresPerIp, windowMs: c.signInWindowMs },
  ];
}

export type GuardedSignIn<T> =
  | { status: "ok"; user: T }
  | { status: "wrong" }
  | { status: "throttled"; retryAfterS: number };

export async function guardSignIn<T>(
  email: string,
  ip: string,
  check: () => Promise<T | null>,
): Promise<GuardedSignIn<T>> {
  const reserved = throttleLimits(email, ip);
  const taken = await usageCounters.takeAll(reserved);
  if (!taken.ok) return { status: "throttled", retryAfterS: taken.retryAfterS };
  const user = await check();
  if (!user) return { status: "wrong" };
  for (const limit of reserved) await usageCounters.giveBack(limit);
  return { status: "ok", user };
}

/** Seconds until this e-mail or IP may try again (0: now), without using an attempt. */
export async function signInWait(email: string, ip: string): Promise<number> {
  const now = Date.now();
  for (const limit of throttleLimits(email, ip)) {
    if ((await usageCounters.used(limit.key, limit.windowMs, now)) >= limit.max)
      return secondsLeft(limit.windowMs, now);
  }
  return 0;
}

export function throttledMessage(retryAfterS: number): string {
  const wait = retryAfterS >= 90 ? `${Math.ceil(retryAfterS / 60)} minutes` : `${retryAfterS} seconds`;
  return `Too many sign-in attempts. Try again in ${wait}.`;
}
