import { randomBytes, randomUUID } from "node:crypto";
import { uuidv7 } from "./uuid-v7";

/**
 * Random hex for ids minted on every call and frame. randomUUID draws from a pooled
 * buffer, where randomBytes pays a system call each time; the UUID's fixed version
 * and variant digits are left out, so every character is random.
 */
export function randomHex(length: number): string {
  let out = "";
  while (out.length < length) {
    const u = randomUUID();
    out += u.slice(0, 8) + u.slice(9, 13) + u.slice(15, 18) + u.slice(20, 23) + u.slice(24);
  }
  return out.slice(0, length);
}

// Every id the API shows is minted here.
export const newThreadId = () => randomUUID();
// Row keys (and the scheduled and delivery ids built from them) are time-ordered UUIDs.
export const newRowId = () => uuidv7();
export const newUserId = () => `usr_${randomBytes(12).toString("hex")}`;
export const newEventId = () => `evt_${randomHex(32)}`;
export const newRequestId = () => `req_${randomHex(24)}`;
export const newTraceId = () => `trc_${randomHex(24)}`;
export const newApiKeyId = () => `key_${randomBytes(8).toString("hex")}`;
// Secrets keep randomBytes: they are rare, and a key is worth the system call.
export const newApiKeySecret = () => `ak_${randomBytes(24).toString("base64url")}`;
