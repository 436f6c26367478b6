import { createRuleDecider } from "../lib/engine/decide";
import { chat } from "../lib/engine/decide/test-chat";

const SAM =
  "You are Sam, a support engineer. You help customers with billing and login issues: invoices, charges, refunds, plan changes, password resets and two-factor codes.";
const d = createRuleDecider();
for (const lines of [
  ["Lena: Sam, can you look at my account?"],
  ["Lena: sam: you around?"],
  ["Bea: I can't log in"],
  ["Olu: morning all", "Lena: I got charged twice this month, can someone take a look?"],
  ["Lena: does anyone know how to change the card on my plan?"],
  ["Lena: my invoice is wrong", "Sam: let me check", "Lena: thank you Sam!!"],
]) {
  const r = d.decide(chat({ agent: "Sam", prompt: SAM, lines }));
  console.log(lines.at(-1), r.decision, r.score, r.reasons.map((x) => `${x.factor}:${x.weight}`).join(" "));
}
