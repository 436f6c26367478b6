import { networkInterfaces } from "node:os";

/**
 * Hosts that may load the dev server's assets (Next blocks other origins, which leaves a page
 * that never hydrates): loopback, the HOST the server binds, every address of this machine
 * when it binds all interfaces (opened from another device on the network), and
 * DEV_ALLOWED_ORIGINS (comma-separated hostnames, e.g. "mybox.local").
 */
export function devOrigins(env: Record<string, string | undefined> = process.env): string[] {
  const hosts = new Set(["localhost", "127.0.0.1", "[::1]"]);
  const bind = env.HOST ?? "0.0.0.0";
  if (bind === "0.0.0.0" || bind === "::") {
    for (const addresses of Object.values(networkInterfaces()))
      for (const a of addresses ?? []) hosts.add(a.family === "IPv6" ? `[${a.address}]` : a.address);
  } else hosts.add(bind);
  for (const extra of (env.DEV_ALLOWED_ORIGINS ?? "").split(",")) if (extra.trim()) hosts.add(extra.trim());
  return [...hosts];
}
