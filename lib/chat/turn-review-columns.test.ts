import { describe, expect, it } from "vitest";
import { turnReviewColumns } from "./turn-review-columns";

describe("turnReviewColumns", () => {
  it("takes the UTC day and the whole milliseconds to each bubble", () => {
    const at = new Date("2026-12-06T23:59:59.900Z");
    expect(
      turnReviewColumns(at, new Date("2026-12-07T00:00:01.150Z"), new Date("2026-12-07T00:00:04.9009Z")),
    ).toEqual({ day: "2026-12-06", firstDelayMs: 1250, lastDelayMs: 5000 });
  });

  it("has no delays for a turn without bubbles, and never a negative one", () => {
    const at = new Date("2026-01-02T03:04:05.000Z");
    expect(turnReviewColumns(at)).toEqual({ day: "2026-01-02", firstDelayMs: null, lastDelayMs: null });
    expect(turnReviewColumns(at, new Date(at.getTime() - 5), null).firstDelayMs).toBe(0);
  });
});
