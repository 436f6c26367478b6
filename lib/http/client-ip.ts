/** Set by server.ts from the socket (or from X-Forwarded-For behind a trusted proxy), never by clients. */
export const CLIENT_IP_HEADER = "x-roundtable-client-ip";

/**
 * The caller's IP for per-IP limits. server.ts overwrites CLIENT_IP_HEADER on every request, so
 * a client cannot choose it; without server.ts (a platform such as Vercel) the platform's
 * X-Forwarded-For is used.
 */
export function clientIp(headers: Headers): string {
  const fromServer = headers.get(CLIENT_IP_HEADER);
  if (fromServer) return fromServer;
  const forwarded = headers.get("x-forwarded-for")?.split(",")[0]?.trim();
  return forwarded || headers.get("x-real-ip") || "unknown";
}

/** What server.ts stores: the socket's address, or the proxy's first hop when TRUST_PROXY=1. */
export function socketClientIp(
  remoteAddress: string | undefined,
  forwardedFor: string | string[] | undefined,
  trustProxy: boolean,
): string {
  const forwarded = Array.isArray(forwardedFor) ? forwardedFor[0] : forwardedFor;
  const first = forwarded?.split(",")[0]?.trim();
  const ip = (trustProxy && first) || remoteAddress || "unknown";
  // IPv4 clients of a dual-stack socket show as ::ffff:1.2.3.4.
  return ip.startsWith("::ffff:") ? ip.slice(7) : ip;
}
