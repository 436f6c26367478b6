import { describe, expect, it } from "vitest";
import { chat } from "../test-chat";
import type { Scenario } from "./scenarios/load";
import { assignFolds, buildTable, chooseThreshold, trainModel } from "./train";

const PROMPT = "You are kim. kim, a participant in #help. Role: helper.";
const JOB = "You are Sam, a support engineer. You help with billing and invoices.";

/** A small labelled set: people name the agent when they want it, and it answers. */
function cases(prompt: string, n: number): Scenario[] {
  const out: Scenario[] = [];
  for (let i = 0; i < n; i++) {
    const named = i % 3 === 0;
    const line = named ? `Lena: kim, question ${i}?` : `Lena: note ${i} for Bob`;
    const agent = prompt === JOB ? "Sam" : "kim";
    const input = chat({ agent, prompt, lines: ["Bob: hi", line.replace("kim", agent)] });
    // Some noise, so the classes overlap.
    const label = named !== (i % 17 === 5) ? "speak" : "stay_silent";
    out.push({ id: `${prompt.length}-${i}`, situation: `room-${i % 4}`, agentName: agent, label, input });
  }
  return out;
}

async function train() {
  const table = await buildTable([
    { name: "chat", weight: 1, cases: cases(PROMPT, 120) },
    { name: "rooms", weight: 1, cases: cases(JOB, 40) },
  ]);
  return {
    table,
    report: trainModel(table, { folds: 3, l2Grid: [1e-3, 1e-2], thresholdSource: 0 }, { note: "test" }),
  };
}

describe("training", () => {
  it("learns that being named means speaking, and is deterministic", async () => {
    const { table, report } = await train();
    expect(report.model.weights.addressed_by_reply_convention).toBeGreaterThan(1);
    // Agents with a job get their own copies of the weights.
    expect(table.names.some((n) => n.startsWith("field:"))).toBe(true);
    expect(report.model.threshold).toBeGreaterThan(0);
    expect(report.model.training).toMatchObject({ note: "test", folds: 3 });
    expect(JSON.stringify((await train()).report.model)).toBe(JSON.stringify(report.model));
  });

  it("balances the classes within each source", async () => {
    const { table } = await train();
    for (const s of [0, 1]) {
      let pos = 0;
      let neg = 0;
      table.source.forEach((x, r) => {
        if (x !== s) return;
        if (table.rows.labels[r] === 1) pos += table.rows.weights[r] as number;
        else neg += table.rows.weights[r] as number;
      });
      expect(pos).toBeCloseTo(0.5);
      expect(neg).toBeCloseTo(0.5);
    }
  });

  it("keeps a group's rows in one fold", () => {
    const folds = assignFolds(["b", "a", "b", "c", "a"], 2);
    expect(folds).toEqual([1, 0, 1, 0, 0]);
  });

  it("picks the threshold with the best F1 + balanced accuracy", () => {
    const p = [0.9, 0.8, 0.3, 0.2, 0.1];
    const labels = [1, 1, 0, 0, 0];
    const choice = chooseThreshold(p, labels, [0, 1, 2, 3, 4]);
    expect(choice.metrics.f1).toBe(1);
    expect(choice.threshold).toBeGreaterThan(0.3);
    expect(choice.threshold).toBeLessThanOrEqual(0.8);
  });
});
