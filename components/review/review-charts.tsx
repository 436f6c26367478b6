"use client";

import { type ReactNode, useState } from "react";
import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";
import { useMediaQuery } from "@/components/ui/use-media-query";
import type { ReviewCharts as ChartsData, CreditsChart } from "@/lib/chat/review-charts";
import { factorLabel } from "@/lib/chat/review-timeline";

// Theme colours (globals.css --chart-*), so every chart follows light and dark mode.
const COLORS = [
  "var(--chart-1)",
  "var(--chart-2)",
  "var(--chart-3)",
  "var(--chart-4)",
  "var(--chart-5)",
  "var(--chart-6)",
];
const axis = { stroke: "var(--muted-foreground)", fontSize: 12 };
const tooltipStyle = {
  contentStyle: {
    background: "var(--popover)",
    border: "1px solid var(--border)",
    color: "var(--popover-foreground)",
  },
  labelStyle: { color: "var(--popover-foreground)" },
};
const seconds = (ms: number | null) => (ms === null ? "—" : `${(ms / 1000).toFixed(2)} s`);
const percent = (v: number | null | undefined) =>
  v === null || v === undefined ? "—" : `${Math.round(v * 100)}%`;

/** A chart with a title, a description, and its data as a table on demand (for screen readers and exact values). */
function ChartCard({
  id,
  title,
  description,
  empty,
  chart,
  table,
}: {
  id: string;
  title: string;
  description: string;
  empty: boolean;
  chart: ReactNode;
  table: { headers: string[]; rows: (string | number)[][] };
}) {
  const [showTable, setShowTable] = useState(false);
  return (
    <section
      aria-labelledby={`${id}-title`}
      data-testid={`chart-${id}`}
      className="grid gap-3 rounded-xl border bg-card p-4"
    >
      <div className="flex flex-wrap items-start justify-between gap-2">
        <div className="grid gap-1">
          <h2 id={`${id}-title`} className="font-semibold">
            {title}
          </h2>
          <p id={`${id}-desc`} className="text-muted-foreground text-sm">
            {description}
          </p>
        </div>
        {!empty ? (
          <button
            type="button"
            aria-expanded={showTable}
            aria-controls={`${id}-table`}
            onClick={() => setShowTable((v) => !v)}
            className="rounded-md border px-2 py-1 text-xs hover:bg-accent focus-visible:outline-none focus-visible:ring-[3px] focus-visible:ring-ring/50"
          >
            {showTable ? "Hide table" : "Show as table"}
          </button>
        ) : null}
      </div>
      {empty ? (
        <p className="text-muted-foreground text-sm italic">No data for this chart yet.</p>
      ) : (
        <>
          <div
            role="img"
            aria-labelledby={`${id}-title`}
            aria-describedby={`${id}-desc`}
            className="h-64 w-full"
          >
            {chart}
          </div>
          {showTable ? (
            <div id={`${id}-table`} className="max-h-72 overflow-auto rounded-lg border">
              <table className="w-full text-xs">
                <caption className="sr-only">{title}</caption>
                <thead className="sticky top-0 bg-muted text-left">
                  <tr>
                    {table.headers.map((h) => (
                      <th key={h} scope="col" className="px-2 py-1 font-medium">
                        {h}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {table.rows.map((row) => (
                    <tr key={row.join("\u0000")} className="border-t">
                      {row.map((cell, i) => (
                        <td key={table.headers[i]} className="px-2 py-1 tabular-nums">
                          {cell}
                        </td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ) : null}
        </>
      )}
    </section>
  );
}

/** Speak rate per agent over time. */
export function SpeakRateCard({ chart: speakRate }: { chart: ChartsData["speakRate"] }) {
  const bucketWord = speakRate.bucket === "hour" ? "hour (UTC)" : "day (UTC)";
  return (
    <ChartCard
      id="speak-rate"
      title="Speak rate per agent"
      description={`Share of decisions that were “speak”, per ${bucketWord}${speakRate.agents.length === 6 ? ", the six busiest agents" : ""}.`}
      empty={speakRate.points.length === 0}
      chart={
        <ResponsiveContainer width="100%" height="100%">
          <LineChart data={speakRate.points} margin={{ top: 8, right: 8, left: -16, bottom: 0 }}>
            <CartesianGrid stroke="var(--border)" strokeDasharray="3 3" />
            <XAxis dataKey="at" tick={axis} stroke={axis.stroke} />
            <YAxis
              domain={[0, 1]}
              tickFormatter={(v: number) => `${Math.round(v * 100)}%`}
              tick={axis}
              stroke={axis.stroke}
            />
            <Tooltip {...tooltipStyle} formatter={(v) => percent(typeof v === "number" ? v : null)} />
            <Legend />
            {speakRate.agents.map((agent, i) => (
              <Line
                key={agent}
                type="monotone"
                dataKey={agent}
                stroke={COLORS[i % COLORS.length]}
                dot={{ r: 3 }}
                connectNulls
                isAnimationActive={false}
              />
            ))}
          </LineChart>
        </ResponsiveContainer>
      }
      table={{
        headers: ["When", ...speakRate.agents],
        rows: speakRate.points.map((p) => [
          p.at,
          ...speakRate.agents.map((a) => percent(p[a] as number | null)),
        ]),
      }}
    />
  );
}

/** The distribution of reply delay: message → first and → last bubble. */
export function DelayCard({ chart: delay }: { chart: ChartsData["delay"] }) {
  return (
    <ChartCard
      id="delay"
      title="Reply delay"
      description={`Message → first bubble: median ${seconds(delay.first.p50)}, p95 ${seconds(delay.first.p95)}; → last bubble: median ${seconds(delay.last.p50)}, p95 ${seconds(delay.last.p95)} (${delay.first.n} replies).`}
      empty={delay.first.n === 0}
      chart={
        <ResponsiveContainer width="100%" height="100%">
          <BarChart data={delay.buckets} margin={{ top: 8, right: 8, left: -16, bottom: 0 }}>
            <CartesianGrid stroke="var(--border)" strokeDasharray="3 3" />
            <XAxis dataKey="bucket" tick={axis} stroke={axis.stroke} />
            <YAxis allowDecimals={false} tick={axis} stroke={axis.stroke} />
            <Tooltip {...tooltipStyle} cursor={{ fill: "var(--accent)" }} />
            <Legend />
            <Bar dataKey="firstBubble" name="to first bubble" fill={COLORS[0]} isAnimationActive={false} />
            <Bar dataKey="lastBubble" name="to last bubble" fill={COLORS[1]} isAnimationActive={false} />
          </BarChart>
        </ResponsiveContainer>
      }
      table={{
        headers: ["Delay", "Replies (first bubble)", "Replies (last bubble)"],
        rows: delay.buckets.map((b) => [b.bucket, b.firstBubble, b.lastBubble]),
      }}
    />
  );
}

/** Decisions per hour over the latest two active days. */
export function DecisionsCard({ points: decisionsPerHour }: { points: ChartsData["decisionsPerHour"] }) {
  return (
    <ChartCard
      id="decisions"
      title="Decisions per hour"
      description="Decisions per hour (UTC) over the last 48 hours up to the latest active day."
      empty={decisionsPerHour.length === 0}
      chart={
        <ResponsiveContainer width="100%" height="100%">
          <BarChart data={decisionsPerHour} margin={{ top: 8, right: 8, left: -16, bottom: 0 }}>
            <CartesianGrid stroke="var(--border)" strokeDasharray="3 3" />
            <XAxis dataKey="at" tick={axis} stroke={axis.stroke} />
            <YAxis allowDecimals={false} tick={axis} stroke={axis.stroke} />
            <Tooltip {...tooltipStyle} cursor={{ fill: "var(--accent)" }} />
            <Legend />
            <Bar dataKey="speak" name="speak" stackId="d" fill={COLORS[0]} isAnimationActive={false} />
            <Bar
              dataKey="stay_silent"
              name="stay silent"
              stackId="d"
              fill={COLORS[1]}
              isAnimationActive={false}
            />
            <Bar
              dataKey="other"
              name="not asked / unavailable"
              stackId="d"
              fill={COLORS[2]}
              isAnimationActive={false}
            />
          </BarChart>
        </ResponsiveContainer>
      }
      table={{
        headers: ["Hour", "Speak", "Stay silent", "Not asked / unavailable"],
        rows: decisionsPerHour.map((p) => [p.at, p.speak, p.stay_silent, p.other]),
      }}
    />
  );
}

/** Credits spent per day. */
export function CreditsCard({ chart }: { chart: CreditsChart }) {
  const creditsPerDay = chart.points;
  return (
    <ChartCard
      id="credits"
      title="Credits per day"
      description={`Turn-taking credits spent per day (UTC); ${chart.total} in all.`}
      empty={creditsPerDay.length === 0}
      chart={
        <ResponsiveContainer width="100%" height="100%">
          <BarChart data={creditsPerDay} margin={{ top: 8, right: 8, left: -16, bottom: 0 }}>
            <CartesianGrid stroke="var(--border)" strokeDasharray="3 3" />
            <XAxis dataKey="at" tick={axis} stroke={axis.stroke} />
            <YAxis allowDecimals={false} tick={axis} stroke={axis.stroke} />
            <Tooltip {...tooltipStyle} cursor={{ fill: "var(--accent)" }} />
            <Bar dataKey="credits" name="credits" fill={COLORS[3]} isAnimationActive={false} />
          </BarChart>
        </ResponsiveContainer>
      }
      table={{ headers: ["Day", "Credits"], rows: creditsPerDay.map((p) => [p.at, p.credits]) }}
    />
  );
}

/** The reasons that most often decided "speak" and "silent", per agent. */
export function ReasonsCard({ chart: reasons }: { chart: ChartsData["reasons"] }) {
  return (
    <section
      aria-labelledby="reasons-title"
      data-testid="chart-reasons"
      className="grid gap-3 rounded-xl border bg-card p-4 lg:col-span-2"
    >
      <h2 id="reasons-title" className="font-semibold">
        What decided “speak” and “silent”
      </h2>
      <p className="text-muted-foreground text-sm">
        Per agent, the reasons that most often decided a turn (the largest weight towards what was decided)
        {reasons.sampled ? `, from the latest ${reasons.read} decisions` : ""}.
      </p>
      {reasons.unavailable > 0 ? (
        <p
          role="note"
          data-testid="reasons-unavailable"
          className="rounded-md border border-dashed px-3 py-2 text-sm"
        >
          Reasons are not available for {reasons.unavailable} of {reasons.read} turns: the hosted service does
          not give them, and the embedded engine’s are stored once the room’s review has read them.
        </p>
      ) : null}
      {reasons.top.length === 0 ? (
        <p className="text-muted-foreground text-sm italic">No reasons to show yet.</p>
      ) : (
        <ReasonsChart top={reasons.top} />
      )}
    </section>
  );
}

function ReasonsChart({ top }: { top: ChartsData["reasons"]["top"] }) {
  const [showTable, setShowTable] = useState(false);
  // On a phone the labels wrap onto two or three lines (rows grow to fit) instead of leaving the bars a sliver.
  const narrow = useMediaQuery("(max-width: 640px)");
  const rows = top.map((r) => ({
    label: `${r.agentName} · ${r.decision === "speak" ? "speak" : "silent"} · ${factorLabel(r.factor)}`,
    speak: r.decision === "speak" ? r.turns : 0,
    silent: r.decision === "stay_silent" ? r.turns : 0,
  }));
  return (
    <>
      <button
        type="button"
        aria-expanded={showTable}
        aria-controls="reasons-table"
        onClick={() => setShowTable((v) => !v)}
        className="w-fit rounded-md border px-2 py-1 text-xs hover:bg-accent focus-visible:outline-none focus-visible:ring-[3px] focus-visible:ring-ring/50"
      >
        {showTable ? "Hide table" : "Show as table"}
      </button>
      <div
        role="img"
        aria-labelledby="reasons-title"
        style={{ height: narrow ? 60 + rows.length * 48 : Math.max(160, rows.length * 26) }}
        className="w-full"
      >
        <ResponsiveContainer width="100%" height="100%">
          <BarChart data={rows} layout="vertical" margin={{ top: 8, right: 16, left: 16, bottom: 0 }}>
            <CartesianGrid stroke="var(--border)" strokeDasharray="3 3" />
            <XAxis type="number" allowDecimals={false} tick={axis} stroke={axis.stroke} />
            <YAxis
              type="category"
              dataKey="label"
              width={narrow ? 130 : 260}
              tick={axis}
              stroke={axis.stroke}
            />
            <Tooltip {...tooltipStyle} cursor={{ fill: "var(--accent)" }} />
            <Legend />
            <Bar
              dataKey="speak"
              name="decided speak"
              stackId="r"
              fill={COLORS[0]}
              isAnimationActive={false}
            />
            <Bar
              dataKey="silent"
              name="decided silent"
              stackId="r"
              fill={COLORS[1]}
              isAnimationActive={false}
            />
          </BarChart>
        </ResponsiveContainer>
      </div>
      {showTable ? (
        <div id="reasons-table" className="overflow-auto rounded-lg border">
          <table className="w-full text-xs">
            <caption className="sr-only">Reasons that decided the most turns</caption>
            <thead className="bg-muted text-left">
              <tr>
                <th scope="col" className="px-2 py-1">
                  Agent
                </th>
                <th scope="col" className="px-2 py-1">
                  Decision
                </th>
                <th scope="col" className="px-2 py-1">
                  Reason
                </th>
                <th scope="col" className="px-2 py-1">
                  Turns
                </th>
              </tr>
            </thead>
            <tbody>
              {top.map((r) => (
                <tr key={`${r.agentName}-${r.decision}-${r.factor}`} className="border-t">
                  <td className="px-2 py-1">{r.agentName}</td>
                  <td className="px-2 py-1">{r.decision === "speak" ? "speak" : "stay silent"}</td>
                  <td className="px-2 py-1">{factorLabel(r.factor)}</td>
                  <td className="px-2 py-1 tabular-nums">{r.turns}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </>
  );
}
