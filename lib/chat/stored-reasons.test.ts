import { describe, expect, it } from "vitest";
import { parseStoredReasons, serializeReasons } from "./stored-reasons";

describe("stored reasons", () => {
  it("round-trip as [{factor, weight, detail}]", () => {
    const reasons = [
      { factor: "addressed", weight: 2.1, detail: "named" },
      { factor: "base", weight: -0.4 },
    ];
    const json = serializeReasons(reasons);
    expect(JSON.parse(json)).toEqual(reasons);
    expect(parseStoredReasons(json)).toEqual(reasons);
  });

  it("keep only the documented fields", () => {
    const json = serializeReasons([{ factor: "x", weight: 1, extra: true } as never]);
    expect(JSON.parse(json)).toEqual([{ factor: "x", weight: 1 }]);
  });

  it("read nothing from missing or malformed values", () => {
    expect(parseStoredReasons(null)).toBeNull();
    expect(parseStoredReasons("{")).toBeNull();
    expect(parseStoredReasons('[{"factor":"x"}]')).toBeNull();
    expect(parseStoredReasons('{"factor":"x","weight":1}')).toBeNull();
  });
});
