import Link from "next/link";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import type { ReviewIndexQuery } from "@/lib/chat/review-index-query";

/**
 * The index's search and filters as a plain GET form: the URL holds the whole view (shareable),
 * and it works from the keyboard and without JavaScript. Sorting and page size are kept.
 */
export function ReviewIndexFilters({
  query,
  agentNames,
  errors,
}: {
  query: Partial<ReviewIndexQuery>;
  agentNames: string[];
  errors?: Record<string, string>;
}) {
  return (
    <form
      method="get"
      action="/review"
      aria-label="Filter rooms"
      className="grid gap-3 rounded-xl border bg-card p-3 sm:grid-cols-2 lg:grid-cols-[2fr_1fr_1fr_1fr_auto] lg:items-end"
    >
      {query.sort && query.sort !== "lastActivity" ? (
        <input type="hidden" name="sort" value={query.sort} />
      ) : null}
      {query.sort && query.dir ? <input type="hidden" name="dir" value={query.dir} /> : null}
      {query.size && query.size !== 25 ? <input type="hidden" name="size" value={query.size} /> : null}
      <div className="grid gap-1">
        <Label htmlFor="review-q">Room name</Label>
        <Input
          id="review-q"
          name="q"
          type="search"
          defaultValue={query.q ?? ""}
          placeholder="Search rooms"
          maxLength={80}
        />
      </div>
      <div className="grid gap-1">
        <Label htmlFor="review-agent">Agent</Label>
        <select
          id="review-agent"
          name="agent"
          defaultValue={query.agent ?? ""}
          className="h-9 rounded-md border border-input bg-transparent px-2 text-sm focus-visible:outline-none focus-visible:ring-[3px] focus-visible:ring-ring/50 dark:bg-input/30"
        >
          <option value="">All agents</option>
          {agentNames.map((name) => (
            <option key={name} value={name}>
              {name}
            </option>
          ))}
        </select>
      </div>
      <div className="grid gap-1">
        <Label htmlFor="review-from">From</Label>
        <Input
          id="review-from"
          name="from"
          type="date"
          defaultValue={query.from ?? ""}
          aria-invalid={errors?.from ? true : undefined}
        />
      </div>
      <div className="grid gap-1">
        <Label htmlFor="review-to">To</Label>
        <Input
          id="review-to"
          name="to"
          type="date"
          defaultValue={query.to ?? ""}
          aria-invalid={errors?.to ? true : undefined}
        />
      </div>
      <div className="flex gap-2">
        <Button type="submit">Apply</Button>
        <Button asChild variant="ghost">
          <Link href="/review">Clear</Link>
        </Button>
      </div>
      {errors && Object.keys(errors).length > 0 ? (
        <p role="alert" className="text-destructive text-sm sm:col-span-2 lg:col-span-5">
          {Object.values(errors).join(" ")}
        </p>
      ) : null}
    </form>
  );
}
