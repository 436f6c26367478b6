// Shapes the review's chart data from grouped rows. Pure: the loader runs the SQL, this
// decides buckets, series and which reason decided a turn, and is tested on its own.

import type { ReviewReason } from "./review-types";

/** Reply-delay buckets (upper bounds in ms); the last is open-ended. */
export const DELAY_BUCKETS_MS = [1000, 2000, 3000, 5000, 8000, 13000, 20000, 30000, 60000] as const;

export function delayBucketLabel(i: number): string {
  const s = (ms: number) => `${ms / 1000}`;
  if (i === 0) return `< ${s(DELAY_BUCKETS_MS[0])} s`;
  if (i >= DELAY_BUCKETS_MS.length) return `≥ ${s(DELAY_BUCKETS_MS.at(-1)!)} s`;
  return `${s(DELAY_BUCKETS_MS[i - 1]!)}–${s(DELAY_BUCKETS_MS[i]!)} s`;
}

export interface DelayBucket {
  bucket: string;
  firstBubble: number;
  lastBubble: number;
}

export interface DelaySummary {
  n: number;
  p50: number | null;
  p95: number | null;
}

/** Index of the chart bucket a delay falls in. */
export function delayBucketOf(ms: number): number {
  const i = DELAY_BUCKETS_MS.findIndex((upper) => ms < upper);
  return i === -1 ? DELAY_BUCKETS_MS.length : i;
}

/** Nearest-rank percentile (rank ⌈p × n⌉) of values given as counts per value. */
export function percentileOfCounts(counts: readonly { ms: number; n: number }[], p: number): number | null {
  const sorted = [...counts].sort((a, b) => a.ms - b.ms);
  const total = sorted.reduce((a, c) => a + c.n, 0);
  if (total === 0) return null;
  const rank = Math.min(total, Math.max(1, Math.ceil((p / 100) * total)));
  let seen = 0;
  for (const c of sorted) {
    seen += c.n;
    if (seen >= rank) return c.ms;
  }
  return sorted.at(-1)!.ms;
}

/**
 * The delay chart's buckets and the p50/p95 of message → first and → last bubble, from
 * replies counted per small step of delay.
 */
export function delayHistogram(
  first: readonly { ms: number; n: number }[],
  last: readonly { ms: number; n: number }[],
): { buckets: DelayBucket[]; first: DelaySummary; last: DelaySummary } {
  const buckets = Array.from({ length: DELAY_BUCKETS_MS.length + 1 }, (_, i) => ({
    bucket: delayBucketLabel(i),
    firstBubble: 0,
    lastBubble: 0,
  }));
  for (const c of first) buckets[delayBucketOf(c.ms)]!.firstBubble += c.n;
  for (const c of last) buckets[delayBucketOf(c.ms)]!.lastBubble += c.n;
  const summary = (counts: readonly { ms: number; n: number }[]): DelaySummary => ({
    n: counts.reduce((a, c) => a + c.n, 0),
    p50: percentileOfCounts(counts, 50),
    p95: percentileOfCounts(counts, 95),
  });
  return { buckets, first: summary(first), last: summary(last) };
}

export interface TurnGroup {
  /** a UTC day (YYYY-MM-DD) or hour (YYYY-MM-DDTHH) */
  at: string;
  agentName: string;
  decision: string;
  n: number;
  credits: number;
}

/** One point per time bucket, a speak rate (0–1, null when the agent decided nothing then) per agent. */
export type SpeakRatePoint = { at: string } & Record<string, number | null | string>;

/**
 * Speak rate per agent and time bucket, for the agents with the most decisions (a chart
 * with dozens of lines reads as noise); every bucket that has any decision is a point.
 */
export function speakRateSeries(
  groups: readonly TurnGroup[],
  maxAgents = 6,
): { agents: string[]; points: SpeakRatePoint[] } {
  const decidedBy = new Map<string, number>();
  const cells = new Map<string, Map<string, { speak: number; silent: number }>>();
  for (const g of groups) {
    if (g.decision !== "speak" && g.decision !== "stay_silent") continue;
    decidedBy.set(g.agentName, (decidedBy.get(g.agentName) ?? 0) + g.n);
    let row = cells.get(g.at);
    if (!row) {
      row = new Map();
      cells.set(g.at, row);
    }
    const c = row.get(g.agentName) ?? { speak: 0, silent: 0 };
    if (g.decision === "speak") c.speak += g.n;
    else c.silent += g.n;
    row.set(g.agentName, c);
  }
  const agents = [...decidedBy.entries()]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, maxAgents)
    .map(([name]) => name);
  const points = [...cells.keys()].sort().map((at) => {
    const point: SpeakRatePoint = { at };
    for (const agent of agents) {
      const c = cells.get(at)?.get(agent);
      point[agent] =
        c && c.speak + c.silent > 0 ? Math.round((c.speak / (c.speak + c.silent)) * 1000) / 1000 : null;
    }
    return point;
  });
  return { agents, points };
}

export interface DecisionsPoint {
  at: string;
  speak: number;
  stay_silent: number;
  other: number;
}

/** Decisions per time bucket: speak, stay silent, and the rest (not asked, unavailable). */
export function decisionsSeries(
  groups: readonly { at: string; decision: string; n: number }[],
): DecisionsPoint[] {
  const by = new Map<string, DecisionsPoint>();
  for (const g of groups) {
    const p = by.get(g.at) ?? { at: g.at, speak: 0, stay_silent: 0, other: 0 };
    if (g.decision === "speak") p.speak += g.n;
    else if (g.decision === "stay_silent") p.stay_silent += g.n;
    else p.other += g.n;
    by.set(g.at, p);
  }
  return [...by.values()].sort((a, b) => a.at.localeCompare(b.at));
}

/** Credits per time bucket, every agent together. */
export function creditsSeries(groups: readonly TurnGroup[]): { at: string; credits: number }[] {
  const by = new Map<string, number>();
  for (const g of groups) by.set(g.at, (by.get(g.at) ?? 0) + g.credits);
  return [...by.entries()].sort((a, b) => a[0].localeCompare(b[0])).map(([at, credits]) => ({ at, credits }));
}

/** Parses stored reasons JSON; anything that is not a list of {factor, weight} is no reasons. */
export function parseReasons(json: string | null): ReviewReason[] | null {
  if (!json) return null;
  try {
    const value = JSON.parse(json) as unknown;
    if (!Array.isArray(value)) return null;
    return value.filter(
      (r): r is ReviewReason =>
        typeof r === "object" && r !== null && typeof r.factor === "string" && typeof r.weight === "number",
    );
  } catch {
    return null;
  }
}

/**
 * The reason that decided a turn: the largest push towards what was decided (positive
 * weights speak, negative stay silent). The bias ("base") is there for every decision and
 * explains none, so it is left out.
 */
export function decidingReason(decision: string, reasons: readonly ReviewReason[]): string | null {
  const sign = decision === "speak" ? 1 : decision === "stay_silent" ? -1 : 0;
  if (sign === 0) return null;
  let best: ReviewReason | null = null;
  for (const r of reasons) {
    if (r.factor === "base" || r.weight * sign <= 0) continue;
    if (!best || r.weight * sign > best.weight * sign) best = r;
  }
  return best?.factor ?? null;
}

export interface TopReason {
  agentName: string;
  decision: "speak" | "stay_silent";
  factor: string;
  turns: number;
}

/** Per agent and decision, the factors that decided the most turns (the top `limit` of each). */
export function topReasons(
  turns: readonly { agentName: string; decision: string; reasons: string | null }[],
  limit = 3,
): TopReason[] {
  const counts = new Map<string, TopReason>();
  for (const t of turns) {
    if (t.decision !== "speak" && t.decision !== "stay_silent") continue;
    const reasons = parseReasons(t.reasons);
    const factor = reasons && decidingReason(t.decision, reasons);
    if (!factor) continue;
    const k = JSON.stringify([t.agentName, t.decision, factor]);
    const c = counts.get(k) ?? { agentName: t.agentName, decision: t.decision, factor, turns: 0 };
    c.turns += 1;
    counts.set(k, c);
  }
  const groups = new Map<string, TopReason[]>();
  for (const c of counts.values()) {
    const k = `${c.agentName}\u0000${c.decision}`;
    groups.set(k, [...(groups.get(k) ?? []), c]);
  }
  return [...groups.values()]
    .flatMap((g) => g.sort((a, b) => b.turns - a.turns || a.factor.localeCompare(b.factor)).slice(0, limit))
    .sort(
      (a, b) =>
        a.agentName.localeCompare(b.agentName) || a.decision.localeCompare(b.decision) || b.turns - a.turns,
    );
}
