// npm run eval:decisions -- SOURCE [--out OUT.jsonl] [--split dev|train] [--every K]
//
// Scores the decision model on labelled decisions and compares it with naive
// baselines on the same decisions (lib/engine/decide/eval/). SOURCE is a JSONL
// file in the documented format (lib/engine/decide/eval/scenarios/load.ts;
// `.gz` accepted) or a directory with the compact real-chat set (its --split,
// default dev). The file is streamed: hundreds of MB run in bounded memory,
// with progress on stderr. Prints markdown tables: overall, and per slice
// when lines carry `slice`. With --out, writes one
// {"id","decision","score","reasons"} line per decision. A malformed line
// stops the run with its line number and exit code 2, and nothing is written.

import { createWriteStream, existsSync, renameSync, rmSync, statSync, type WriteStream } from "node:fs";
import { evaluate, metricsTable, sliceTable } from "../lib/engine/decide/eval/evaluate";
import { readIrcSplit } from "../lib/engine/decide/eval/irc-source";
import { readCases } from "../lib/engine/decide/eval/read-cases";
import { MalformedLineError } from "../lib/engine/decide/eval/scenarios/load";
import { createRuleDecider } from "../lib/engine/decide/rule-decider";

function usage(): never {
  console.error("usage: npm run eval:decisions -- SOURCE [--out OUT.jsonl] [--split dev|train] [--every K]");
  process.exit(2);
}

function parseArgs(args: string[]) {
  let file: string | undefined;
  let out: string | undefined;
  let split: "dev" | "train" = "dev";
  let every = 1;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === "--out") out = args[++i] ?? usage();
    else if (arg === "--split") {
      const s = args[++i];
      if (s !== "dev" && s !== "train") usage();
      split = s;
    } else if (arg === "--every") every = Number(args[++i] ?? usage());
    else if (arg?.startsWith("--")) usage();
    else if (!file) file = arg;
    else usage();
  }
  if (!file || !(every >= 1)) usage();
  if (!existsSync(file)) {
    console.error(`no such file: ${file}`);
    process.exit(2);
  }
  return { file, out, split, every };
}

const closed = (stream: WriteStream) => new Promise<void>((resolve) => stream.end(resolve));

async function main(): Promise<void> {
  const { file, out, split, every } = parseArgs(process.argv.slice(2));
  const isDir = statSync(file).isDirectory();
  const cases = isDir ? readIrcSplit(file, split, every) : readCases(file);
  // Results go to a temporary file, renamed into place only when every line was read.
  const partial = out ? `${out}.partial-${process.pid}` : undefined;
  const sink = partial ? createWriteStream(partial) : undefined;
  const started = Date.now();
  try {
    const report = await evaluate(cases, createRuleDecider(), {
      keepWrong: 20,
      onProgress: (n) =>
        process.stderr.write(`\r${n} decisions (${Math.round((Date.now() - started) / 1000)} s)`),
      onResult: sink
        ? (s, r) =>
            sink.write(
              `${JSON.stringify({ id: s.id, decision: r.decision, score: r.score, reasons: r.reasons })}\n`,
            )
        : undefined,
    });
    process.stderr.write("\n");
    if (sink && partial && out) {
      await closed(sink);
      renameSync(partial, out);
    }
    const source = isDir ? `${file}, ${split} split` : file;
    const rooms = report.situations > 0 ? `, ${report.situations} situations` : "";
    console.log(
      `${report.cases} decisions${rooms}, ${(report.speakShare * 100).toFixed(1)}% labelled speak (${source})\n`,
    );
    console.log(metricsTable(report.overall));
    if (report.slices.length > 0) console.log(`\nPer slice:\n\n${sliceTable(report.slices)}`);
    if (report.wrong.length > 0) {
      console.log(`\nFirst ${report.wrong.length} disagreements with the labels:`);
      for (const w of report.wrong)
        console.log(`- ${w.id}: labelled ${w.label}, decided ${w.decided} (score ${w.score})`);
    }
    if (out) console.log(`\nwrote ${report.cases} decisions to ${out}`);
  } catch (error) {
    if (sink && partial) {
      await closed(sink);
      rmSync(partial, { force: true });
    }
    if (error instanceof MalformedLineError) {
      process.stderr.write("\n");
      console.error(`malformed input at ${error.source} line ${error.line}: ${error.problem}`);
      process.exit(2);
    }
    throw error;
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
