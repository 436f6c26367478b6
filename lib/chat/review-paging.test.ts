import { describe, expect, it } from "vitest";
import { beforeAfter, pageAround } from "./review-paging";

describe("deep-link pages", () => {
  it("holds the message and half a page of what followed", () => {
    // Message 10 of a room with messages up to 400, pages of 300: the page ends before 160.
    const later = Array.from({ length: 151 }, (_, i) => 11 + i);
    expect(pageAround(later, 300)).toBe(161);
  });

  it("is the latest page when less than half a page follows", () => {
    expect(pageAround([11, 12, 13], 300)).toBeUndefined();
    expect(pageAround([], 300)).toBeUndefined();
  });

  it("skips gaps left by deleted messages", () => {
    expect(pageAround([5, 9, 20], 4)).toBe(20);
  });

  it("still holds the message with pages of one", () => {
    // Message 7 with 8 and 9 after it: the page of one before 8 is message 7 itself.
    expect(pageAround([8, 9], 1)).toBe(8);
  });
});

describe("the later page", () => {
  it("ends a full page after the current one, or is the latest", () => {
    const later = [301, 302, 303, 304];
    expect(beforeAfter(later, 3)).toBe(304);
    expect(beforeAfter(later, 4)).toBeUndefined();
  });
});
