import { readFileSync } from "node:fs";
import { analyzeDecision } from "../lib/engine/decide/analyze";
import { loadScenarios } from "../lib/engine/decide/eval/scenarios/load";
import { interaction } from "../lib/engine/decide/interaction";
import { combine } from "../lib/engine/decide/rule-decider";
import { decisionModelSchema } from "../lib/engine/decide/weights";

const model = decisionModelSchema.parse(JSON.parse(readFileSync(process.argv[2] as string, "utf8")));
const counts = new Map<string, number>();
for (const s of loadScenarios(process.argv[3] ?? "lib/engine/decide/eval/scenarios/scenarios.jsonl")) {
  const a = analyzeDecision(s.input);
  const ap = a.features.find((f) => f.factor === "active_people");
  const key = `${ap ? Math.round(2 ** ap.value) : 1}`;
  counts.set(key, (counts.get(key) ?? 0) + 1);
  const r = combine(a, model);
  if (r.decision !== s.label && process.argv[4]) {
    const last = s.input.batch[0]!;
    console.log(`--- ${s.id} label ${s.label} ${r.score} | <${last.sender}> ${last.content}`);
    console.log("   " + r.reasons.map((x) => `${x.factor}:${x.weight}`).join(" "));
  }
}
console.log([...counts].sort());
