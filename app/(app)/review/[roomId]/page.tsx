import { ArrowLeft, ChartColumn, TriangleAlert } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { cache } from "react";
import { auth } from "@/auth";
import { FocusAnchor } from "@/components/review/focus-anchor";
import { JumpToTime } from "@/components/review/jump-to-time";
import { ReviewFilters } from "@/components/review/review-filters";
import { ReviewSearchForm } from "@/components/review/review-search-form";
import { ReviewStatsTable } from "@/components/review/review-stats-table";
import { ReviewTools } from "@/components/review/review-tools";
import { messageElementId, ReviewTranscript } from "@/components/review/review-transcript";
import { SearchResults } from "@/components/review/search-results";
import { turnElementId } from "@/components/review/turn-card";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { ChatError } from "@/lib/chat/errors";
import { getRoomReview } from "@/lib/chat/review";
import { FILTER_LABELS } from "@/lib/chat/review-filter-labels";
import { anchorOf, parseReviewQuery, type ReviewQuery, reviewHref } from "@/lib/chat/review-query";
import { searchRoomMessages } from "@/lib/chat/review-search";

type SearchParams = Record<string, string | string[] | undefined>;

interface ReviewRoomPageProps {
  params: Promise<{ roomId: string }>;
  searchParams: Promise<SearchParams>;
}

/** A search without a deep link shows its results; with one (a result opened), the timeline marks the matches. */
const isSearchView = (query: ReviewQuery) => query.q !== undefined && anchorOf(query) === null;

/**
 * One lookup per request, shared by the metadata and the page (keyed by the address, since
 * `cache` compares arguments by identity); null when the room is not the caller's.
 */
const loadReview = cache(async (roomId: string, address: string) => {
  const session = await auth();
  if (!session?.user?.id) return { signedIn: false as const };
  const query = parseReviewQuery(JSON.parse(address) as SearchParams);
  try {
    if (isSearchView(query)) {
      const search = await searchRoomMessages(roomId, session.user.id, query.q ?? "", query.from);
      return { signedIn: true as const, query, search, review: null };
    }
    const review = await getRoomReview(roomId, session.user.id, query);
    return { signedIn: true as const, query, search: null, review };
  } catch (error) {
    if (error instanceof ChatError && error.status === 404) {
      return { signedIn: true as const, query, search: null, review: null };
    }
    throw error;
  }
});

const addressOf = (params: SearchParams) => JSON.stringify(params, Object.keys(params).sort());

export async function generateMetadata({ params, searchParams }: ReviewRoomPageProps): Promise<Metadata> {
  const [{ roomId }, sp] = await Promise.all([params, searchParams]);
  const result = await loadReview(roomId, addressOf(sp));
  const name = result.signedIn ? (result.review?.room.name ?? result.search?.room.name) : undefined;
  return { title: name ? `Review · ${name}` : "Review" };
}

function Header({ roomId, name }: { roomId: string; name: string }) {
  return (
    <div className="grid gap-2">
      <Button asChild variant="ghost" size="sm" className="w-fit">
        <Link href="/review">
          <ArrowLeft aria-hidden /> All rooms
        </Link>
      </Button>
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="font-semibold text-2xl tracking-tight">{name}</h1>
        <div className="flex flex-wrap gap-2">
          <ReviewTools roomId={roomId} />
          <Button asChild variant="outline" size="sm">
            <Link href={`/review/${encodeURIComponent(roomId)}/charts`}>
              <ChartColumn aria-hidden /> Charts
            </Link>
          </Button>
          <Button asChild variant="outline" size="sm">
            <Link href={`/rooms/${encodeURIComponent(roomId)}`}>Open the room</Link>
          </Button>
        </div>
      </div>
    </div>
  );
}

export default async function ReviewRoomPage({ params, searchParams }: ReviewRoomPageProps) {
  const [{ roomId }, sp] = await Promise.all([params, searchParams]);
  const result = await loadReview(roomId, addressOf(sp));
  if (!result.signedIn) redirect("/login");
  const { query, search, review } = result;

  if (search) {
    return (
      <div className="grid gap-6">
        <Header roomId={search.room.id} name={search.room.name} />
        <ReviewSearchForm action={reviewHref(search.room.id)} query={query.q} />
        <SearchResults search={search} from={query.from} />
      </div>
    );
  }
  if (!review) notFound();

  const id = review.room.id;
  const colors = new Map(review.agents.map((a) => [a.id, a.color]));
  const hasTurns = review.stats.some((s) => s.turns > 0);
  const shown = review.timeline.some((item) => item.kind === "turns");
  const filtered = review.filter.agents.length > 0 || review.filter.outcomes.length > 0;
  const keep = { agent: review.filter.agents, show: review.filter.outcomes, typing: review.activityShown };
  const filterText = [
    ...review.agents.filter((a) => review.filter.agents.includes(a.id)).map((a) => a.name),
    ...review.filter.outcomes.map((o) => FILTER_LABELS[o]),
  ].join(", ");

  return (
    <div className="grid gap-6">
      <Header roomId={id} name={review.room.name} />
      <ReviewStatsTable stats={review.stats} colors={colors} />

      {review.reasons === "unavailable" && hasTurns ? (
        <Alert>
          <TriangleAlert aria-hidden />
          <AlertTitle>Reasons are not available</AlertTitle>
          <AlertDescription>
            The decisions, their outcomes, credits, signals and bubble times are listed, but the reasons
            behind some decisions could not be read from the Turn-taking service. The embedded engine keeps
            them; the hosted service does not expose them.
          </AlertDescription>
        </Alert>
      ) : null}

      <div className="flex flex-wrap items-end gap-x-6 gap-y-3">
        <ReviewSearchForm action={reviewHref(id)} query={query.q} />
        <JumpToTime roomId={id} filter={review.filter} typing={review.activityShown} />
        <Button asChild variant="ghost" size="sm" className="h-9">
          <Link href={reviewHref(id, { ...keep, before: query.before, typing: !review.activityShown })}>
            {review.activityShown ? "Hide typing events" : "Show typing events"}
          </Link>
        </Button>
      </div>

      <div className="grid gap-2">
        <ReviewFilters
          action={reviewHref(id)}
          agents={review.agents}
          filter={review.filter}
          typing={review.activityShown}
        />
        {filtered ? (
          <Link
            href={reviewHref(id, { typing: review.activityShown })}
            className="w-fit text-primary text-sm underline-offset-2 hover:underline"
          >
            Clear filters
          </Link>
        ) : null}
      </div>

      {review.anchorMissing ? (
        <Alert variant="destructive">
          <TriangleAlert aria-hidden />
          <AlertTitle>That link leads nowhere in this room</AlertTitle>
          <AlertDescription>
            The decision, message or moment it names is not in this room (it may have been deleted). The
            latest messages are shown instead.
          </AlertDescription>
        </Alert>
      ) : null}

      {query.q ? (
        <p className="text-sm">
          Matches of “{query.q}” are marked.{" "}
          <Link
            href={reviewHref(id, { q: query.q })}
            className="text-primary underline-offset-2 hover:underline"
          >
            Back to the results
          </Link>
        </p>
      ) : null}

      {review.earlierBefore !== null || review.paged ? (
        <nav aria-label="Pages" className="flex flex-wrap gap-2 text-sm">
          {review.earlierBefore !== null ? (
            <Button asChild variant="outline" size="sm">
              <Link href={reviewHref(id, { ...keep, before: review.earlierBefore })}>
                Show earlier messages
              </Link>
            </Button>
          ) : null}
          {typeof review.laterBefore === "number" ? (
            <Button asChild variant="outline" size="sm">
              <Link href={reviewHref(id, { ...keep, before: review.laterBefore })}>Show later messages</Link>
            </Button>
          ) : null}
          {review.paged ? (
            <Button asChild variant="ghost" size="sm">
              <Link href={reviewHref(id, keep)}>Back to the latest messages</Link>
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
              <Link href={`/rooms/${encodeURIComponent(id)}`}>Open the room</Link>
            </Button>
          }
        />
      ) : (
        <>
          {!shown && filtered ? (
            <p className="text-muted-foreground text-sm" role="status">
              No decision on this page matches “{filterText}”. Earlier pages may have some.
            </p>
          ) : null}
          <ReviewTranscript
            roomId={id}
            timeline={review.timeline}
            colors={colors}
            query={query.q}
            focusTurnId={review.focusTurnId}
            focusSeq={review.focusSeq}
          />
        </>
      )}
      {review.focusTurnId ? (
        <FocusAnchor elementId={turnElementId(review.focusTurnId)} />
      ) : review.focusSeq !== null ? (
        <FocusAnchor elementId={messageElementId(review.focusSeq)} />
      ) : null}
    </div>
  );
}
