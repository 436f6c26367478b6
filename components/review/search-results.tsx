import Link from "next/link";
import { LocalTime } from "@/components/chat/local-time";
import { Button } from "@/components/ui/button";
import { reviewHref } from "@/lib/chat/review-query";
import type { ReviewSearch } from "@/lib/chat/review-search";
import { HighlightedText } from "./highlighted-text";

/** A page of messages matching a search, newest first, each opening the timeline where it was said. */
export function SearchResults({ search, from }: { search: ReviewSearch; from: number | undefined }) {
  const roomId = search.room.id;
  return (
    <section aria-labelledby="search-results-heading" className="grid gap-3">
      <h2 id="search-results-heading" className="font-semibold text-lg">
        Messages with “{search.query}”
      </h2>
      {search.results.length === 0 ? (
        <p role="status" className="text-muted-foreground text-sm">
          {from === undefined ? "No message contains it." : "No earlier message contains it."}
        </p>
      ) : (
        <ol className="grid gap-2" aria-label="Search results">
          {search.results.map((m) => (
            <li key={m.id} data-testid="search-result" className="rounded-lg border bg-card p-3">
              <p className="flex flex-wrap items-baseline gap-2 text-sm">
                <span className="font-semibold">{m.senderName}</span>
                <LocalTime iso={m.createdAt} className="text-muted-foreground text-xs" />
                <Link
                  href={reviewHref(roomId, { msg: m.seq, q: search.query })}
                  className="ml-auto text-primary text-xs underline-offset-2 hover:underline focus-visible:rounded-sm focus-visible:outline-none focus-visible:ring-[3px] focus-visible:ring-ring/50"
                >
                  Open in the timeline<span className="sr-only"> at {m.senderName}'s message</span>
                </Link>
              </p>
              <p className="whitespace-pre-wrap break-words text-sm">
                <HighlightedText text={m.content} query={search.query} />
              </p>
            </li>
          ))}
        </ol>
      )}
      <nav aria-label="Search pages" className="flex flex-wrap gap-2">
        {search.moreFrom !== null ? (
          <Button asChild variant="outline" size="sm">
            <Link href={reviewHref(roomId, { q: search.query, from: search.moreFrom })}>Older results</Link>
          </Button>
        ) : null}
        {from !== undefined ? (
          <Button asChild variant="ghost" size="sm">
            <Link href={reviewHref(roomId, { q: search.query })}>Newest results</Link>
          </Button>
        ) : null}
        <Button asChild variant="ghost" size="sm">
          <Link href={reviewHref(roomId)}>Clear the search</Link>
        </Button>
      </nav>
    </section>
  );
}
