import { describe, expect, it } from "vitest";
import { issueGrant, verifyGrant } from "./grants";

const grant = { accountId: "usr_1", threadPk: "pk", threadId: "tid", expiresAt: 10_000 };

describe("realtime grants", () => {
  it("round-trips a valid grant until it expires", () => {
    const token = issueGrant("s3cret", grant);
    expect(verifyGrant("s3cret", token, 9_999)).toEqual({ ok: true, grant });
    expect(verifyGrant("s3cret", token, 10_000)).toEqual({ ok: false, reason: "expired" });
  });

  it("rejects forged and malformed tokens", () => {
    const token = issueGrant("s3cret", grant);
    expect(verifyGrant("other", token, 0).ok).toBe(false);
    const [payload, sig] = token.split(".");
    const tampered = `${Buffer.from(JSON.stringify({ a: "usr_2", p: "pk", t: "tid", e: 10_000 })).toString("base64url")}.${sig}`;
    expect(verifyGrant("s3cret", tampered, 0)).toEqual({ ok: false, reason: "forged" });
    expect(verifyGrant("s3cret", payload, 0)).toEqual({ ok: false, reason: "malformed" });
    expect(verifyGrant("s3cret", "", 0)).toEqual({ ok: false, reason: "malformed" });
  });
});
