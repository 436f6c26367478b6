import { Search } from "lucide-react";
import Form from "next/form";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { MAX_SEARCH_LENGTH } from "@/lib/chat/review-query";

/** Searches the room's messages (on the server; the results are their own page). */
export function ReviewSearchForm({ action, query }: { action: string; query: string | undefined }) {
  return (
    <Form action={action} role="search" className="flex flex-wrap items-end gap-2">
      <div className="grid gap-1">
        <label htmlFor="review-search" className="font-medium text-muted-foreground text-xs">
          Search messages
        </label>
        <Input
          id="review-search"
          key={query ?? ""}
          name="q"
          type="search"
          defaultValue={query}
          maxLength={MAX_SEARCH_LENGTH}
          placeholder="Words in any message"
          className="w-64 max-w-full"
        />
      </div>
      <Button type="submit" variant="outline" size="sm" className="h-9">
        <Search aria-hidden /> Search
      </Button>
    </Form>
  );
}
