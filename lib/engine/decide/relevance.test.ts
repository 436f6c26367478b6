import { describe, expect, it } from "vitest";
import { buildPromptProfile, contentStems, prepareText, scoreRelevance } from "./relevance";
import { stem } from "./stem";

const SUPPORT = "You are Sam, a support engineer for billing and login issues.";
const score = (prompt: string, message: string) =>
  scoreRelevance(buildPromptProfile(prompt, null), contentStems(prepareText(message))).score;

describe("stem", () => {
  it("brings inflections together", () => {
    expect(stem("charged")).toBe(stem("charges"));
    expect(stem("invoices")).toBe(stem("invoice"));
    expect(stem("designer")).toBe(stem("design"));
    expect(stem("running")).toBe(stem("runs"));
    expect(stem("ran")).toBe(stem("run"));
  });
});

describe("relevance", () => {
  it("scores a billing/login support prompt on login and invoice problems, not on chatter", () => {
    expect(score(SUPPORT, "I can't log in")).toBeGreaterThanOrEqual(1);
    expect(score(SUPPORT, "my invoice is wrong")).toBeGreaterThan(0);
    expect(score(SUPPORT, "I was charged twice")).toBeGreaterThan(0);
    expect(score(SUPPORT, "anyone watching the game tonight?")).toBe(0);
  });

  it("never counts the prompt's words about itself", () => {
    expect(
      score("You are Kai, a helpful assistant in this group chat.", "can someone help me in the chat?"),
    ).toBe(0);
  });

  it("only expands a topic cluster the prompt clearly covers", () => {
    // "wedding" alone is the setting; the budget is the job.
    const penny = "You are Penny, a budgeting assistant for the wedding.";
    expect(score(penny, "who sends me the guest list?")).toBe(0);
    const iris = "You are Iris, a wedding planner: venue, vendors, seating and the guest list.";
    expect(score(iris, "who sends me the guest list?")).toBeGreaterThan(0);
  });

  it("collects topics the prompt says to stay out of", () => {
    const profile = buildPromptProfile(
      "You're Pip. Stay out of serious technical or billing threads.",
      "Pip",
    );
    const r = scoreRelevance(profile, contentStems(prepareText("the deploy broke the invoice page")));
    expect(r.avoided.length).toBeGreaterThan(0);
  });
});
