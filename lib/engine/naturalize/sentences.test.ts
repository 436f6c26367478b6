import { describe, expect, it } from "vitest";
import { packSentences } from "./sentences";

describe("packSentences", () => {
  it("groups consecutive sentences up to the limit, in order", () => {
    expect(packSentences(["aaaa.", "bb.", "cccccc.", "d."], 10)).toEqual(["aaaa. bb.", "cccccc. d."]);
  });

  it("keeps an over-long sentence whole", () => {
    expect(packSentences(["x".repeat(30), "y."], 10)).toEqual(["x".repeat(30), "y."]);
  });
});
