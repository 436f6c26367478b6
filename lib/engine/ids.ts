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

// Every id the API shows (thread, scheduled bubble, delivery) is a random UUID v4, as the
// hosted service's are: clients validate them with [1-5] in the version position.
export const newWireId = () => randomUUID();
export const newThreadId = newWireId;
// Internal row keys, never on the wire, are time-ordered UUIDs: inserts append to their indexes.
export const newRowId = () => uuidv7();
export const newUserId = () => `usr_${randomBytes(12).toString("hex")}`;
export const newEventId = () => `evt_${randomHex(32)}`;
export const newRequestId = () => `req_${randomHex(24)}`;
export const newTraceId = () => `trc_${randomHex(24)}`;
export const newApiKeyId = () => `key_${randomBytes(8).toString("hex")}`;
// Secrets keep randomBytes: they are rare, and a key is worth the system call.
export const newApiKeySecret = () => `ak_${randomBytes(24).toString("base64url")}`;
