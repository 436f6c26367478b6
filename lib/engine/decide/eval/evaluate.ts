// Scores a decider on a stream of labelled decisions, alongside the naive
// baselines, overall and per slice, in one pass and bounded memory (only the
// counts are kept, plus three small numbers per line when the file names
// rooms, for the round-robin baseline).

import type { Decider, DecisionResult } from "../types";
import { namedOnly, namedOrRecent } from "./baselines";
import { type Decision, type Metrics, metricsFromCounts } from "./metrics";
import type { Scenario } from "./scenarios/load";

export const MODEL_ROW = "decision model";

class Tally {
  private pairs = { tp: 0, fp: 0, tn: 0, fn: 0 };
  add(predicted: Decision, label: Decision): void {
    const key = predicted === "speak" ? (label === "speak" ? "tp" : "fp") : label === "speak" ? "fn" : "tn";
    this.pairs[key] += 1;
  }
  metrics(): Metrics {
    const { tp, fp, tn, fn } = this.pairs;
    return metricsFromCounts(tp, fp, tn, fn);
  }
}

const POLICIES = [
  "always speak",
  "never speak",
  "speak only when named",
  "named, or spoke in the last 5 lines",
] as const;

export interface EvaluationReport {
  cases: number;
  speakShare: number;
  situations: number;
  /** policy -> metrics over all cases (the model first) */
  overall: Array<[string, Metrics]>;
  /** slice -> policy -> metrics; empty when no line carries a slice */
  slices: Array<[string, Array<[string, Metrics]>]>;
  /** ids the model got wrong (at most `keepWrong`) */
  wrong: Array<{ id: string; label: Decision; decided: Decision; score: number }>;
}

export async function evaluate(
  cases: AsyncIterable<Scenario>,
  decider: Decider,
  options: {
    onResult?: (s: Scenario, r: DecisionResult) => void;
    onProgress?: (n: number) => void;
    keepWrong?: number;
  } = {},
): Promise<EvaluationReport> {
  const tallies = new Map<string, Map<string, Tally>>();
  const tally = (slice: string, policy: string) => {
    let bySlice = tallies.get(slice);
    if (!bySlice) {
      bySlice = new Map();
      tallies.set(slice, bySlice);
    }
    let t = bySlice.get(policy);
    if (!t) {
      t = new Tally();
      bySlice.set(policy, t);
    }
    return t;
  };
  const record = (s: Scenario, policy: string, predicted: Decision) => {
    tally("", policy).add(predicted, s.label);
    if (s.slice) tally(s.slice, policy).add(predicted, s.label);
  };
  // Round-robin: per line (room index, agent index, moment index) in file order.
  const rooms = new Map<string, { agents: Map<string, number>; moments: Map<string, number> }>();
  const turns: Array<[number, number, number, Decision, string]> = [];
  const wrong: EvaluationReport["wrong"] = [];
  let n = 0;
  let speak = 0;
  for await (const s of cases) {
    const r = await decider.decide(s.input);
    n += 1;
    if (s.label === "speak") speak += 1;
    record(s, MODEL_ROW, r.decision);
    if (r.decision !== s.label && wrong.length < (options.keepWrong ?? 0))
      wrong.push({ id: s.id, label: s.label, decided: r.decision, score: r.score });
    record(s, "always speak", "speak");
    record(s, "never speak", "stay_silent");
    record(s, "speak only when named", namedOnly(s));
    record(s, "named, or spoke in the last 5 lines", namedOrRecent(s));
    if (s.situation) {
      let room = rooms.get(s.situation);
      if (!room) {
        room = { agents: new Map(), moments: new Map() };
        rooms.set(s.situation, room);
      }
      if (!room.agents.has(s.agentName)) room.agents.set(s.agentName, room.agents.size);
      const last = s.input.batch[s.input.batch.length - 1];
      const key = `${s.input.history.length}|${last?.sender}|${last?.ts}|${last?.content}`;
      if (!room.moments.has(key)) room.moments.set(key, room.moments.size);
      turns.push([
        [...rooms.keys()].indexOf(s.situation),
        room.agents.get(s.agentName) ?? 0,
        room.moments.get(key) ?? 0,
        s.label,
        s.slice ?? "",
      ]);
    }
    options.onResult?.(s, r);
    if (n % 1000 === 0) options.onProgress?.(n);
  }
  if (turns.length > 0) {
    const sizes = [...rooms.values()].map((r) => r.agents.size);
    for (const [room, agent, moment, label, slice] of turns) {
      const predicted: Decision = moment % (sizes[room] ?? 1) === agent ? "speak" : "stay_silent";
      tally("", "round-robin").add(predicted, label);
      if (slice) tally(slice, "round-robin").add(predicted, label);
    }
  }
  const order = [MODEL_ROW, ...POLICIES, ...(turns.length > 0 ? ["round-robin"] : [])];
  const rows = (slice: string): Array<[string, Metrics]> =>
    order.flatMap((p) => {
      const t = tallies.get(slice)?.get(p);
      return t ? [[p, t.metrics()] as [string, Metrics]] : [];
    });
  return {
    cases: n,
    speakShare: n === 0 ? 0 : speak / n,
    situations: rooms.size,
    overall: rows(""),
    slices: [...tallies.keys()]
      .filter((k) => k !== "")
      .sort()
      .map((k) => [k, rows(k)]),
    wrong,
  };
}

const f = (n: number) => n.toFixed(3);
const pct = (n: number) => `${(n * 100).toFixed(1)}%`;

export function metricsTable(rows: Array<[string, Metrics]>, first = "policy"): string {
  const lines = [
    `| ${first} | n | precision | recall | F1 | balanced accuracy | speak rate |`,
    "| --- | ---: | ---: | ---: | ---: | ---: | ---: |",
  ];
  for (const [name, m] of rows)
    lines.push(
      `| ${name} | ${m.n} | ${f(m.precision)} | ${f(m.recall)} | ${f(m.f1)} | ${f(m.balancedAccuracy)} | ${pct(m.speakRate)} |`,
    );
  return lines.join("\n");
}

/** One table: every slice's model row next to the two reference rules of that slice. */
export function sliceTable(slices: EvaluationReport["slices"]): string {
  const keep = new Set([MODEL_ROW, "speak only when named", "named, or spoke in the last 5 lines"]);
  const rows: Array<[string, Metrics]> = [];
  for (const [slice, policies] of slices)
    for (const [policy, m] of policies) if (keep.has(policy)) rows.push([`${slice}: ${policy}`, m]);
  return metricsTable(rows, "slice: policy");
}
