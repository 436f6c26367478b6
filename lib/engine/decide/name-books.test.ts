import { describe, expect, it } from "vitest";
import { analyzeAddressing, buildNameBook } from "./addressing";
import { addressingIn, nameBookFor } from "./name-books";

describe("nameBookFor", () => {
  it("shares one book per agent and senders in order of appearance", () => {
    const book = nameBookFor("Sam", new Set(["Lena", "Bob"]));
    expect(nameBookFor("Sam", ["Lena", "Bob"])).toBe(book);
    expect(nameBookFor("Sam", ["Bob", "Lena"])).not.toBe(book);
    expect(nameBookFor("Maya", ["Lena", "Bob"])).not.toBe(book);
    expect(nameBookFor(null, ["Lena", "Bob"])).not.toBe(book);
    expect(book).toEqual(buildNameBook("Sam", ["Lena", "Bob"]));
  });

  it("keeps names apart that a plain join would run together", () => {
    expect(nameBookFor("Sam", ["Lena Bob"])).not.toBe(nameBookFor("Sam", ["Lena", "Bob"]));
    expect(nameBookFor("Sam", ["Lena5:Bob"])).not.toBe(nameBookFor("Sam", ["Lena", "Bob"]));
    expect(nameBookFor("Sam1:x", [])).not.toBe(nameBookFor("Sam", ["x"]));
  });
});

describe("addressingIn", () => {
  it("reads a line as analyzeAddressing does, once per book", () => {
    const book = nameBookFor("Sam", ["Lena", "Bob"]);
    const line = "Bob, can you look? thanks Sam";
    const first = addressingIn(book, line);
    expect(first).toEqual(analyzeAddressing(book, line));
    expect(addressingIn(book, line)).toBe(first);
    // Another thread's book reads the same text with its own names.
    const other = nameBookFor("Bob", ["Lena", "Sam"]);
    expect(addressingIn(other, line)).toEqual(analyzeAddressing(other, line));
    expect(addressingIn(other, line).toAgent).toBe("reply_convention");
  });
});
