import { describe, expect, it } from "vitest";
import { parseScenarios } from "./load";

const line = (extra: object = {}) =>
  JSON.stringify({
    id: "room-01-sam",
    situation: "room",
    agent: { name: "Sam", system_prompt: "You are Sam." },
    history: [
      { sender: "Lena", content: "hi", ts: 1000 },
      { sender: "Sam", content: "Hello!", ts: 2000 },
      { sender: "Lena", content: "my invoice is wrong", ts: 3000 },
    ],
    label: "speak",
    ...extra,
  });

describe("parseScenarios", () => {
  it("makes the last history item the batch and marks the agent's own lines", () => {
    const [s] = parseScenarios(`${line()}\n\n`);
    expect(s?.label).toBe("speak");
    expect(s?.input.batch).toEqual([
      { sender: "Lena", content: "my invoice is wrong", ts: 3000, self: false },
    ]);
    expect(s?.input.history.map((l) => l.self)).toEqual([false, true]);
    expect(s?.input).toMatchObject({ agentName: "Sam", systemPrompt: "You are Sam.", now: 3000 });
    expect(s?.input.signals).toBeUndefined();
  });

  it("passes optional signals through", () => {
    const [s] = parseScenarios(line({ signals: { typingNow: ["Lena"] }, note: "typing" }));
    expect(s?.input.signals).toEqual({ typingNow: ["Lena"], burstSender: undefined });
    expect(s?.note).toBe("typing");
  });

  it("reports the line of a malformed record", () => {
    expect(() => parseScenarios(`${line()}\n{"id":"x"}`, "f.jsonl")).toThrow(/f\.jsonl:2/);
    expect(() => parseScenarios("not json", "f.jsonl")).toThrow(/f\.jsonl:1: not valid JSON/);
  });
});
