import { describe, expect, it } from "vitest";
import { parseScenarioLine } from "@/lib/engine/decide/eval/scenarios/load";
import { decisionPrompt } from "./agent-prompt";
import { EVAL_HISTORY_LINES, evalLabel, evalLine, historyForTurn } from "./eval-lines";

const at = (s: number) => new Date(Date.UTC(2026, 11, 4, 12, 0, s));
const line = (senderName: string, content: string, s: number) => ({ senderName, content, createdAt: at(s) });

describe("evalLabel", () => {
  it("maps a verdict to the label the agent should have had", () => {
    expect(evalLabel("should_speak", "stay_silent")).toBe("speak");
    expect(evalLabel("should_stay_silent", "speak")).toBe("stay_silent");
    expect(evalLabel("right", "speak")).toBe("speak");
    expect(evalLabel("right", "stay_silent")).toBe("stay_silent");
  });
});

describe("historyForTurn", () => {
  it("ends at the last line from whoever the agent heard", () => {
    const lines = [line("Ana", "hi", 0), line("Bo", "Sam, help?", 1), line("Maya", "on it", 2)];
    expect(historyForTurn(lines, "Bo")?.map((l) => l.content)).toEqual(["hi", "Sam, help?"]);
  });

  it("keeps the engine's window of lines before the heard one", () => {
    const lines = Array.from({ length: EVAL_HISTORY_LINES + 20 }, (_, i) => line("Ana", `l${i}`, i));
    const cut = historyForTurn(lines, "Ana")!;
    expect(cut).toHaveLength(EVAL_HISTORY_LINES + 1);
    expect(cut.at(-1)?.content).toBe(`l${EVAL_HISTORY_LINES + 19}`);
  });

  it("falls back to the last line, and to null on an empty room", () => {
    expect(historyForTurn([line("Ana", "x", 0)], "Gone")?.map((l) => l.content)).toEqual(["x"]);
    expect(historyForTurn([], "Ana")).toBeNull();
  });
});

describe("evalLine", () => {
  const input = {
    annotationId: "ann1",
    verdict: "should_stay_silent" as const,
    note: "a general question, not for Sam",
    turn: {
      agentName: "Sam",
      decision: "speak" as const,
      heardFrom: "Ana",
      systemPrompt: "You are Sam.",
      forwardness: 0,
    },
    lines: [
      line("Ana", "Sam, reset email?", 0),
      line("Sam", "Checking now", 3),
      line("Ana", "thoughts on colours?", 9),
    ],
  };

  it("writes the eval format that eval:decisions reads, with the corrected label", () => {
    const text = evalLine(input)!;
    expect(text.endsWith("\n")).toBe(true);
    const json = JSON.parse(text);
    expect(json).toEqual({
      id: "roundtable-ann1",
      slice: "Sam",
      agent: { name: "Sam", system_prompt: decisionPrompt("You are Sam.", 0) },
      history: [
        { sender: "Ana", content: "Sam, reset email?", ts: at(0).toISOString() },
        { sender: "Sam", content: "Checking now", ts: at(3).toISOString() },
        { sender: "Ana", content: "thoughts on colours?", ts: at(9).toISOString() },
      ],
      label: "stay_silent",
      note: "a general question, not for Sam",
    });
    const scenario = parseScenarioLine(text.trim(), "export", 1);
    expect(scenario.label).toBe("stay_silent");
    expect(scenario.input.batch[0]?.content).toBe("thoughts on colours?");
    expect(scenario.input.history.find((l) => l.sender === "Sam")?.self).toBe(true);
  });

  it("gives the forwardness rule the live decision had", () => {
    const json = JSON.parse(evalLine({ ...input, turn: { ...input.turn, forwardness: 0 } })!);
    expect(json.agent.system_prompt).toContain("Only speak when asked or addressed by name.");
  });

  it("skips a turn with no conversation", () => {
    expect(evalLine({ ...input, lines: [] })).toBeNull();
  });
});
