// Reads the compact real-chat decision set (conversations, agents and
// decisions as gzipped JSONL; see data/irc-dev-sample/README.md) and yields
// each decision as the engine sees it: the agent's name and prompt, the last
// HISTORY_WINDOW lines up to the message decided on, and the label. The
// expansion matches the data set's own `to-eval.mjs` line for line, so a model
// trained here sees the same inputs as `eval:decisions` on the expanded file.

import { createReadStream } from "node:fs";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { createGunzip } from "node:zlib";
import type { ChatLine } from "../types";
import type { Scenario } from "./scenarios/load";

/** Lines of history per decision, as `to-eval.mjs` writes by default. */
export const HISTORY_WINDOW = 50;

interface Message {
  idx: number;
  kind: string;
  speaker: string;
  text: string;
  t_sec: number;
}
interface Conversation {
  conv_id: string;
  split: string;
  source_file?: string;
  messages: Message[];
}
interface AgentRecord {
  conv: string;
  agent: string;
  persona_min: string;
  role_hint: string;
  earlier_messages: string[];
}
interface DecisionRecord {
  id: string;
  conv: string;
  agent: string;
  after: number;
  label: number;
  slice: string;
}

async function* jsonLines<T>(path: string): AsyncGenerator<T> {
  const lines = createInterface({
    input: createReadStream(path).pipe(createGunzip()),
    crlfDelay: Number.POSITIVE_INFINITY,
  });
  for await (const line of lines) if (line) yield JSON.parse(line) as T;
}

/** One conversation's chat lines (system lines dropped) and where each message index falls. */
interface Thread {
  lines: ChatLine[];
  /** message idx -> number of chat lines with idx <= it */
  upTo: Map<number, number>;
}

function thread(c: Conversation): Thread {
  const m = /(\d{4})-(\d{2})-(\d{2})/.exec(`${c.conv_id} ${c.source_file ?? ""}`);
  const base = m ? Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) : Date.UTC(2020, 0, 1);
  const lines: ChatLine[] = [];
  const upTo = new Map<number, number>();
  for (const x of [...c.messages].sort((a, b) => a.idx - b.idx)) {
    if (x.kind !== "system") {
      const content = (x.kind === "msg" ? x.text : `* ${x.speaker} ${x.text}`).slice(0, 4000) || ".";
      // Whole seconds, as the ISO times of the expanded file carry them.
      lines.push({ sender: x.speaker, content, ts: base + Math.floor(x.t_sec) * 1000 });
    }
    upTo.set(x.idx, lines.length);
  }
  return { lines, upTo };
}

export function ircPrompt(a: AgentRecord): string {
  let prompt = `You are ${a.agent}. ${a.persona_min} Role: ${a.role_hint}.`;
  if (a.earlier_messages.length > 0) prompt += ` Things you said earlier: ${a.earlier_messages.join(" | ")}`;
  return prompt;
}

export interface IrcDecision extends Scenario {
  /** the conversation, for folds that keep a log together */
  conv: string;
}

/** Every decision of one split, in file order. `every` keeps one in K (a quick sample). */
export async function* readIrcSplit(
  dir: string,
  split: "train" | "dev",
  every = 1,
): AsyncGenerator<IrcDecision> {
  const threads = new Map<string, Thread>();
  for await (const c of jsonLines<Conversation>(join(dir, "conversations.jsonl.gz")))
    if (c.split === split) threads.set(c.conv_id, thread(c));
  const prompts = new Map<string, string>();
  for await (const a of jsonLines<AgentRecord>(join(dir, "agents.jsonl.gz")))
    if (threads.has(a.conv)) prompts.set(`${a.conv}\u0000${a.agent}`, ircPrompt(a));
  let seen = 0;
  for await (const d of jsonLines<DecisionRecord>(join(dir, "decisions.jsonl.gz"))) {
    const t = threads.get(d.conv);
    if (!t) continue;
    if (seen++ % every !== 0) continue;
    const end = t.upTo.get(d.after) ?? 0;
    const lines = t.lines.slice(Math.max(0, end - HISTORY_WINDOW), end);
    const last = lines.pop();
    if (!last) continue;
    yield {
      id: d.id,
      conv: d.conv,
      situation: "",
      slice: d.slice,
      agentName: d.agent,
      label: d.label === 1 ? "speak" : "stay_silent",
      input: {
        agentName: d.agent,
        systemPrompt: prompts.get(`${d.conv}\u0000${d.agent}`) ?? `You are ${d.agent}.`,
        history: lines,
        batch: [last],
        now: last.ts,
      },
    };
  }
}
