import "server-only";
import { getDb } from "@/lib/db/client";
import { requireMember } from "./membership";
import { coversMostRooms } from "./review-breadth";
import {
  creditsSeries,
  type DecisionsPoint,
  type DelayBucket,
  type DelaySummary,
  decisionsSeries,
  delayHistogram,
  type SpeakRatePoint,
  speakRateSeries,
  type TopReason,
  type TurnGroup,
  topReasons,
} from "./review-chart-data";
import { type ChartName, dateRange, type ReviewChartsQuery } from "./review-index-query";
import { type ReviewScope, scopeSql } from "./review-scope";
import { dialect, num } from "./review-sql";

/** Reasons are JSON parsed in the app: the latest this many decisions in scope are read. */
export const REASONS_SAMPLE = 2000;
/** Decisions per hour covers the last this many hours up to the latest active day. */
export const HOURLY_WINDOW_HOURS = 48;
/** Reply delays are counted in steps of this many ms (percentiles are exact to it). */
export const DELAY_STEP_MS = 10;

/** Every chart's data at once. */
export interface ReviewCharts {
  /** the room, for a room's charts */
  room: { id: string; name: string } | null;
  speakRate: SpeakRateChart;
  delay: DelayChart;
  decisionsPerHour: DecisionsPoint[];
  creditsPerDay: { at: string; credits: number }[];
  reasons: ReasonsChart;
  totals: ChartTotals;
}

type Raw = Record<string, unknown>;

const toGroups = (raw: Raw[]): TurnGroup[] =>
  raw.map((r) => ({
    at: String(r.at),
    agentName: String(r.agentName),
    decision: String(r.decision),
    n: num(r.n) ?? 0,
    credits: num(r.credits) ?? 0,
  }));

/**
 * Turns grouped by time bucket (`at`, an expression over the turn `t`), agent and decision,
 * with credits: one pass over an index (by day, it is read in the order it groups by).
 */
function grouped(scope: ReviewScope, at: string) {
  const s = scopeSql(dialect(), scope);
  return getDb()
    .$queryRawUnsafe<Raw[]>(
      `${s.rooms} SELECT ${at} AS "at", t."agentName", t."decision", COUNT(*) AS n, SUM(t."credits") AS credits
       FROM "AgentTurn" t WHERE ${s.where("t", { agent: true, turns: true })} GROUP BY 1, 2, 3`,
      ...s.params,
    )
    .then(toGroups);
}

/**
 * Replies counted per DELAY_STEP_MS step of message → first (or last) bubble: counted per
 * millisecond first, in the order of the delay's index (no sort), then the few thousand
 * counts summed per step.
 */
function delaySteps(scope: ReviewScope, column: "firstDelayMs" | "lastDelayMs") {
  const s = scopeSql(dialect(), scope);
  return getDb()
    .$queryRawUnsafe<Raw[]>(
      `${s.rooms} SELECT per_ms.ms / ${DELAY_STEP_MS} AS step, SUM(per_ms.n) AS n FROM (
         SELECT t."${column}" AS ms, COUNT(*) AS n FROM "AgentTurn" t
         WHERE ${s.where("t", { agent: true, turns: true })} AND t."outcome" = 'replied' AND t."${column}" IS NOT NULL
         GROUP BY t."${column}"
       ) per_ms GROUP BY 1`,
      ...s.params,
    )
    .then((raw) => raw.map((r) => ({ ms: (num(r.step) ?? 0) * DELAY_STEP_MS, n: num(r.n) ?? 0 })));
}

/** What one request's charts cover, resolved once (membership, breadth) and shared by every chart. */
export interface ChartsScope {
  room: { id: string; name: string } | null;
  scope: ReviewScope;
  /** the asked start, which the hourly window never reaches before */
  since?: Date;
}

/** The caller's chart scope (one room: 404 when it is not theirs), under the index's filters. */
export async function chartsScope(userId: string, query: ReviewChartsQuery): Promise<ChartsScope> {
  const room = query.roomId ? (await requireMember(query.roomId, userId)).room : null;
  const { since, until } = dateRange(query);
  const asked: ReviewScope = { userId, roomId: query.roomId, q: query.q, agent: query.agent, since, until };
  return {
    room: room ? { id: room.id, name: room.name } : null,
    scope: { ...asked, mostRooms: await coversMostRooms(asked) },
    since,
  };
}

/** Turns per UTC day, agent and decision: the speak-rate and credits charts and the totals read it. */
export function dayGroups(cs: ChartsScope): Promise<TurnGroup[]> {
  return grouped(cs.scope, `t."day"`);
}

/** The latest day with a turn in scope (the day index read backwards, stopping at the first hit). */
async function latestDay(cs: ChartsScope): Promise<string | null> {
  const s = scopeSql(dialect(), cs.scope);
  const [row] = await getDb().$queryRawUnsafe<Raw[]>(
    `${s.rooms} SELECT t."day" AS day FROM "AgentTurn" t
     WHERE ${s.where("t", { agent: true, turns: true })} ORDER BY t."day" DESC LIMIT 1`,
    ...s.params,
  );
  return row?.day === undefined || row.day === null ? null : String(row.day);
}

/** Turns per UTC hour over the HOURLY_WINDOW_HOURS that end with `lastDay`. */
function hourGroups(cs: ChartsScope, lastDay: string): Promise<TurnGroup[]> {
  const windowStart = new Date(
    Date.parse(`${lastDay}T00:00:00Z`) + 86_400_000 - HOURLY_WINDOW_HOURS * 3_600_000,
  );
  const since = cs.since && cs.since > windowStart ? cs.since : windowStart;
  return grouped({ ...cs.scope, since }, dialect().hour(`t."createdAt"`));
}

const decidedOnly = (groups: readonly TurnGroup[]) =>
  groups.filter((g) => g.decision === "speak" || g.decision === "stay_silent");

export interface SpeakRateChart {
  /** "day" normally; "hour" when every decision fell within two days */
  bucket: "day" | "hour";
  agents: string[];
  points: SpeakRatePoint[];
}

export async function speakRateChart(
  cs: ChartsScope,
  days: Promise<TurnGroup[]> = dayGroups(cs),
): Promise<SpeakRateChart> {
  const dayKeys = [...new Set((await days).map((g) => g.at))].sort();
  // Within two days, days make one or two points: hours say more.
  const lastDay = dayKeys.at(-1);
  if (dayKeys.length <= 2 && lastDay) {
    return { bucket: "hour", ...speakRateSeries(await hourGroups(cs, lastDay)) };
  }
  return { bucket: "day", ...speakRateSeries(await days) };
}

export interface DelayChart {
  buckets: DelayBucket[];
  first: DelaySummary;
  last: DelaySummary;
}

export async function delayChart(cs: ChartsScope): Promise<DelayChart> {
  const first = await delaySteps(cs.scope, "firstDelayMs");
  const last = await delaySteps(cs.scope, "lastDelayMs");
  return delayHistogram(first, last);
}

/**
 * Decisions per hour over the HOURLY_WINDOW_HOURS up to the latest day with a turn: taken from
 * `days` when they are loaded anyway, else read on its own (a streamed chart need not wait for them).
 */
export async function decisionsChart(
  cs: ChartsScope,
  days?: Promise<TurnGroup[]>,
): Promise<DecisionsPoint[]> {
  const lastDay = days
    ? (await days).reduce<string | null>((last, g) => (last === null || g.at > last ? g.at : last), null)
    : await latestDay(cs);
  return lastDay ? decisionsSeries(await hourGroups(cs, lastDay)) : [];
}

export interface CreditsChart {
  points: { at: string; credits: number }[];
  total: number;
}

export async function creditsChart(
  cs: ChartsScope,
  days: Promise<TurnGroup[]> = dayGroups(cs),
): Promise<CreditsChart> {
  const groups = await days;
  return { points: creditsSeries(groups), total: groups.reduce((a, g) => a + g.credits, 0) };
}

export interface ReasonsChart {
  top: TopReason[];
  /** the latest decisions read for reasons (all of them unless `sampled`) */
  read: number;
  /** of those, how many have no stored reasons (hosted mode, or never read back from the engine) */
  unavailable: number;
  sampled: boolean;
}

/**
 * The reasons that decided turns, parsed here from the latest REASONS_SAMPLE decisions (JSON
 * cannot be grouped cheaply on both databases); one more is read to know whether there were more.
 */
export async function reasonsChart(cs: ChartsScope): Promise<ReasonsChart> {
  const s = scopeSql(dialect(), cs.scope);
  const raw = await getDb().$queryRawUnsafe<Raw[]>(
    `${s.rooms} SELECT t."agentName", t."decision", t."reasons" FROM "AgentTurn" t
     WHERE ${s.where("t", { agent: true })} AND t."decision" IN ('speak', 'stay_silent')
     ORDER BY t."createdAt" DESC LIMIT ${REASONS_SAMPLE + 1}`,
    ...s.params,
  );
  const read = raw.slice(0, REASONS_SAMPLE).map((r) => ({
    agentName: String(r.agentName),
    decision: String(r.decision),
    reasons: r.reasons === null || r.reasons === undefined ? null : String(r.reasons),
  }));
  return {
    top: topReasons(read),
    read: read.length,
    unavailable: read.filter((r) => r.reasons === null).length,
    sampled: raw.length > REASONS_SAMPLE,
  };
}

export interface ChartTotals {
  turns: number;
  decided: number;
  credits: number;
}

export async function chartTotals(days: Promise<TurnGroup[]>): Promise<ChartTotals> {
  const groups = await days;
  return {
    turns: groups.reduce((a, g) => a + g.n, 0),
    decided: decidedOnly(groups).reduce((a, g) => a + g.n, 0),
    credits: groups.reduce((a, g) => a + g.credits, 0),
  };
}

/** One chart's data, by name (the charts route's `?chart=`). */
export function loadChart(cs: ChartsScope, chart: ChartName) {
  switch (chart) {
    case "speak-rate":
      return speakRateChart(cs);
    case "delay":
      return delayChart(cs);
    case "decisions":
      return decisionsChart(cs);
    case "credits":
      return creditsChart(cs);
    case "reasons":
      return reasonsChart(cs);
  }
}

/** Every chart's data at once (the charts route without `?chart=`, and exports of figures). */
export async function getReviewCharts(userId: string, query: ReviewChartsQuery): Promise<ReviewCharts> {
  const cs = await chartsScope(userId, query);
  const days = dayGroups(cs);
  const [speakRate, delay, decisionsPerHour, credits, reasons, totals] = await Promise.all([
    speakRateChart(cs, days),
    delayChart(cs),
    decisionsChart(cs, days),
    creditsChart(cs, days),
    reasonsChart(cs),
    chartTotals(days),
  ]);
  return {
    room: cs.room,
    speakRate,
    delay,
    decisionsPerHour,
    creditsPerDay: credits.points,
    reasons,
    totals,
  };
}
