import { describe, expect, it } from "vitest";
import { baselineDecisions, namedOnly, roundRobin } from "./baselines";
import type { Scenario } from "./scenarios/load";

function scenario(id: string, situation: string, agentName: string, content: string, ts: number): Scenario {
  const line = { sender: "Lena", content, ts };
  return {
    id,
    situation,
    agentName,
    label: "stay_silent",
    input: { agentName, systemPrompt: null, history: [], batch: [line], now: ts },
  };
}

describe("baselines", () => {
  it("named-only speaks iff the agent's name is a whole word of the new message", () => {
    expect(namedOnly(scenario("a", "s", "Sam", "thanks sam!", 1))).toBe("speak");
    expect(namedOnly(scenario("b", "s", "Sam", "Samuel is out", 1))).toBe("stay_silent");
    expect(namedOnly(scenario("c", "s", "Lucía", "lucia, help?", 1))).toBe("speak");
  });

  it("round-robin gives each moment of a situation to the next agent in turn", () => {
    const cases = [
      scenario("m0-sam", "room", "Sam", "first", 1),
      scenario("m0-maya", "room", "Maya", "first", 1),
      scenario("m1-sam", "room", "Sam", "second", 2),
      scenario("m1-maya", "room", "Maya", "second", 2),
      scenario("m2-sam", "room", "Sam", "third", 3),
      scenario("m2-maya", "room", "Maya", "third", 3),
      scenario("solo-0", "solo", "Ivy", "x", 1),
      scenario("solo-1", "solo", "Ivy", "y", 2),
    ];
    expect(roundRobin(cases)).toEqual([
      "speak",
      "stay_silent",
      "stay_silent",
      "speak",
      "speak",
      "stay_silent",
      "speak",
      "speak",
    ]);
  });

  it("always and never are constant", () => {
    const b = baselineDecisions([scenario("a", "s", "Sam", "hi", 1)]);
    expect(b["always speak"]).toEqual(["speak"]);
    expect(b["never speak"]).toEqual(["stay_silent"]);
  });
});
