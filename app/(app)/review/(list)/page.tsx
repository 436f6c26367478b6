import { ClipboardList } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { auth } from "@/auth";
import { ReviewIndexFilters } from "@/components/review/review-index-filters";
import { ReviewIndexTable } from "@/components/review/review-index-table";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { chartsScope, dayGroups } from "@/lib/chat/review-charts";
import { listReviewIndex } from "@/lib/chat/review-index";
import { indexSearch, parseIndexQuery, type ReviewFilters } from "@/lib/chat/review-index-query";
import { StreamedCharts } from "../_charts/streamed-charts";

export const metadata: Metadata = { title: "Review" };

interface ReviewIndexPageProps {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

/** Starts the charts' queries once the table has rendered; each chart streams in when its data is ready. */
function OverallCharts({ userId, filters }: { userId: string; filters: ReviewFilters }) {
  const scope = chartsScope(userId, filters);
  const days = scope.then(dayGroups);
  // A failed scope fails every chart (the error boundary shows it); `days` is then never awaited.
  days.catch(() => {});
  return <StreamedCharts scope={scope} days={days} />;
}

export default async function ReviewPage({ searchParams }: ReviewIndexPageProps) {
  const session = await auth();
  if (!session?.user?.id) redirect("/login");
  const parsed = parseIndexQuery(await searchParams);
  const header = (
    <div className="grid gap-1">
      <h1 className="font-semibold text-2xl tracking-tight">Review</h1>
      <p className="text-muted-foreground text-sm">
        Every decision your rooms’ agents made, silences included, with the reasons behind it.
      </p>
    </div>
  );
  if (!parsed.ok) {
    // A hand-edited URL: say what is wrong and keep the form to fix it, rather than fail.
    return (
      <div className="grid gap-6">
        {header}
        <ReviewIndexFilters query={{}} agentNames={[]} errors={parsed.fields} />
      </div>
    );
  }
  const query = parsed.value;
  const index = await listReviewIndex(session.user.id, query);
  if (index.noRooms) {
    return (
      <div className="grid gap-6">
        {header}
        <EmptyState
          icon={<ClipboardList aria-hidden />}
          title="No rooms to review"
          description="Decisions appear here once you are in a room and someone talks in it."
          action={
            <Button asChild variant="outline">
              <Link href="/rooms">Go to rooms</Link>
            </Button>
          }
        />
      </div>
    );
  }
  const first = (index.page - 1) * query.size + 1;
  return (
    <div className="grid gap-6">
      {header}
      <ReviewIndexFilters query={query} agentNames={index.agentNames} />
      {query.agent ? (
        <p className="text-muted-foreground text-sm">
          Rooms with {query.agent}; turn figures count {query.agent}’s turns only, messages count everyone’s.
        </p>
      ) : null}
      {index.total === 0 ? (
        <p
          role="status"
          className="rounded-lg border border-dashed p-6 text-center text-muted-foreground text-sm"
        >
          No room matches these filters.
        </p>
      ) : (
        <>
          <ReviewIndexTable rows={index.rows} query={query} />
          <nav aria-label="Pages" className="flex flex-wrap items-center justify-between gap-2 text-sm">
            <p role="status" className="text-muted-foreground">
              Rooms {first}–{first + index.rows.length - 1} of {index.total}
            </p>
            <div className="flex gap-2">
              {index.page > 1 ? (
                <Button asChild variant="outline" size="sm">
                  <Link href={`/review${indexSearch(query, { page: index.page - 1 })}`} rel="prev">
                    Previous
                  </Link>
                </Button>
              ) : null}
              <span className="self-center text-muted-foreground">
                Page {index.page} of {index.pages}
              </span>
              {index.page < index.pages ? (
                <Button asChild variant="outline" size="sm">
                  <Link href={`/review${indexSearch(query, { page: index.page + 1 })}`} rel="next">
                    Next
                  </Link>
                </Button>
              ) : null}
            </div>
          </nav>
          <div className="grid gap-3">
            <h2 className="font-semibold text-xl tracking-tight">All rooms shown, together</h2>
            {/* The charts group every turn in scope: they stream in after the table, each on its own. */}
            <OverallCharts
              userId={session.user.id}
              filters={{ q: query.q, agent: query.agent, from: query.from, to: query.to }}
            />
          </div>
        </>
      )}
    </div>
  );
}
