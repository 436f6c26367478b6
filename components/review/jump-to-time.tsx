"use client";

import { useRouter } from "next/navigation";
import { useId, useState } from "react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { reviewHref } from "@/lib/chat/review-query";
import type { TurnFilter } from "@/lib/chat/review-types";

/**
 * Opens the page of the timeline holding a moment. The input is in the reader's time
 * zone, which only the browser knows, so the address carries the moment as ISO 8601 (UTC).
 */
export function JumpToTime({
  roomId,
  filter,
  typing,
}: {
  roomId: string;
  filter: TurnFilter;
  typing: boolean;
}) {
  const router = useRouter();
  const id = useId();
  const [error, setError] = useState<string | null>(null);
  return (
    <form
      className="flex flex-wrap items-end gap-2"
      onSubmit={(event) => {
        event.preventDefault();
        const value = new FormData(event.currentTarget).get("local");
        const at = typeof value === "string" && value ? new Date(value) : null;
        if (!at || Number.isNaN(at.getTime())) {
          setError("Enter a date and time.");
          return;
        }
        setError(null);
        router.push(
          reviewHref(roomId, { agent: filter.agents, show: filter.outcomes, typing, at: at.toISOString() }),
        );
      }}
    >
      <div className="grid gap-1">
        <label htmlFor={id} className="font-medium text-muted-foreground text-xs">
          Jump to a time
        </label>
        <Input
          id={id}
          name="local"
          type="datetime-local"
          step={1}
          className="w-auto"
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
        />
      </div>
      <Button type="submit" variant="outline" size="sm" className="h-9">
        Go
      </Button>
      {error ? (
        <p id={`${id}-error`} role="alert" className="w-full text-destructive text-xs">
          {error}
        </p>
      ) : null}
    </form>
  );
}
