import { Suspense } from "react";
import {
  CreditsCard,
  DecisionsCard,
  DelayCard,
  ReasonsCard,
  SpeakRateCard,
} from "@/components/review/review-charts";
import { Skeleton } from "@/components/ui/skeleton";
import type { TurnGroup } from "@/lib/chat/review-chart-data";
import {
  type ChartsScope,
  creditsChart,
  decisionsChart,
  delayChart,
  reasonsChart,
  speakRateChart,
} from "@/lib/chat/review-charts";

interface ChartsProps {
  scope: Promise<ChartsScope>;
  /** the turns per day, loaded once for the speak-rate and credits charts */
  days: Promise<TurnGroup[]>;
}

function Loading({ title, wide = false }: { title: string; wide?: boolean }) {
  return (
    <div
      role="status"
      aria-label={`Loading ${title}`}
      className={wide ? "grid gap-3 rounded-xl border p-4 lg:col-span-2" : "grid gap-3 rounded-xl border p-4"}
    >
      <Skeleton className="h-5 w-40" />
      <Skeleton className="h-64 w-full" />
    </div>
  );
}

async function SpeakRate({ scope, days }: ChartsProps) {
  return <SpeakRateCard chart={await speakRateChart(await scope, days)} />;
}
async function Delay({ scope }: Pick<ChartsProps, "scope">) {
  return <DelayCard chart={await delayChart(await scope)} />;
}
async function Decisions({ scope }: Pick<ChartsProps, "scope">) {
  return <DecisionsCard points={await decisionsChart(await scope)} />;
}
async function Credits({ scope, days }: ChartsProps) {
  return <CreditsCard chart={await creditsChart(await scope, days)} />;
}
async function Reasons({ scope }: Pick<ChartsProps, "scope">) {
  return <ReasonsCard chart={await reasonsChart(await scope)} />;
}

/**
 * The five review charts, each streamed in as its own data arrives: a chart over every room
 * groups hundreds of thousands of turns, and one slow chart should not hold back the others.
 */
export function StreamedCharts({ scope, days }: ChartsProps) {
  return (
    <div className="grid gap-4 lg:grid-cols-2">
      <Suspense fallback={<Loading title="speak rate per agent" />}>
        <SpeakRate scope={scope} days={days} />
      </Suspense>
      <Suspense fallback={<Loading title="reply delay" />}>
        <Delay scope={scope} />
      </Suspense>
      <Suspense fallback={<Loading title="decisions per hour" />}>
        <Decisions scope={scope} />
      </Suspense>
      <Suspense fallback={<Loading title="credits per day" />}>
        <Credits scope={scope} days={days} />
      </Suspense>
      <Suspense fallback={<Loading title="reasons" wide />}>
        <Reasons scope={scope} />
      </Suspense>
    </div>
  );
}
