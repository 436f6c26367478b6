// Test helper: build a DecisionInput from "Sender: text" lines. The last
// `batchSize` lines form the batch; lines start 40 s apart unless a line
// begins with "+Ns " (N seconds after the previous one).

import type { ChatLine, DecisionInput, DecisionSignals } from "./types";

export interface ChatSpec {
  agent: string | null;
  prompt: string | null;
  lines: string[];
  batchSize?: number;
  signals?: DecisionSignals;
}

export const T0 = Date.UTC(2026, 0, 5, 10, 0, 0);

export function chatLines(agent: string | null, lines: string[]): ChatLine[] {
  let ts = T0;
  return lines.map((raw, i) => {
    let text = raw;
    let gap = 40_000;
    const m = /^\+(\d+)s\s+/.exec(text);
    if (m) {
      gap = Number(m[1]) * 1000;
      text = text.slice(m[0].length);
    }
    const at = text.indexOf(": ");
    if (at < 0) throw new Error(`line needs "Sender: text": ${raw}`);
    if (i > 0) ts += gap;
    const sender = text.slice(0, at);
    return { sender, content: text.slice(at + 2), ts, self: agent !== null && sender === agent };
  });
}

export function chat(spec: ChatSpec): DecisionInput {
  const all = chatLines(spec.agent, spec.lines);
  const n = spec.batchSize ?? 1;
  const input: DecisionInput = {
    agentName: spec.agent,
    systemPrompt: spec.prompt,
    history: all.slice(0, -n),
    batch: all.slice(-n),
    now: all[all.length - 1]?.ts ?? T0,
  };
  if (spec.signals) input.signals = spec.signals;
  return input;
}
