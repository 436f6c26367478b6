import { createHash } from "node:crypto";
import { LruMap } from "@/lib/collections/lru-map";

/** Auth.js's session cookie, plain or `__Secure-`, whole or in chunks (`.0`, `.1`, …). */
const SESSION_COOKIE = /^(?:__Secure-)?authjs\.session-token(?:\.\d+)?$/;

/**
 * The session cookies of a Cookie header, in a stable order: what identifies the session.
 * Null when there are none.
 */
export function sessionCookies(cookieHeader: string | null): string | null {
  if (!cookieHeader) return null;
  const parts: string[] = [];
  for (const pair of cookieHeader.split(";")) {
    const at = pair.indexOf("=");
    if (at <= 0) continue;
    const name = pair.slice(0, at).trim();
    if (SESSION_COOKIE.test(name)) parts.push(`${name}=${pair.slice(at + 1).trim()}`);
  }
  return parts.length > 0 ? parts.sort().join("; ") : null;
}

/**
 * Who a session cookie belongs to, remembered for five minutes. Reading a JSON Web Token session
 * takes several trips through the crypto thread pool (key derivation, decryption, and the
 * re-encryption Auth.js does for a cookie a route handler never sends); under a burst of
 * messages each trip waits its turn on a busy event loop, and the reads took hundreds of ms.
 * The cookie is encrypted and authenticated, so the same string always means the same user;
 * a JWT session has no server-side revocation to miss (a session due to end within the five
 * minutes may be honoured up to five minutes longer). Only signed-in answers are kept.
 */
export class SessionCache<U> {
  private readonly entries: LruMap<string, { user: U; until: number }>;

  constructor(
    private readonly ttlMs = 5 * 60_000,
    capacity = 10_000,
  ) {
    this.entries = new LruMap(capacity);
  }

  async userOf(
    cookieHeader: string | null,
    read: () => Promise<U | null>,
    now = Date.now(),
  ): Promise<U | null> {
    const cookies = sessionCookies(cookieHeader);
    if (cookies === null) return read();
    // A digest, not the cookie: a tenth of the memory, and no credential kept as a key.
    const key = createHash("sha256").update(cookies).digest("base64url");
    const known = this.entries.get(key);
    if (known && known.until > now) return known.user;
    const user = await read();
    if (user === null) this.entries.delete(key);
    else this.entries.set(key, { user, until: now + this.ttlMs });
    return user;
  }
}
