import { createHmac, timingSafeEqual } from "node:crypto";

export const GRANT_TTL_MS = 30_000;

export interface Grant {
  accountId: string;
  threadPk: string;
  threadId: string;
  expiresAt: number;
}

const sign = (secret: string, payload: string) =>
  createHmac("sha256", secret).update(payload).digest("base64url");

/** `<base64url payload>.<base64url HMAC-SHA256>` binding account, thread and expiry. */
export function issueGrant(secret: string, grant: Grant): string {
  const payload = Buffer.from(
    JSON.stringify({ a: grant.accountId, p: grant.threadPk, t: grant.threadId, e: grant.expiresAt }),
  ).toString("base64url");
  return `${payload}.${sign(secret, payload)}`;
}

export type GrantCheck =
  | { ok: true; grant: Grant }
  | { ok: false; reason: "malformed" | "forged" | "expired" };

export function verifyGrant(secret: string, token: string | null | undefined, now = Date.now()): GrantCheck {
  const [payload, signature, extra] = (token ?? "").split(".");
  if (!payload || !signature || extra !== undefined) return { ok: false, reason: "malformed" };
  const expected = Buffer.from(sign(secret, payload));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given))
    return { ok: false, reason: "forged" };
  try {
    const data = JSON.parse(Buffer.from(payload, "base64url").toString("utf8"));
    const grant: Grant = { accountId: data.a, threadPk: data.p, threadId: data.t, expiresAt: data.e };
    if (typeof grant.expiresAt !== "number" || typeof grant.threadPk !== "string")
      return { ok: false, reason: "malformed" };
    return grant.expiresAt <= now ? { ok: false, reason: "expired" } : { ok: true, grant };
  } catch {
    return { ok: false, reason: "malformed" };
  }
}
