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
import { dateRange, type ReviewChartsQuery } from "./review-index-query";
import { type ReviewScope, scopeSql } from "./review-scope";
import { dialect, num } from "./review-sql";

/** Reasons are JSON parsed in the app: the latest this many decisions in scope are read. */
export const REASONS_SAMPLE = 2000;
/** Decisions per hour covers the last this many hours up to the latest active day. */
export const HOURLY_WINDOW_HOURS = 48;
/** Reply delays are counted in steps of this many ms (percentiles are exact to it). */
export const DELAY_STEP_MS = 10;

export interface ReviewCharts {
  /** the room, for a room's charts */
  room: { id: string; name: string } | null;
  /** "day" normally; "hour" when every decision fell within two days */
  speakRateBucket: "day" | "hour";
  speakRate: { agents: string[]; points: SpeakRatePoint[] };
  delay: { buckets: DelayBucket[]; first: DelaySummary; last: DelaySummary };
  decisionsPerHour: DecisionsPoint[];
  creditsPerDay: { at: string; credits: number }[];
  reasons: {
    top: TopReason[];
    /** the latest decisions read for reasons (all of them unless `sampled`) */
    read: number;
    /** of those, how many have no stored reasons (hosted mode, or never read back from the engine) */
    unavailable: number;
    sampled: boolean;
  };
  totals: { turns: number; decided: number; credits: number };
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

/**
 * The review's chart data for the caller's rooms (or one room, 404 when it is not theirs),
 * under the index's filters. Everything is grouped in SQL except the reasons, whose JSON is
 * parsed here from the latest REASONS_SAMPLE decisions (JSON cannot be grouped cheaply on
 * both databases).
 */
export async function getReviewCharts(userId: string, query: ReviewChartsQuery): Promise<ReviewCharts> {
  const room = query.roomId ? (await requireMember(query.roomId, userId)).room : null;
  const d = dialect();
  const { since, until } = dateRange(query);
  const asked: ReviewScope = { userId, roomId: query.roomId, q: query.q, agent: query.agent, since, until };
  const scope: ReviewScope = { ...asked, mostRooms: await coversMostRooms(asked) };
  const s = scopeSql(d, scope);

  const [days, first, last, sample] = await Promise.all([
    grouped(scope, `t."day"`),
    delaySteps(scope, "firstDelayMs"),
    delaySteps(scope, "lastDelayMs"),
    getDb().$queryRawUnsafe<Raw[]>(
      `${s.rooms} SELECT t."agentName", t."decision", t."reasons" FROM "AgentTurn" t
       WHERE ${s.where("t", { agent: true })} AND t."decision" IN ('speak', 'stay_silent')
       ORDER BY t."createdAt" DESC LIMIT ${REASONS_SAMPLE}`,
      ...s.params,
    ),
  ]);

  const dayKeys = [...new Set(days.map((g) => g.at))].sort();
  // The hourly window ends with the latest day that has a turn.
  const lastDay = dayKeys.at(-1);
  const windowStart = lastDay
    ? new Date(Date.parse(`${lastDay}T00:00:00Z`) + 86_400_000 - HOURLY_WINDOW_HOURS * 3_600_000)
    : undefined;
  const hours =
    windowStart === undefined
      ? []
      : await grouped(
          { ...scope, since: since && since > windowStart ? since : windowStart },
          d.hour(`t."createdAt"`),
        );
  // Within two days, days make one or two points: hours say more.
  const speakRateBucket = dayKeys.length <= 2 ? "hour" : "day";
  const decided = days.filter((g) => g.decision === "speak" || g.decision === "stay_silent");
  const decidedTotal = decided.reduce((a, g) => a + g.n, 0);
  const read = sample.map((r) => ({
    agentName: String(r.agentName),
    decision: String(r.decision),
    reasons: r.reasons === null || r.reasons === undefined ? null : String(r.reasons),
  }));

  return {
    room: room ? { id: room.id, name: room.name } : null,
    speakRateBucket,
    speakRate: speakRateSeries(speakRateBucket === "hour" ? hours : days),
    delay: delayHistogram(first, last),
    decisionsPerHour: decisionsSeries(hours),
    creditsPerDay: creditsSeries(days),
    reasons: {
      top: topReasons(read),
      read: read.length,
      unavailable: read.filter((r) => r.reasons === null).length,
      sampled: decidedTotal > read.length,
    },
    totals: {
      turns: days.reduce((a, g) => a + g.n, 0),
      decided: decidedTotal,
      credits: days.reduce((a, g) => a + g.credits, 0),
    },
  };
}
