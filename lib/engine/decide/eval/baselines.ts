// Naive policies the model must beat, computed on the same scenario file.
//
// - always:      every agent speaks on every message.
// - never:       nobody ever speaks.
// - named-only:  speak iff the agent's name appears as a whole word
//                (case-insensitive, accents ignored) in the new message.
// - named-or-recent: named, or the agent itself posted one of the last
//                RECENT_LINES lines before the new message (the real-chat
//                data set's second reference rule).
// - round-robin: agents take turns. Within a situation, cases that share the
//                same history are one "moment"; moments are numbered in file
//                order (0, 1, 2...) and the situation's agents are ordered by
//                first appearance in the file (A0..Ak-1). Moment m belongs to
//                agent A(m mod k): it speaks, the others stay silent. A
//                one-agent situation therefore speaks at every moment.

import { mentionsName } from "../../../text/mentions";
import type { Decision } from "./metrics";
import type { Scenario } from "./scenarios/load";

export type BaselineName =
  | "always speak"
  | "never speak"
  | "speak only when named"
  | "named, or spoke in the last 5 lines"
  | "round-robin";

/** How many lines back the agent's own line counts as "just spoke". */
export const RECENT_LINES = 5;

function momentKey(s: Scenario): string {
  const last = s.input.batch[s.input.batch.length - 1];
  return `${s.input.history.length}|${last?.sender}|${last?.ts}|${last?.content}`;
}

export function namedOnly(s: Scenario): Decision {
  return s.input.batch.some((l) => mentionsName(l.content, s.agentName)) ? "speak" : "stay_silent";
}

export function namedOrRecent(s: Scenario): Decision {
  if (namedOnly(s) === "speak") return "speak";
  const name = s.agentName.trim().toLowerCase();
  const recent = s.input.history.slice(-RECENT_LINES);
  return recent.some((l) => l.self ?? l.sender.trim().toLowerCase() === name) ? "speak" : "stay_silent";
}

export function roundRobin(scenarios: readonly Scenario[]): Decision[] {
  const agents = new Map<string, string[]>();
  const moments = new Map<string, Map<string, number>>();
  for (const s of scenarios) {
    const list = agents.get(s.situation) ?? [];
    if (!list.includes(s.agentName)) list.push(s.agentName);
    agents.set(s.situation, list);
    const m = moments.get(s.situation) ?? new Map<string, number>();
    const key = momentKey(s);
    if (!m.has(key)) m.set(key, m.size);
    moments.set(s.situation, m);
  }
  return scenarios.map((s) => {
    const list = agents.get(s.situation) ?? [s.agentName];
    const moment = moments.get(s.situation)?.get(momentKey(s)) ?? 0;
    return list[moment % list.length] === s.agentName ? "speak" : "stay_silent";
  });
}

export function baselineDecisions(scenarios: readonly Scenario[]): Record<BaselineName, Decision[]> {
  return {
    "always speak": scenarios.map(() => "speak"),
    "never speak": scenarios.map(() => "stay_silent"),
    "speak only when named": scenarios.map(namedOnly),
    "named, or spoke in the last 5 lines": scenarios.map(namedOrRecent),
    "round-robin": roundRobin(scenarios),
  };
}
