import { describe, expect, it } from "vitest";
import { agentSystemPrompt, transcriptMessages } from "./prompts";

describe("agentSystemPrompt", () => {
  it("puts the agent in the room with its persona and chat rules", () => {
    const prompt = agentSystemPrompt({
      name: "Maya",
      persona: "Support engineer, friendly.",
      systemPrompt: "Always ask for the exact error.",
      roomName: "Launch crew",
      otherParticipants: ["Sam", "Maya", "Priya"],
    });
    expect(prompt).toMatch(/^You are Maya, taking part in a group chat called "Launch crew"\./);
    expect(prompt).toContain("Your persona: Support engineer, friendly.");
    expect(prompt).toContain("Others here: Sam, Priya");
    expect(prompt).toContain("Always ask for the exact error.");
    expect(prompt).toMatch(/Do not start your message with your name or a "Maya:" prefix/);
    expect(prompt).toMatch(/address them by name/);
    expect(prompt).toMatch(/person types in a group chat/);
  });

  it("leaves out what the agent does not have", () => {
    const prompt = agentSystemPrompt({
      name: "Ada",
      persona: " ",
      systemPrompt: null,
      otherParticipants: [],
    });
    expect(prompt).toMatch(/^You are Ada, taking part in a group chat\./);
    expect(prompt).not.toMatch(/Your persona|Others here|undefined|null/);
  });
});

describe("transcriptMessages", () => {
  it("maps the agent's own lines to assistant and everyone else's to 'Sender: text'", () => {
    expect(
      transcriptMessages([
        { sender: "Sam", content: "hi Maya", self: false },
        { sender: "Maya", content: "hey Sam!", self: true },
        { sender: "Priya", content: "  ", self: false },
        { sender: "Priya", content: "morning", self: false },
      ]),
    ).toEqual([
      { role: "user", content: "Sam: hi Maya" },
      { role: "assistant", content: "hey Sam!" },
      { role: "user", content: "Priya: morning" },
    ]);
  });

  it("keeps only the last 40 lines", () => {
    const lines = Array.from({ length: 55 }, (_, i) => ({
      sender: "Sam",
      content: `line ${i}`,
      self: false,
    }));
    const messages = transcriptMessages(lines);
    expect(messages).toHaveLength(40);
    expect(messages[0]).toEqual({ role: "user", content: "Sam: line 15" });
    expect(messages.at(-1)).toEqual({ role: "user", content: "Sam: line 54" });
  });
});
