import { describe, expect, it } from "vitest";
import { newEventId, newRequestId, newThreadId, newWireId, randomHex } from "./ids";

describe("randomHex", () => {
  it("has the asked length and only hex digits", () => {
    for (const length of [1, 12, 24, 29, 32, 64])
      expect(randomHex(length)).toMatch(new RegExp(`^[0-9a-f]{${length}}$`));
  });

  it("uses every hex digit in every position (no fixed UUID version or variant digit)", () => {
    const seen = Array.from({ length: 32 }, () => new Set<string>());
    for (let i = 0; i < 2000; i++) {
      const hex = randomHex(32);
      for (let p = 0; p < hex.length; p++) seen[p]!.add(hex[p]!);
    }
    for (const digits of seen) expect(digits.size).toBe(16);
  });

  it("gives the documented prefixes and no repeats", () => {
    const ids = Array.from({ length: 5000 }, () => newEventId());
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids[0]).toMatch(/^evt_[0-9a-f]{32}$/);
    expect(newRequestId()).toMatch(/^req_[0-9a-f]{24}$/);
  });
});

describe("wire ids", () => {
  it("are random UUIDs version 4 with the RFC 4122 variant", () => {
    const V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
    for (let i = 0; i < 100; i++) {
      expect(newWireId()).toMatch(V4);
      expect(newThreadId()).toMatch(V4);
    }
  });
});
