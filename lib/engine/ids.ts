import { randomBytes, randomUUID } from "node:crypto";

// Every id the API shows is minted here.
export const newThreadId = () => randomUUID();
export const newRowId = () => randomUUID();
export const newUserId = () => `usr_${randomBytes(12).toString("hex")}`;
export const newEventId = () => `evt_${randomBytes(16).toString("hex")}`;
export const newRequestId = () => `req_${randomBytes(12).toString("hex")}`;
export const newTraceId = () => `trc_${randomBytes(12).toString("hex")}`;
export const newApiKeyId = () => `key_${randomBytes(8).toString("hex")}`;
export const newApiKeySecret = () => `ak_${randomBytes(24).toString("base64url")}`;
