import { describe, expect, it } from "vitest";
import { decisionPrompt, mayAnswerAgent } from "./agent-prompt";

describe("decisionPrompt", () => {
  it("adds the forwardness rule in words the decision model reads", () => {
    expect(decisionPrompt("You are Sam.", 0.1)).toContain("Only speak when asked");
    expect(decisionPrompt("You are Sam.", 0.9)).toContain("Be proactive");
    expect(decisionPrompt("You are Sam.", 0.5)).toBe("You are Sam.");
  });
});

describe("mayAnswerAgent", () => {
  const maya = { name: "Maya", forwardness: 0.5 };
  it("answers another agent only when named, unless it speaks up freely", () => {
    expect(mayAnswerAgent(maya, "Try resetting your password. Which browser do you use?")).toBe(false);
    expect(mayAnswerAgent(maya, "Maya, does this screen look right to you?")).toBe(true);
    expect(mayAnswerAgent(maya, "what do you think @maya?")).toBe(true);
    expect(mayAnswerAgent(maya, "Mayan ruins are fun")).toBe(false);
    expect(mayAnswerAgent({ name: "Echo", forwardness: 1 }, "anything at all")).toBe(true);
  });
});
