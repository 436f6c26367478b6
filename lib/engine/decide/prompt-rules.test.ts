import { describe, expect, it } from "vitest";
import { parsePromptRules } from "./prompt-rules";
import { prepareText } from "./relevance";

const rules = (prompt: string) => parsePromptRules(prepareText(prompt));

describe("parsePromptRules", () => {
  it("reads 'only when addressed' as strict and 'only when asked' as lenient", () => {
    expect(rules("Only speak when someone addresses you directly.").onlyWhenAddressed).toBe("strict");
    expect(rules("Only reply when you're mentioned.").onlyWhenAddressed).toBe("strict");
    expect(rules("Stay silent unless you are tagged.").onlyWhenAddressed).toBe("strict");
    expect(rules("Only when asked: post a summary.").onlyWhenAddressed).toBe("lenient");
    expect(rules("Only correct mistakes when someone asks for corrections.").onlyWhenAddressed).toBeNull();
  });

  it("reads proactivity, open or scoped to topics", () => {
    expect(rules("Speak up when you can help.").proactive).toBe("open");
    expect(rules("Speak up when you can help: plans, recipes and quick facts.").proactive).toBe("open");
    expect(rules("Speak up when you can help with the trip.").proactive).toBe("scoped");
    expect(rules("Be proactive: flag risks in fundraising.").proactive).toBe("scoped");
    expect(rules("Answer questions about Python.").proactive).toBeNull();
  });

  it("reads rules about chatter", () => {
    expect(rules("Stay out of personal chit-chat.").quietChatter).toBe("general");
    expect(rules("Don't interrupt people practising.").quietChatter).toBe("general");
    expect(rules("Stay quiet during side chatter between two people.").quietChatter).toBe("side");
    expect(rules("Stay out of billing threads.").quietChatter).toBeNull();
  });

  it("collects avoided topics up to the end of the clause", () => {
    expect(
      rules("Don't interrupt people practising, and only correct mistakes when asked.").avoidPhrases,
    ).toEqual(["people practising"]);
    expect(rules("Stay out of serious technical or billing threads.").avoidPhrases).toEqual([
      "serious technical or billing threads",
    ]);
  });
});
