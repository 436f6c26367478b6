// npm run train:decisions -- SOURCE[=WEIGHT]... [--out PATH] [--folds N] [--every K] [--field-penalty X]
//
// Fits the decision model's weights (see lib/engine/decide/eval/train.ts) and
// writes them as the versioned JSON file the engine loads. A SOURCE is either
// the compact real-chat set (a directory holding conversations.jsonl.gz,
// agents.jsonl.gz and decisions.jsonl.gz: its `train` split is read, never
// `dev`) or a JSONL file in the eval:decisions format. WEIGHT is the source's
// total weight relative to the others (default 1). --every K reads one
// real-chat decision in K (a quick experiment). Progress goes to stderr.

import { existsSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { readIrcSplit } from "../lib/engine/decide/eval/irc-source";
import { readCases } from "../lib/engine/decide/eval/read-cases";
import { buildTable, type LabelledSource, trainModel } from "../lib/engine/decide/eval/train";

const DEFAULT_OUT = "lib/engine/decide/decision-model.json";
const L2_GRID = [1e-5, 1e-4, 1e-3];

function usage(): never {
  console.error(
    "usage: npm run train:decisions -- SOURCE[=WEIGHT]... [--out PATH] [--folds N] [--every K] [--field-penalty X]",
  );
  process.exit(2);
}

function parseArgs(argv: string[]) {
  const sources: Array<{ path: string; weight: number }> = [];
  let out = DEFAULT_OUT;
  let folds = 5;
  let every = 1;
  let fieldPenalty: number | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === "--out") out = argv[++i] ?? usage();
    else if (arg === "--folds") folds = Number(argv[++i] ?? usage());
    else if (arg === "--every") every = Number(argv[++i] ?? usage());
    else if (arg === "--field-penalty") fieldPenalty = Number(argv[++i] ?? usage());
    else if (arg.startsWith("--")) usage();
    else {
      const at = arg.lastIndexOf("=");
      const weight = at > 0 ? Number(arg.slice(at + 1)) : 1;
      const file = at > 0 ? arg.slice(0, at) : arg;
      if (!(weight > 0) || !existsSync(file)) {
        console.error(`not a readable source with a positive weight: ${arg}`);
        process.exit(2);
      }
      sources.push({ path: file, weight });
    }
  }
  if (sources.length === 0 || !(folds >= 2) || !(every >= 1)) usage();
  return { sources, out, folds, every, fieldPenalty };
}

async function main(): Promise<void> {
  const started = process.hrtime.bigint();
  const { sources, out, folds, every, fieldPenalty } = parseArgs(process.argv.slice(2));
  const labelled: LabelledSource[] = sources.map((s) => {
    const isDir = statSync(s.path).isDirectory();
    return {
      name: `${path.basename(s.path)}${isDir ? " (train split)" : ""}`,
      weight: s.weight,
      cases: isDir ? readIrcSplit(s.path, "train", every) : readCases(s.path),
    };
  });
  const table = await buildTable(labelled, (n) => process.stderr.write(`\rfeatures: ${n} decisions`));
  process.stderr.write(`\rfeatures: ${table.rows.labels.length} decisions, ${table.names.length} features\n`);
  const counts = labelled.map((s, i) => ({
    source: s.name,
    weight: s.weight,
    decisions: table.source.filter((x) => x === i).length,
    speak: table.source.filter((x, r) => x === i && table.rows.labels[r] === 1).length,
  }));
  // The threshold is chosen on the largest source (the real conversations).
  const thresholdSource = counts.reduce(
    (best, c, i) => (c.decisions > (counts[best]?.decisions ?? 0) ? i : best),
    0,
  );
  const report = trainModel(
    table,
    { folds, l2Grid: L2_GRID, thresholdSource, fieldPenalty },
    {
      command: `npm run train:decisions -- ${process.argv.slice(2).join(" ")}`,
      sources: counts,
      thresholdChosenOn: counts[thresholdSource]?.source,
    },
  );
  writeFileSync(out, `${JSON.stringify(report.model, null, 2)}\n`);
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const heads = counts.map((c) => `${c.source}: held-out F1 / BA`);
  console.log(`| L2 | threshold | ${heads.join(" | ")} |`);
  console.log(`| ---: | ---: | ${heads.map(() => "---:").join(" | ")} |`);
  for (const g of report.grid)
    console.log(
      `| ${g.l2} | ${g.choice.threshold} | ${g.bySource.map((m) => `${m.f1.toFixed(3)} / ${m.balancedAccuracy.toFixed(3)}`).join(" | ")} |`,
    );
  console.log(
    `\nwrote ${out} (${table.names.length} weights, ${report.final.iterations} Newton steps) in ${seconds.toFixed(0)} s`,
  );
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
