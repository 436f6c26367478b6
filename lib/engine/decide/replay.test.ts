import { describe, expect, it } from "vitest";
import { HISTORY_LIMIT } from "../history-limit";
import { ReplayIndexError, replayTurns } from "./replay";
import type { Decider, DecisionInput } from "./types";

/** Records what the decider was given and speaks when the heard line names the agent. */
function recordingDecider() {
  const seen: DecisionInput[] = [];
  const decider: Decider = {
    decide(input) {
      seen.push(input);
      const named = input.batch[0]!.content.includes(input.agentName ?? "?");
      return { decision: named ? "speak" : "stay_silent", score: named ? 0.9 : 0.1, reasons: [] };
    },
  };
  return { seen, decider };
}

const ts = (i: number) => new Date(Date.UTC(2026, 0, 1, 12, 0, i)).toISOString();

describe("replayTurns", () => {
  it("decides each turn on its line with the lines before it as history, own lines marked", async () => {
    const { seen, decider } = recordingDecider();
    const transcript = [
      { sender: "Ana", content: "hello all", ts: ts(0) },
      { sender: "Sam", content: "hi Ana", ts: ts(1) },
      { sender: "Ana", content: "Sam, can you check billing?", ts: ts(2) },
    ];
    const out = await replayTurns(
      {
        agent_name: "Sam",
        system_prompt: "Only answer when asked.",
        transcript,
        turns: [
          { id: "a", index: 0 },
          { id: "b", index: 2 },
        ],
      },
      decider,
    );
    expect(out.decisions.map((d) => [d.id, d.decision])).toEqual([
      ["a", "stay_silent"],
      ["b", "speak"],
    ]);
    expect(seen[1]!.history.map((l) => [l.sender, l.self ?? false])).toEqual([
      ["Ana", false],
      ["Sam", true],
    ]);
    expect(seen[1]!.now).toBe(Date.parse(ts(2)));
    expect(seen[1]!.systemPrompt).toBe("Only answer when asked.");
  });

  it("keeps the history to the engine's window", async () => {
    const { seen, decider } = recordingDecider();
    const transcript = Array.from({ length: HISTORY_LIMIT + 50 }, (_, i) => ({
      sender: "Ana",
      content: `line ${i}`,
      ts: ts(0),
    }));
    await replayTurns(
      { agent_name: "Sam", transcript, turns: [{ id: "x", index: HISTORY_LIMIT + 49 }] },
      decider,
    );
    expect(seen[0]!.history).toHaveLength(HISTORY_LIMIT);
    expect(seen[0]!.history[0]!.content).toBe("line 49");
  });

  it("refuses an index past the transcript", async () => {
    const { decider } = recordingDecider();
    await expect(
      replayTurns(
        {
          agent_name: "Sam",
          transcript: [{ sender: "Ana", content: "hi", ts: ts(0) }],
          turns: [{ id: "x", index: 1 }],
        },
        decider,
      ),
    ).rejects.toBeInstanceOf(ReplayIndexError);
  });
});
