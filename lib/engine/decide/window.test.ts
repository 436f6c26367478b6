import { describe, expect, it } from "vitest";
import { analyzeAddressing } from "./addressing";
import { classifyMessage } from "./message-kind";
import { nameBookFor } from "./name-books";
import type { ChatLine } from "./types";
import { analyzeLine } from "./window";

describe("analyzeLine", () => {
  it("reads a line once across decisions and again when its text changes", () => {
    const book = nameBookFor("Sam", ["Lena", "Bob"]);
    const line: ChatLine = { sender: "Lena", content: "Sam, can you check the invoice? 🎉", ts: 0 };
    const first = analyzeLine(book, line, false, true);
    const second = analyzeLine(book, line, false, false);
    expect(second.addressing).toBe(first.addressing);
    expect(second.stems).toBe(first.stems);
    expect(first.kind).toEqual(classifyMessage(line.content));
    expect([...first.topicAndMood]).toEqual([...first.stems, "celebr"]);

    line.content = "Bob, can you check it?";
    const edited = analyzeLine(book, line, false, false);
    expect(edited.addressing).toEqual(analyzeAddressing(book, line.content));
    expect(edited.addressing.toOthers).toEqual(["Bob"]);
  });

  it("reads addressing again against another thread's names", () => {
    const line: ChatLine = { sender: "Lena", content: "thanks Maya!", ts: 0 };
    const withoutMaya = nameBookFor("Sam", ["Lena"]);
    const withMaya = nameBookFor("Maya", ["Lena"]);
    expect(analyzeLine(withoutMaya, line, false, true).addressing.toAgent).toBeNull();
    expect(analyzeLine(withMaya, line, false, true).addressing.toAgent).toBe("name");
    expect(analyzeLine(withoutMaya, line, false, true).addressing.toAgent).toBeNull();
  });
});
