// Reads the labelled scenario set. One JSON object per line:
//   {"id","situation","agent":{"name","system_prompt"},"history":[{"sender","content","ts"}],"label"}
// The LAST history item is the new message (the batch); a line is the
// agent's own when its sender equals the agent's name. Optional extras:
// "signals" ({"typingNow":[...],"burstSender":...}) and "note" (why the label).

import { readFileSync } from "node:fs";
import { z } from "zod";
import type { DecisionInput } from "../types";

export type Label = "speak" | "stay_silent";

const lineSchema = z.object({
  sender: z.string().min(1),
  content: z.string().min(1),
  ts: z.number(),
});

export const scenarioSchema = z.object({
  id: z.string().min(1),
  situation: z.string().min(1),
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
  situation: string;
  agentName: string;
  label: Label;
  input: DecisionInput;
  note?: string;
}

export function toScenario(record: ScenarioRecord): Scenario {
  const name = record.agent.name;
  const lines = record.history.map((h) => ({
    sender: h.sender,
    content: h.content,
    ts: h.ts,
    self: h.sender === name,
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
  return {
    id: record.id,
    situation: record.situation,
    agentName: name,
    label: record.label,
    input,
    note: record.note,
  };
}

export function parseScenarios(jsonl: string, source = "scenarios"): Scenario[] {
  const out: Scenario[] = [];
  jsonl.split("\n").forEach((raw, i) => {
    const line = raw.trim();
    if (!line) return;
    let json: unknown;
    try {
      json = JSON.parse(line);
    } catch {
      throw new Error(`${source}:${i + 1}: not valid JSON`);
    }
    const parsed = scenarioSchema.safeParse(json);
    if (!parsed.success)
      throw new Error(`${source}:${i + 1}: ${parsed.error.issues[0]?.message ?? "invalid"}`);
    out.push(toScenario(parsed.data));
  });
  return out;
}

export function loadScenarios(path: string): Scenario[] {
  return parseScenarios(readFileSync(path, "utf8"), path);
}
