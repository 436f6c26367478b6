/** Polls `check` until it holds or `ms` pass; true when it held. For tests of things that settle on their own. */
export async function eventually(
  check: () => boolean | Promise<boolean>,
  ms = 2000,
  stepMs = 5,
): Promise<boolean> {
  const start = Date.now();
  while (!(await check())) {
    if (Date.now() - start > ms) return false;
    await new Promise((r) => setTimeout(r, stepMs));
  }
  return true;
}
