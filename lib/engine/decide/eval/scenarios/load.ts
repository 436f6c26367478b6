// Reads labelled decisions in the documented eval format, one JSON object per line:
//   {"id","agent":{"name","system_prompt"},"history":[{"sender","content","ts"}],"label"}
// `ts` is an ISO 8601 string or epoch milliseconds. The LAST history item is
// the new message (the batch); a line is the agent's own when its sender is
// the agent's name (case-insensitively). Optional: "situation" (one room of
// several agents), "slice" (a group to report separately), "signals"
// ({"typingNow":[...],"burstSender":...}) and "note" (why the label). Other
// fields are ignored.

import { readFileSync } from "node:fs";
import { z } from "zod";
import type { DecisionInput } from "../../types";

export type Label = "speak" | "stay_silent";

const timestamp = z.union([
  z.number().finite(),
  z
    .string()
    .refine(
      (s) => /^\d{4}-\d{2}-\d{2}T/.test(s) && Number.isFinite(Date.parse(s)),
      "ts: not an ISO 8601 time",
    )
    .transform((s) => Date.parse(s)),
]);

const lineSchema = z.object({
  sender: z.string().min(1),
  content: z.string(),
  ts: timestamp,
});

export const scenarioSchema = z.object({
  id: z.string().min(1),
  situation: z.string().min(1).optional(),
  slice: z.string().min(1).optional(),
  agent: z.object({ name: z.string().min(1), system_prompt: z.string() }),
  history: z.array(lineSchema).min(1),
  label: z.enum(["speak", "stay_silent"]),
  signals: z
    .object({ typingNow: z.array(z.string()).default([]), burstSender: z.string().nullish() })
    .optional(),
  note: z.string().optional(),
});

export type ScenarioRecord = z.infer<typeof scenarioSchema>;

export interface Scenario {
  id: string;
  /** the room; "" when the file does not say */
  situation: string;
  slice?: string;
  agentName: string;
  label: Label;
  input: DecisionInput;
  note?: string;
}

const sameName = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

export function toScenario(record: ScenarioRecord): Scenario {
  const name = record.agent.name;
  const lines = record.history.map((h) => ({
    sender: h.sender,
    content: h.content,
    ts: h.ts,
    self: sameName(h.sender, name),
  }));
  const last = lines[lines.length - 1];
  if (!last) throw new Error(`${record.id}: empty history`);
  const input: DecisionInput = {
    agentName: name,
    systemPrompt: record.agent.system_prompt,
    history: lines.slice(0, -1),
    batch: [last],
    // The decision runs as the batch arrives.
    now: last.ts,
  };
  if (record.signals)
    input.signals = { typingNow: record.signals.typingNow, burstSender: record.signals.burstSender };
  const scenario: Scenario = {
    id: record.id,
    situation: record.situation ?? "",
    agentName: name,
    label: record.label,
    input,
  };
  if (record.slice) scenario.slice = record.slice;
  if (record.note) scenario.note = record.note;
  return scenario;
}

export class MalformedLineError extends Error {
  constructor(
    readonly source: string,
    readonly line: number,
    readonly problem: string,
  ) {
    super(`${source}:${line}: ${problem}`);
  }
}

/** One line of the file as a Scenario, or a MalformedLineError naming the line. */
export function parseScenarioLine(raw: string, source: string, lineNumber: number): Scenario {
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    throw new MalformedLineError(source, lineNumber, "not valid JSON");
  }
  const parsed = scenarioSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.length ? `${issue.path.join(".")}: ` : "";
    throw new MalformedLineError(source, lineNumber, `${where}${issue?.message ?? "invalid"}`);
  }
  return toScenario(parsed.data);
}

export function parseScenarios(jsonl: string, source = "scenarios"): Scenario[] {
  const out: Scenario[] = [];
  jsonl.split("\n").forEach((raw, i) => {
    const line = raw.trim();
    if (line) out.push(parseScenarioLine(line, source, i + 1));
  });
  return out;
}

export function loadScenarios(path: string): Scenario[] {
  return parseScenarios(readFileSync(path, "utf8"), path);
}
