// npm run eval:decisions -- FILE.jsonl [--out OUT.jsonl]
// Scores the rule decision model on a labelled scenario file and compares it
// with naive baselines on the same file (see lib/engine/decide/baselines.ts).
// Prints a markdown table; with --out, writes one {"id","decision","score","reasons"} line per case.

import { writeFileSync } from "node:fs";
import { baselineDecisions } from "../lib/engine/decide/baselines";
import { computeMetrics, type Decision, type Metrics } from "../lib/engine/decide/eval-metrics";
import { createRuleDecider } from "../lib/engine/decide/rule-decider";
import { loadScenarios } from "../lib/engine/decide/scenarios/load";
import type { DecisionResult } from "../lib/engine/decide/types";

function usage(): never {
  console.error("usage: tsx scripts/eval-decisions.ts FILE.jsonl [--out OUT.jsonl]");
  process.exit(2);
}

const args = process.argv.slice(2);
let file: string | undefined;
let out: string | undefined;
for (let i = 0; i < args.length; i++) {
  const arg = args[i];
  if (arg === "--out") out = args[++i] ?? usage();
  else if (arg?.startsWith("--")) usage();
  else if (!file) file = arg;
  else usage();
}
if (!file) usage();

const scenarios = loadScenarios(file);
const decider = createRuleDecider();
const results: DecisionResult[] = scenarios.map((s) => decider.decide(s.input));
const labels = scenarios.map((s) => s.label);
const score = (decisions: Decision[]): Metrics =>
  computeMetrics(decisions.map((predicted, i) => ({ predicted, label: labels[i] ?? "stay_silent" })));

const rows: Array<[string, Metrics]> = [["rule model", score(results.map((r) => r.decision))]];
for (const [name, decisions] of Object.entries(baselineDecisions(scenarios)))
  rows.push([name, score(decisions)]);

const f = (n: number) => n.toFixed(3);
const pct = (n: number) => `${(n * 100).toFixed(1)}%`;
const speakShare = labels.filter((l) => l === "speak").length / Math.max(1, labels.length);
console.log(
  `${scenarios.length} cases, ${new Set(scenarios.map((s) => s.situation)).size} situations, ${pct(speakShare)} labelled speak (${file})\n`,
);
console.log("| policy | precision | recall | F1 | balanced accuracy | speak rate |");
console.log("| --- | ---: | ---: | ---: | ---: | ---: |");
for (const [name, m] of rows)
  console.log(
    `| ${name} | ${f(m.precision)} | ${f(m.recall)} | ${f(m.f1)} | ${f(m.balancedAccuracy)} | ${pct(m.speakRate)} |`,
  );

const wrong = scenarios.filter((s, i) => results[i]?.decision !== s.label);
if (wrong.length > 0) {
  console.log(`\n${wrong.length} disagreements with the labels:`);
  for (const s of wrong) {
    const r = results[scenarios.indexOf(s)];
    console.log(`- ${s.id}: labelled ${s.label}, decided ${r?.decision} (score ${r?.score})`);
  }
}

if (out) {
  const lines = scenarios.map((s, i) => {
    const r = results[i];
    return JSON.stringify({ id: s.id, decision: r?.decision, score: r?.score, reasons: r?.reasons });
  });
  writeFileSync(out, `${lines.join("\n")}\n`);
  console.log(`\nwrote ${lines.length} decisions to ${out}`);
}
