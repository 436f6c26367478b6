/**
 * One instance per process, shared by server.ts and Next's bundled route code (which
 * load separate module copies but see the same globalThis).
 */
export function processSingleton<T>(name: string, make: () => T): T {
  const key = Symbol.for(`roundtable.${name}`);
  const g = globalThis as typeof globalThis & Record<symbol, T | undefined>;
  g[key] ??= make();
  return g[key];
}
