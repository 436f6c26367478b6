import { STARTER_AGENTS } from "../lib/chat/starter-agents";
import { createRuleDecider } from "../lib/engine/decide";

const d = createRuleDecider();
const T = Date.UTC(2026, 0, 1, 10);
const convs = [
  ["lol ok brb, grabbing coffee"],
  ["actually never mind that — Sam, invoice #443 charged me twice, can you check billing?"],
  ["hey all, how's it going?", "lol ok brb, grabbing coffee"],
  ["the onboarding screen feels cluttered, too many buttons", "lol ok brb, grabbing coffee"],
  [
    "the onboarding screen feels cluttered, too many buttons",
    "actually never mind that — Sam, invoice #443 charged me twice, can you check billing?",
  ],
];
for (const lines of convs) {
  console.log("==", lines.at(-1));
  for (const a of STARTER_AGENTS) {
    const hist = lines.slice(0, -1).map((c, i) => ({ sender: "Alex", content: c, ts: T + i * 30000 }));
    const r = d.decide({
      agentName: a.name,
      systemPrompt: a.systemPrompt,
      history: hist,
      batch: [{ sender: "Alex", content: lines.at(-1)!, ts: T + lines.length * 30000 }],
      now: T + lines.length * 30000,
    });
    console.log(
      `  ${a.name}: ${r.decision} ${r.score}  ${r.reasons
        .slice(0, 5)
        .map((x) => `${x.factor}:${x.weight}${x.detail ? `(${x.detail})` : ""}`)
        .join(" ")}`,
    );
  }
}
