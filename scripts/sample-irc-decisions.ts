// tsx scripts/sample-irc-decisions.ts IRC_DIR OUT_DIR [--split dev] [--every 11] [--limit 2000]
//
// Copies a fixed sample of the compact real-chat decision set into OUT_DIR, in
// the same compact form (conversations, agents, decisions as gzipped JSONL),
// keeping only what those decisions need: their agents and, per conversation,
// the messages from HISTORY_WINDOW chat lines before the first decision to
// the last one. Deterministic: one decision in K, in file order, up to N.

import { createReadStream, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { parseArgs } from "node:util";
import { createGunzip, gzipSync } from "node:zlib";
import { HISTORY_WINDOW } from "../lib/engine/decide/eval/irc-source";

interface Message {
  idx: number;
  kind: string;
}
interface Conversation {
  conv_id: string;
  split: string;
  messages: Message[];
}

async function readAll<T>(path: string): Promise<T[]> {
  const out: T[] = [];
  const lines = createInterface({ input: createReadStream(path).pipe(createGunzip()), crlfDelay: Infinity });
  for await (const line of lines) if (line) out.push(JSON.parse(line) as T);
  return out;
}

/** gzip without a timestamp in the header, so the same sample gives the same bytes. */
const gz = (rows: unknown[]) => gzipSync(rows.map((r) => `${JSON.stringify(r)}\n`).join(""), { level: 9 });

async function main(): Promise<void> {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: {
      split: { type: "string", default: "dev" },
      every: { type: "string", default: "11" },
      limit: { type: "string", default: "2000" },
    },
  });
  const [dir, out] = positionals;
  if (!dir || !out) {
    console.error(
      "usage: tsx scripts/sample-irc-decisions.ts IRC_DIR OUT_DIR [--split dev] [--every 11] [--limit 2000]",
    );
    process.exit(2);
  }
  const every = Number(values.every);
  const limit = Number(values.limit);
  const conversations = (await readAll<Conversation>(join(dir, "conversations.jsonl.gz"))).filter(
    (c) => c.split === values.split,
  );
  const wanted = new Set(conversations.map((c) => c.conv_id));
  const decisions: Array<{ conv: string; agent: string; after: number }> = [];
  let seen = 0;
  for (const d of await readAll<{ conv: string; agent: string; after: number }>(
    join(dir, "decisions.jsonl.gz"),
  )) {
    if (!wanted.has(d.conv)) continue;
    if (seen++ % every !== 0) continue;
    if (decisions.length >= limit) break;
    decisions.push(d);
  }
  const kept = conversations.flatMap((c) => {
    const afters = decisions.filter((d) => d.conv === c.conv_id).map((d) => d.after);
    if (afters.length === 0) return [];
    const first = Math.min(...afters);
    const last = Math.max(...afters);
    const chat = c.messages.filter((m) => m.kind !== "system" && m.idx <= first);
    const from = chat[Math.max(0, chat.length - HISTORY_WINDOW)]?.idx ?? 0;
    return [{ ...c, messages: c.messages.filter((m) => m.idx >= from && m.idx <= last) }];
  });
  const pairs = new Set(decisions.map((d) => `${d.conv}\u0000${d.agent}`));
  const agents = (await readAll<{ conv: string; agent: string }>(join(dir, "agents.jsonl.gz"))).filter((a) =>
    pairs.has(`${a.conv}\u0000${a.agent}`),
  );
  mkdirSync(out, { recursive: true });
  writeFileSync(join(out, "conversations.jsonl.gz"), gz(kept));
  writeFileSync(join(out, "agents.jsonl.gz"), gz(agents));
  writeFileSync(join(out, "decisions.jsonl.gz"), gz(decisions));
  console.log(
    `${decisions.length} decisions, ${kept.length} conversations, ${agents.length} agents -> ${out}`,
  );
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
