import { ArrowLeft } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { auth } from "@/auth";
import { Button } from "@/components/ui/button";
import { ChatError } from "@/lib/chat/errors";
import { type ChartsScope, chartsScope, chartTotals, dayGroups } from "@/lib/chat/review-charts";
import { parseChartsQuery } from "@/lib/chat/review-index-query";
import { StreamedCharts } from "../../_charts/streamed-charts";

export const metadata: Metadata = { title: "Review · charts" };

interface RoomChartsPageProps {
  params: Promise<{ roomId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

export default async function RoomChartsPage({ params, searchParams }: RoomChartsPageProps) {
  const session = await auth();
  if (!session?.user?.id) redirect("/login");
  const [{ roomId }, search] = await Promise.all([params, searchParams]);
  // Filters in the URL narrow the charts (date range, agent); a malformed one is ignored.
  const parsed = parseChartsQuery({ from: search.from, to: search.to, agent: search.agent, roomId });
  const query = parsed.ok ? parsed.value : { roomId };
  let scope: ChartsScope;
  try {
    scope = await chartsScope(session.user.id, query);
  } catch (error) {
    if (error instanceof ChatError && error.status === 404) notFound();
    throw error;
  }
  // One room's turns per day are quick to group: the header's totals wait for them, the charts reuse them.
  const days = dayGroups(scope);
  const totals = await chartTotals(days);
  const name = scope.room?.name ?? "Room";
  const base = `/review/${encodeURIComponent(roomId)}`;
  return (
    <div className="grid gap-6">
      <div className="grid gap-2">
        <Button asChild variant="ghost" size="sm" className="w-fit">
          <Link href={base}>
            <ArrowLeft aria-hidden /> Back to the transcript
          </Link>
        </Button>
        <h1 className="font-semibold text-2xl tracking-tight">{name}: charts</h1>
        <p className="text-muted-foreground text-sm">
          {totals.turns} agent turns, {totals.decided} decisions, {totals.credits} credits
          {parsed.ok && (parsed.value.from || parsed.value.to || parsed.value.agent) ? " (filtered)" : ""}.
        </p>
      </div>
      {totals.turns === 0 ? (
        <p
          role="status"
          className="rounded-lg border border-dashed p-6 text-center text-muted-foreground text-sm"
        >
          No decisions yet: say something in the room and each agent’s decision shows up here.
        </p>
      ) : (
        <StreamedCharts scope={Promise.resolve(scope)} days={days} />
      )}
    </div>
  );
}
