import { describe, expect, it } from "vitest";
import { formatOffsetTimestamp, formatTimestamp } from "./time";

describe("formatTimestamp", () => {
  it("prints microseconds and a literal Z", () => {
    expect(formatTimestamp(Date.UTC(2026, 5, 16, 12, 0, 0, 123))).toBe("2026-06-16T12:00:00.123000Z");
    expect(formatTimestamp(new Date("2026-01-01T00:00:00Z"))).toMatch(
      /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$/,
    );
  });
});

describe("formatOffsetTimestamp", () => {
  it("prints the same instant with +00:00, as attached.server_time does", () => {
    expect(formatOffsetTimestamp(Date.UTC(2026, 5, 16, 12, 0, 0, 123))).toBe(
      "2026-06-16T12:00:00.123000+00:00",
    );
  });
});
