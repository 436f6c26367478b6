// eval:decisions end to end, as a person runs it: a file in the documented
// format (ISO times, no situation, unknown fields), a per-slice table, --out,
// and a malformed line that stops the run with exit code 2 and writes nothing.

import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = path.resolve(__dirname, "..");
const dir = mkdtempSync(path.join(tmpdir(), "eval-decisions-"));

function run(...args: string[]) {
  const r = spawnSync(process.execPath, ["--import", "tsx", "scripts/eval-decisions.ts", ...args], {
    cwd: ROOT,
    encoding: "utf8",
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const record = (id: string, content: string, label: string, extra: object = {}) =>
  JSON.stringify({
    id,
    agent: {
      name: "Sam",
      system_prompt: "You are Sam, a support engineer. You help with billing and invoices.",
    },
    history: [
      { sender: "Lena", content: "morning all", ts: "2026-03-02T09:00:00Z" },
      { sender: "Lena", content, ts: "2026-03-02T09:01:30.000000Z" },
    ],
    label,
    annotator: "ignored",
    ...extra,
  });

/** Each case starts the script (tsx) a few times: slow on a shared machine. */
const SPAWNS = 60_000;

describe("eval:decisions", () => {
  it(
    "scores a file in the documented format, per slice, and writes --out",
    () => {
      const file = path.join(dir, "documented.jsonl");
      writeFileSync(
        file,
        [
          record("a", "Sam, my invoice is wrong, can you check?", "speak", { slice: "addressed_to_agent" }),
          record("b", "Bob: lunch at noon?", "stay_silent", { slice: "unaddressed" }),
          // Epoch milliseconds are accepted too.
          JSON.stringify({
            id: "c",
            agent: { name: "Sam", system_prompt: "You are Sam." },
            history: [{ sender: "Lena", content: "thanks!", ts: 1772442000000 }],
            label: "stay_silent",
            slice: "unaddressed",
          }),
          "",
        ].join("\n"),
      );
      const out = path.join(dir, "out.jsonl");
      const r = run(file, "--out", out);
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout).toContain("3 decisions, 33.3% labelled speak");
      expect(r.stdout).toMatch(/\| decision model \| 3 \|/);
      expect(r.stdout).toMatch(/\| addressed_to_agent: decision model \| 1 \|/);
      expect(r.stdout).toMatch(/\| unaddressed: speak only when named \| 2 \|/);
      const written = readFileSync(out, "utf8")
        .trim()
        .split("\n")
        .map((l) => JSON.parse(l));
      expect(written.map((w) => w.id)).toEqual(["a", "b", "c"]);
      expect(written[0]).toMatchObject({ decision: "speak" });
      expect(written[0].reasons[0].factor).toBe("base");
    },
    SPAWNS,
  );

  it(
    "stops at a malformed line with its number and exit code 2, writing nothing",
    () => {
      const file = path.join(dir, "malformed.jsonl");
      writeFileSync(
        file,
        [record("a", "hi", "stay_silent"), record("b", "hi", "maybe"), record("c", "hi", "speak")].join("\n"),
      );
      const out = path.join(dir, "never.jsonl");
      const r = run(file, "--out", out);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/malformed input at .*malformed\.jsonl line 2: label/);
      expect(existsSync(out)).toBe(false);

      writeFileSync(file, `${record("a", "hi", "stay_silent")}\n{"id": "b", "history": [`);
      const broken = run(file);
      expect(broken.code).toBe(2);
      expect(broken.stderr).toContain("line 2: not valid JSON");

      const badTime = JSON.parse(record("a", "hi", "speak"));
      badTime.history[0].ts = "yesterday";
      writeFileSync(file, JSON.stringify(badTime));
      expect(run(file).stderr).toContain("line 1: history.0.ts");
    },
    SPAWNS,
  );
});
