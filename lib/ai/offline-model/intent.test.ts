import { describe, expect, it } from "vitest";
import { detectIntent } from "./intent";

describe("detectIntent", () => {
  it.each([
    ["hi Maya!", "greeting"],
    ["hey all, how are you?", "greeting"],
    ["Good morning Sam and Priya", "greeting"],
    ["good night everyone", "farewell"],
    ["bye all!", "farewell"],
    ["thanks, that worked", "thanks"],
    ["Thank you so much!", "thanks"],
    ["hi, I can't log in", "help"],
    ["thanks but it still doesn't work", "help"],
    ["How do I export my data?", "howto"],
    ["never mind, it works now", "resolved"],
    ["The billing page shows the wrong currency", "help"],
    ["Can you help me with the report?", "help"],
    ["What do you think about the new logo?", "opinion"],
    ["Should we switch to weekly releases?", "opinion"],
    ["Let's plan the offsite for next week", "plan"],
    ["Why does the sidebar collapse on tablets?", "question"],
    ["The demo went well", "statement"],
  ])("%s → %s", (text, intent) => {
    expect(detectIntent(text).intent).toBe(intent);
  });

  it("flags questions about facts it cannot know", () => {
    expect(detectIntent("When is the launch?")).toEqual({ intent: "question", factual: true });
    expect(detectIntent("Who owns the billing service?").factual).toBe(true);
    expect(detectIntent("Is the API rate limited?").factual).toBe(true);
    expect(detectIntent("Why do modals feel heavy?").factual).toBe(false);
  });

  it("handles curly apostrophes from phones", () => {
    expect(detectIntent("I can\u2019t sign in").intent).toBe("help");
  });
});
