/**
 * Runs `work` with an abort signal that fires after `timeoutMs` (or when `signal` does),
 * and rejects at that moment even if `work` ignores the signal: a provider that does not
 * honour cancellation still cannot hold a live turn past its budget.
 */
export async function withDeadline<T>(
  timeoutMs: number,
  timeoutMessage: string,
  work: (signal: AbortSignal) => Promise<T>,
  signal?: AbortSignal,
): Promise<T> {
  const controller = new AbortController();
  const onCallerAbort = () => controller.abort(new Error("aborted"));
  signal?.addEventListener("abort", onCallerAbort, { once: true });
  const timer = setTimeout(() => controller.abort(new Error(timeoutMessage)), timeoutMs);
  const stopped = new Promise<never>((_, reject) => {
    controller.signal.addEventListener("abort", () => reject(controller.signal.reason), { once: true });
  });
  const call = work(controller.signal);
  // Whichever promise loses the race must not surface as an unhandled rejection.
  call.catch(() => {});
  stopped.catch(() => {});
  try {
    return await Promise.race([call, stopped]);
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener("abort", onCallerAbort);
    controller.abort();
  }
}
