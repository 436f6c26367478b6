import { describe, expect, it } from "vitest";
import { buildRewritePrompt, buildRewriteSystemPrompt } from "./prompts";

describe("buildRewriteSystemPrompt", () => {
  it("names the agent and carries its instructions for voice", () => {
    const prompt = buildRewriteSystemPrompt({
      agentName: "Juno",
      systemPrompt: "You are Juno, terse and dry.",
    });
    expect(prompt).toContain("that Juno sends");
    expect(prompt).toContain("<agent_instructions>\nYou are Juno, terse and dry.\n</agent_instructions>");
    expect(prompt).toContain("1 to 5");
  });

  it("works without a name or instructions", () => {
    const prompt = buildRewriteSystemPrompt({});
    expect(prompt).toContain("the agent");
    expect(prompt).not.toContain("<agent_instructions>");
  });
});

describe("buildRewritePrompt", () => {
  it("wraps the draft verbatim", () => {
    expect(buildRewritePrompt("a\n\n`b`")).toContain("<draft>\na\n\n`b`\n</draft>");
  });
});
