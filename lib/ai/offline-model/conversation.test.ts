import { describe, expect, it } from "vitest";
import { parseSenderLines, readConversation } from "./conversation";

describe("parseSenderLines", () => {
  it("splits 'Name: text' lines and keeps continuation lines with their sender", () => {
    expect(parseSenderLines("Sam: hi all\nPriya Shah: the build failed\nsee the logs\n\nSam: ugh")).toEqual([
      { sender: "Sam", text: "hi all" },
      { sender: "Priya Shah", text: "the build failed\nsee the logs" },
      { sender: "Sam", text: "ugh" },
    ]);
  });

  it("does not treat labels or URLs as senders", () => {
    expect(parseSenderLines("Error: 502 from https://example.com")).toEqual([
      { sender: null, text: "Error: 502 from https://example.com" },
    ]);
    expect(parseSenderLines("Sam: see this\nNote: it is flaky")[0]?.text).toBe("see this\nNote: it is flaky");
  });
});

describe("readConversation", () => {
  it("answers the last user utterance, not the agent's own line", () => {
    const conversation = readConversation([
      { role: "system", content: "You are Maya." },
      { role: "user", content: [{ type: "text", text: "Sam: hi\nPriya: anyone around?" }] },
      { role: "assistant", content: [{ type: "text", text: "I'm here!" }] },
    ]);
    expect(conversation.system).toBe("You are Maya.");
    expect(conversation.utterances.map((u) => u.sender)).toEqual(["Sam", "Priya", null]);
    expect(conversation.last).toEqual({ role: "user", sender: "Priya", text: "anyone around?" });
  });
});
