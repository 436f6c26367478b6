// Shared by the HTTP retries and the socket reconnects.

/**
 * Exponential delay with "equal jitter": half fixed, half random, so retries from many
 * clients spread out while each still waits at least half the nominal delay.
 */
export function backoffDelay(
  attempt: number,
  baseMs: number,
  maxMs = Number.POSITIVE_INFINITY,
  random = Math.random,
) {
  const nominal = Math.min(maxMs, baseMs * 2 ** attempt);
  return nominal / 2 + (nominal / 2) * random();
}

/** Waits `ms`, or rejects with the signal's reason as soon as it aborts. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason);
      return;
    }
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}
