import { describe, expect, it } from "vitest";
import { classifyMessage, needsAnswer } from "./message-kind";

describe("classifyMessage", () => {
  it("finds questions with or without a question mark", () => {
    expect(classifyMessage("is that a decent price?").question).toBe(true);
    expect(classifyMessage("how do I set up an out-of-office reply").question).toBe(true);
    expect(classifyMessage("anyway, what's for lunch").question).toBe(true);
    expect(classifyMessage("mine came out flat 😭 what did I do wrong").question).toBe(true);
    expect(classifyMessage("lib/storage.ts, which the upload button imports").question).toBe(false);
    expect(classifyMessage("will do tonight").question).toBe(false);
  });

  it("separates roll calls and questions about the group from questions for anyone", () => {
    expect(classifyMessage("ok lisbon trip!! who's in").rollCall).toBe(true);
    expect(classifyMessage("second item: do we drop node 18?").rollCall).toBe(true);
    expect(classifyMessage("anyone getting 429s from the API today?").rollCall).toBe(false);
    expect(needsAnswer(classifyMessage("who's up for a run saturday?"))).toBe(false);
  });

  it("finds problem reports and requests", () => {
    expect(classifyMessage("I can't log in since this morning").problem).toBe(true);
    expect(classifyMessage("we got billed for 12 seats but we only have 9").problem).toBe(true);
    expect(classifyMessage("can't, I have a shift until 7").problem).toBe(false);
    expect(classifyMessage("can someone send me the notes").request).toBe(true);
    expect(classifyMessage("no spoilers pls").request).toBe(false);
  });

  it("notices plans, excitement, laughter and distress", () => {
    expect(classifyMessage("we're thinking of hiring a salesperson").intent).toBe(true);
    expect(classifyMessage("I passed my driving test!!!").excited).toBe(true);
    expect(classifyMessage("WE GOT THE GIG").excited).toBe(true);
    expect(classifyMessage("we need a name for this trip lol").laughing).toBe(true);
    expect(classifyMessage("lol").laughing).toBe(false);
    expect(classifyMessage("ugh that's so stressful").serious).toBe(true);
  });

  it("notices a message that trails off", () => {
    expect(classifyMessage("also").incomplete).toBe(true);
    expect(classifyMessage("so the amount is").incomplete).toBe(true);
    expect(classifyMessage("quick question:").incomplete).toBe(true);
    expect(classifyMessage("I can't log in").incomplete).toBe(false);
  });
});
