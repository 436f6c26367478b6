import { ArrowLeft, TriangleAlert } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { cache } from "react";
import { auth } from "@/auth";
import { ReviewTools } from "@/components/review/review-tools";
import { ReviewTranscript } from "@/components/review/review-transcript";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { ChatError } from "@/lib/chat/errors";
import { getRoomReview } from "@/lib/chat/review";
import { parseFilter, REVIEW_FILTERS } from "@/lib/chat/review-timeline";
import type { AgentTurnStats, ReviewFilter } from "@/lib/chat/review-types";
import { cn } from "@/lib/utils";

interface ReviewRoomPageProps {
  params: Promise<{ roomId: string }>;
  searchParams: Promise<{ show?: string | string[]; before?: string | string[] }>;
}

// Every turn lands in exactly one of the last four columns, so they add up to the first.
const STAT_COLUMNS = [
  ["Turns", "turns"],
  ["Spoke", "spoke"],
  ["Silent", "silent"],
  ["Heard, not asked", "heard"],
  ["Dropped", "dropped"],
] as const satisfies readonly (readonly [string, keyof AgentTurnStats])[];

/** The review's address with its filter and page; filters start again from the latest page. */
function withQuery(base: string, filter: ReviewFilter, before?: number): string {
  const query = new URLSearchParams();
  if (filter !== "all") query.set("show", filter);
  if (before !== undefined) query.set("before", String(before));
  const text = query.toString();
  return text ? `${base}?${text}` : base;
}

const FILTER_LABELS: Record<ReviewFilter, string> = {
  all: "All decisions",
  spoke: "Spoke",
  silent: "Stayed silent",
  dropped: "Dropped drafts",
};

/** `?before=` is a message number; anything else shows the latest page. */
function parseBefore(value: string | string[] | undefined): number | undefined {
  const n = Number(Array.isArray(value) ? value[0] : value);
  return Number.isSafeInteger(n) && n > 0 ? n : undefined;
}

/** One lookup per request, shared by the metadata and the page; null when the room is not the caller's. */
const loadReview = cache(async (roomId: string, filter: ReviewFilter, before: number | undefined) => {
  const session = await auth();
  if (!session?.user?.id) return { signedIn: false as const };
  try {
    return {
      signedIn: true as const,
      review: await getRoomReview(roomId, session.user.id, { filter, before }),
    };
  } catch (error) {
    if (error instanceof ChatError && error.status === 404) return { signedIn: true as const, review: null };
    throw error;
  }
});

export async function generateMetadata({ params, searchParams }: ReviewRoomPageProps): Promise<Metadata> {
  const [{ roomId }, { show, before }] = await Promise.all([params, searchParams]);
  const result = await loadReview(roomId, parseFilter(show), parseBefore(before));
  return { title: result.signedIn && result.review ? `Review · ${result.review.room.name}` : "Review" };
}

export default async function ReviewRoomPage({ params, searchParams }: ReviewRoomPageProps) {
  const [{ roomId }, { show, before }] = await Promise.all([params, searchParams]);
  const filter = parseFilter(show);
  const result = await loadReview(roomId, filter, parseBefore(before));
  if (!result.signedIn) redirect("/login");
  const review = result.review;
  if (!review) notFound();
  const colors = new Map(review.agents.map((a) => [a.id, a.color]));
  const hasTurns = review.stats.some((s) => s.turns > 0);
  const shown = review.timeline.some((item) => item.kind === "turns");
  const base = `/review/${encodeURIComponent(review.room.id)}`;

  return (
    <div className="grid gap-6">
      <div className="grid gap-2">
        <Button asChild variant="ghost" size="sm" className="w-fit">
          <Link href="/review">
            <ArrowLeft aria-hidden /> All rooms
          </Link>
        </Button>
        <div className="flex flex-wrap items-center justify-between gap-3">
          <h1 className="font-semibold text-2xl tracking-tight">{review.room.name}</h1>
          <ReviewTools roomId={review.room.id} />
          <Button asChild variant="outline" size="sm">
            <Link href={`/rooms/${encodeURIComponent(review.room.id)}`}>Open the room</Link>
          </Button>
        </div>
      </div>

      <div className="overflow-x-auto rounded-lg border">
        <table className="w-full text-xs sm:text-sm">
          <caption className="sr-only">Decisions per agent</caption>
          <thead className="bg-muted/50 text-left text-muted-foreground">
            <tr>
              <th scope="col" className="px-2 py-2 font-medium sm:px-3">
                Agent
              </th>
              {STAT_COLUMNS.map(([label]) => (
                <th
                  key={label}
                  scope="col"
                  className="px-2 py-2 text-right align-bottom font-medium leading-tight sm:px-3"
                >
                  {label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {review.stats.map((s) => (
              <tr key={s.agentId ?? s.agentName} className="border-t">
                <th scope="row" className="px-2 py-2 text-left font-medium sm:px-3">
                  <span className="inline-flex items-center gap-2">
                    <span
                      aria-hidden
                      className="size-2.5 rounded-full"
                      style={{ backgroundColor: s.agentId ? colors.get(s.agentId) : undefined }}
                    />
                    {s.agentName}
                  </span>
                </th>
                {STAT_COLUMNS.map(([label, key]) => (
                  <td key={label} className="px-2 py-2 text-right tabular-nums sm:px-3">
                    {s[key]}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      {review.reasons === "unavailable" && hasTurns ? (
        <Alert>
          <TriangleAlert aria-hidden />
          <AlertTitle>Reasons are not available</AlertTitle>
          <AlertDescription>
            The decisions are listed, but their reasons could not be read from the Turn-taking service. The
            embedded engine keeps them; the hosted service does not expose them.
          </AlertDescription>
        </Alert>
      ) : null}

      <nav aria-label="Show" className="flex flex-wrap gap-2">
        {REVIEW_FILTERS.map((f) => (
          <Link
            key={f}
            href={withQuery(base, f)}
            aria-current={f === filter ? "page" : undefined}
            className={cn(
              "rounded-full border px-3 py-1 text-sm transition-colors hover:bg-accent focus-visible:outline-none focus-visible:ring-[3px] focus-visible:ring-ring/50",
              f === filter && "border-primary bg-primary text-primary-foreground hover:bg-primary/90",
            )}
          >
            {FILTER_LABELS[f]}
          </Link>
        ))}
      </nav>

      {review.earlierBefore !== null || review.paged ? (
        <nav aria-label="Pages" className="flex flex-wrap gap-2 text-sm">
          {review.earlierBefore !== null ? (
            <Button asChild variant="outline" size="sm">
              <Link href={withQuery(base, filter, review.earlierBefore)}>Show earlier messages</Link>
            </Button>
          ) : null}
          {review.paged ? (
            <Button asChild variant="ghost" size="sm">
              <Link href={withQuery(base, filter)}>Back to the latest messages</Link>
            </Button>
          ) : null}
        </nav>
      ) : null}

      {!hasTurns ? (
        <EmptyState
          title="No decisions yet"
          description="Say something in the room: each agent decides whether to answer, and every decision shows up here."
          action={
            <Button asChild variant="outline">
              <Link href={`/rooms/${encodeURIComponent(review.room.id)}`}>Open the room</Link>
            </Button>
          }
        />
      ) : (
        <>
          {!shown ? (
            <p className="text-muted-foreground text-sm" role="status">
              No decision matches “{FILTER_LABELS[filter]}”.
            </p>
          ) : null}
          <ReviewTranscript timeline={review.timeline} colors={colors} />
        </>
      )}
    </div>
  );
}
