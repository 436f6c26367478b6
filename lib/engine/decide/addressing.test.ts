import { describe, expect, it } from "vitest";
import { analyzeAddressing, buildNameBook } from "./addressing";

const book = buildNameBook("Sam", ["Lena", "Bob", "Prof. Kim", "sarah.k", "Sam"]);
const a = (text: string) => analyzeAddressing(book, text);

describe("analyzeAddressing", () => {
  it("finds @mentions of the agent and of others", () => {
    expect(a("@sam can you check?").toAgent).toBe("mention");
    expect(a("@bob can you check?")).toMatchObject({ toAgent: null, toOthers: ["Bob"] });
    expect(a("@sarah.k ^").toOthers).toEqual(["sarah.k"]);
    expect(a("@here standup in 5").toRoom).toBe(true);
  });

  it("reads the `name:` / `name,` reply convention, also after a greeting", () => {
    expect(a("Sam: you there?").toAgent).toBe("reply_convention");
    expect(a("hey Sam, quick one").toAgent).toBe("reply_convention");
    expect(a("Bob, can you look?").toOthers).toEqual(["Bob"]);
  });

  it("reads several leading names", () => {
    const book2 = buildNameBook("Maya", ["Sam", "Greta"]);
    const r = analyzeAddressing(book2, "Sam, Maya: anything we should know before launch?");
    expect(r.toAgent).toBe("reply_convention");
    expect(r.toOthers).toEqual(["Sam"]);
  });

  it("tells a vocative from a subject", () => {
    expect(a("Sam that one's for you").toAgent).toBe("name");
    expect(a("Sam is that true?").toAgent).toBe("name");
    expect(a("Sam fixed my invoice yesterday").toAgent).toBe("third_person");
    expect(a("I think Sam is right").toAgent).toBe("third_person");
  });

  it("finds a name closing a sentence", () => {
    expect(a("thanks Sam!").toAgent).toBe("name");
    expect(a("can you add it to the calendar Sam?").toAgent).toBe("name");
    expect(a("ok thanks Bob").toOthers).toEqual(["Bob"]);
  });

  it("recognises the first word of a multi-word sender", () => {
    expect(a("prof can we get an extension?").toOthers).toEqual(["Prof. Kim"]);
  });

  it("recognises an unknown capitalised vocative followed by a question", () => {
    expect(a("Maya did you pick the accent color?").toOthers).toEqual(["Maya"]);
    expect(a("Sunday, can we meet?").toOthers).toEqual([]);
  });

  it("reads a name opening any clause of a sentence, not only the first", () => {
    expect(
      a("actually never mind that — Sam, invoice #443 charged me twice, can you check billing?").toAgent,
    ).toBe("name");
    expect(a("ok so, bob: did the deploy finish?").toOthers).toEqual(["Bob"]);
    // An unknown name after a clause break, followed by a request, is someone else.
    expect(a("never mind - Maya, can you look at the colors?").toOthers).toEqual(["Maya"]);
    // Not a vocative: the name is the subject of its clause.
    expect(a("never mind, Sam is right").toAgent).toBe("third_person");
  });

  it("lists everyone named anywhere, addressed or not", () => {
    expect(a("I asked bob and lena about it").mentioned).toEqual(["Bob", "Lena"]);
    expect(a("Bob, can you look?").mentioned).toEqual(["Bob"]);
  });

  it("marks room-wide addressing", () => {
    expect(a("does anyone know the wifi password?").toRoom).toBe(true);
  });
});
