import { readFileSync } from "node:fs";
import { analyzeDecision } from "../lib/engine/decide/analyze";
import { readIrcSplit } from "../lib/engine/decide/eval/irc-source";
import { combine } from "../lib/engine/decide/rule-decider";
import { decisionModelSchema } from "../lib/engine/decide/weights";

async function main() {
  const model = decisionModelSchema.parse(JSON.parse(readFileSync(process.argv[2] as string, "utf8")));
  let shown = 0;
  const want = process.argv[3] ?? "fn";
  for await (const d of readIrcSplit("/work/shared/data/irc", "train", 37)) {
    if (d.slice !== "unaddressed") continue;
    const a = analyzeDecision(d.input);
    const r = combine(a, model);
    const fn = d.label === "speak" && r.decision === "stay_silent";
    const fp = d.label === "stay_silent" && r.decision === "speak";
    if ((want === "fn" && fn) || (want === "fp" && fp)) {
      console.log(`--- ${d.id} ${d.label} score ${r.score} agent=${d.agentName}`);
      for (const l of d.input.history.slice(-8))
        console.log(
          `   ${new Date(l.ts).toISOString().slice(11, 16)} <${l.sender}> ${l.content.slice(0, 140)}`,
        );
      const l = d.input.batch[0];
      console.log(
        ` > ${new Date(l!.ts).toISOString().slice(11, 16)} <${l!.sender}> ${l!.content.slice(0, 200)}`,
      );
      console.log("   " + r.reasons.map((x) => `${x.factor}:${x.weight}`).join(" "));
      if (++shown >= 25) break;
    }
  }
}
main();
