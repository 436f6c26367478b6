// The labelled scenario set end to end: the set is well-formed and balanced,
// and the rule model clears F1 0.9 and beats every naive baseline by >= 0.2.

import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { createRuleDecider } from "../../rule-decider";
import { baselineDecisions } from "../baselines";
import { computeMetrics } from "../metrics";
import { loadScenarios, type Scenario } from "./load";

const load = (name: string) => loadScenarios(fileURLToPath(new URL(name, import.meta.url)));
const scenarios = load("./scenarios.jsonl");

/** The model's F1, and how far it leads each baseline's F1 on the same cases. */
function leadOverBaselines(cases: Scenario[]): { f1: number; lead: Record<string, number> } {
  const decider = createRuleDecider();
  const model = computeMetrics(
    cases.map((s) => ({ predicted: decider.decide(s.input).decision, label: s.label })),
  );
  const lead: Record<string, number> = {};
  for (const [name, decisions] of Object.entries(baselineDecisions(cases))) {
    const baseline = computeMetrics(
      decisions.map((predicted, i) => ({ predicted, label: cases[i]?.label ?? "speak" })),
    );
    lead[name] = model.f1 - baseline.f1;
  }
  return { f1: model.f1, lead };
}

const momentKey = (s: Scenario) => `${s.situation}|${s.input.batch[0]?.ts}|${s.input.batch[0]?.content}`;

describe("scenario set", () => {
  it("is large, varied and balanced", () => {
    expect(scenarios.length).toBeGreaterThanOrEqual(180);
    expect(new Set(scenarios.map((s) => s.situation)).size).toBeGreaterThanOrEqual(24);
    expect(new Set(scenarios.map((s) => s.id)).size).toBe(scenarios.length);
    const speakRate = scenarios.filter((s) => s.label === "speak").length / scenarios.length;
    expect(speakRate).toBeGreaterThanOrEqual(0.4);
    expect(speakRate).toBeLessThanOrEqual(0.5);
  });

  it("asks every agent of a multi-agent room about each moment, except the agent who wrote it", () => {
    const agents = new Map<string, Set<string>>();
    for (const s of scenarios)
      agents.set(s.situation, (agents.get(s.situation) ?? new Set()).add(s.agentName));
    const moments = new Map<string, { situation: string; sender: string; asked: Set<string> }>();
    for (const s of scenarios) {
      const key = momentKey(s);
      const moment = moments.get(key) ?? {
        situation: s.situation,
        sender: s.input.batch[0]?.sender ?? "",
        asked: new Set<string>(),
      };
      moment.asked.add(s.agentName);
      moments.set(key, moment);
    }
    for (const [key, { situation, sender, asked }] of moments) {
      const expected = [...(agents.get(situation) ?? [])].filter((a) => a !== sender);
      expect([...asked].sort(), key).toEqual(expected.sort());
    }
  });

  it("is decided with F1 >= 0.9, beating every baseline's F1 by >= 0.2", () => {
    const { f1, lead } = leadOverBaselines(scenarios);
    expect(f1).toBeGreaterThanOrEqual(0.9);
    for (const [name, margin] of Object.entries(lead)) expect(margin, name).toBeGreaterThanOrEqual(0.2);
  });
});

// Regression guard only: no F1 bar, so there is nothing to tune towards (see README.md).
describe.each(["./heldout-1.jsonl", "./heldout-2.jsonl"])("held-out set %s", (file) => {
  it("still beats every baseline's F1 by >= 0.2", () => {
    const { lead } = leadOverBaselines(load(file));
    for (const [name, margin] of Object.entries(lead)) expect(margin, name).toBeGreaterThanOrEqual(0.2);
  });
});
