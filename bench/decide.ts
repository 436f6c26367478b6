// npm run bench:decide — latency of one deterministic decision with 200 lines
// of history (target: p99 <= 2 ms). Warms up first, then times ~5,000
// decisions per case and prints a markdown table.

import path from "node:path";
import { clearPromptCache, createRuleDecider } from "../lib/engine/decide";
import { loadScenarios } from "../lib/engine/decide/eval/scenarios/load";
import type { ChatLine, DecisionInput } from "../lib/engine/decide/types";
import { fmt, summarize, table } from "./lib/stats";

const ITERATIONS = Number(process.env.BENCH_ITERATIONS ?? 5000);
const WARMUP = Number(process.env.BENCH_WARMUP ?? 1000);
const HISTORY = 200;
const TARGET_P99_MS = 2;

// Realistic text: every line of the labelled scenario set, replayed as one long thread per agent.
const scenarios = loadScenarios(path.join(__dirname, "../lib/engine/decide/eval/scenarios/scenarios.jsonl"));
const corpus: ChatLine[] = [];
const seen = new Set<string>();
for (const s of scenarios)
  for (const line of [...s.input.history, ...s.input.batch]) {
    const key = `${line.sender}|${line.content}`;
    if (!seen.has(key)) {
      seen.add(key);
      corpus.push(line);
    }
  }

/** Lines the decider analyses in full; older history only contributes participant names. */
const RECENT = 10;

/** 64 shared 200-line histories (one per offset), reused across iterations like a real thread's rows. */
const START = Date.UTC(2026, 2, 1);
const baseHistories = Array.from({ length: 64 }, (_, h) =>
  Array.from({ length: HISTORY }, (_, i): ChatLine => {
    const src = corpus[(h * 13 + i * 7) % corpus.length] as ChatLine;
    return { sender: src.sender, content: src.content, ts: START + i * 20_000, self: false };
  }),
);

/**
 * A thread of 200 history lines plus a batch of new (never seen) messages.
 * With `freshRecent`, the recent history lines are never-seen text too, so
 * nothing can come from the per-line caches.
 */
function thread(
  agent: { name: string; prompt: string },
  i: number,
  batchSize: number,
  freshRecent: boolean,
): DecisionInput {
  const base = baseHistories[i % baseHistories.length] as ChatLine[];
  const history = base.slice();
  const mark = (line: ChatLine, k: number, self: boolean): ChatLine => ({
    sender: self ? agent.name : line.sender,
    content: `${line.content} (${i}.${k})`,
    ts: line.ts,
    self,
  });
  // Every ninth recent line is the agent's own, so recency factors have work to do.
  for (let k = HISTORY - RECENT; k < HISTORY; k++) {
    const line = base[k] as ChatLine;
    const self = k % 9 === 4;
    history[k] = freshRecent
      ? mark(line, k, self)
      : { ...line, sender: self ? agent.name : line.sender, self };
  }
  const batch = Array.from({ length: batchSize }, (_, b) => {
    const src = corpus[(i * 31 + b * 5) % corpus.length] as ChatLine;
    return mark({ ...src, ts: START + (HISTORY + b) * 20_000 }, HISTORY + b, false);
  });
  return {
    agentName: agent.name,
    systemPrompt: agent.prompt,
    history,
    batch,
    now: batch.at(-1)?.ts ?? START,
  };
}

const agents = [...new Map(scenarios.map((s) => [s.agentName + s.input.systemPrompt, s])).values()]
  .slice(0, 8)
  .map((s) => ({ name: s.agentName, prompt: s.input.systemPrompt ?? "" }));

/** Time `iterations` decisions (wall clock); inputs are built, untimed, just before each one. */
function time(make: (i: number) => DecisionInput, iterations: number, before?: () => void): number[] {
  const decider = createRuleDecider();
  for (let i = 0; i < WARMUP; i++) decider.decide(make(iterations + i));
  const samples: number[] = [];
  for (let i = 0; i < iterations; i++) {
    const input = make(i);
    before?.();
    const t0 = process.hrtime.bigint();
    decider.decide(input);
    samples.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  return samples;
}

const agent = (i: number) => agents[i % agents.length] as { name: string; prompt: string };
// A 6,000-char prompt analysed from scratch every time: the first decision of a new thread.
const bigPrompt = {
  name: "Sam",
  prompt: agents
    .map((a) => a.prompt)
    .join(" ")
    .repeat(4)
    .slice(0, 6000),
};

const cases: Array<[string, number[]]> = [
  [
    "steady state: 200-line history, 1 new message, prompt cached",
    time((i) => thread(agent(i), i, 1, false), ITERATIONS),
  ],
  [
    "200-line history, batch of 20 new messages, prompt cached",
    time((i) => thread(agent(i), i, 20, false), ITERATIONS),
  ],
  [
    "nothing cached: all recent lines new, 6k-char prompt analysed",
    time((i) => thread(bigPrompt, i, 1, true), ITERATIONS, clearPromptCache),
  ],
];

console.log(`Node ${process.version}, ${ITERATIONS} timed decisions per case after ${WARMUP} warm-up.\n`);
console.log(
  table(
    ["case", "median (ms)", "p99 (ms)", "max (ms)"],
    cases.map(([name, samples]) => {
      const s = summarize(samples);
      return [name, fmt(s.p50, 3), fmt(s.p99, 3), fmt(s.max, 3)];
    }),
  ),
);
const steady = summarize(cases[0]?.[1] ?? []);
console.log(
  `\nsteady-state p99 ${fmt(steady.p99, 3)} ms (target <= ${TARGET_P99_MS} ms): ${steady.p99 <= TARGET_P99_MS ? "ok" : "OVER"}`,
);
