"use client";

import Form from "next/form";
import { FILTER_LABELS } from "@/lib/chat/review-filter-labels";
import { REVIEW_FILTERS } from "@/lib/chat/review-timeline";
import type { TurnFilter } from "@/lib/chat/review-types";
import { cn } from "@/lib/utils";

const chip = cn(
  "inline-flex cursor-pointer select-none items-center gap-1.5 rounded-full border px-3 py-1 text-sm transition-colors hover:bg-accent",
  "has-checked:border-primary has-checked:bg-primary has-checked:text-primary-foreground has-checked:hover:bg-primary/90",
  "has-focus-visible:ring-[3px] has-focus-visible:ring-ring/50",
);

/**
 * Agents and outcomes to show, as checkboxes in a GET form: the filter lives in the address
 * (several of each combine with "or"; agents and outcomes with "and"). A change applies at
 * once; the Apply button is there for browsers without JavaScript.
 */
export function ReviewFilters({
  action,
  agents,
  filter,
  typing,
}: {
  action: string;
  agents: { id: string; name: string; color: string }[];
  filter: TurnFilter;
  typing: boolean;
}) {
  return (
    <Form
      // Remounts when the address changes by another way (a link), so the boxes match it.
      key={JSON.stringify(filter)}
      action={action}
      className="grid gap-3"
      aria-label="Filter decisions"
      onChange={(event) => event.currentTarget.requestSubmit()}
    >
      {typing ? <input type="hidden" name="typing" value="1" /> : null}
      <fieldset className="flex flex-wrap items-center gap-2">
        <legend className="mb-1.5 font-medium text-muted-foreground text-xs">Agents</legend>
        {agents.map((agent) => (
          <label key={agent.id} className={chip}>
            <input
              type="checkbox"
              name="agent"
              value={agent.id}
              defaultChecked={filter.agents.includes(agent.id)}
              className="sr-only"
            />
            <span aria-hidden className="size-2.5 rounded-full" style={{ backgroundColor: agent.color }} />
            {agent.name}
          </label>
        ))}
      </fieldset>
      <fieldset className="flex flex-wrap items-center gap-2">
        <legend className="mb-1.5 font-medium text-muted-foreground text-xs">Outcomes</legend>
        {REVIEW_FILTERS.filter((f) => f !== "all").map((f) => (
          <label key={f} className={chip}>
            <input
              type="checkbox"
              name="show"
              value={f}
              defaultChecked={filter.outcomes.includes(f as TurnFilter["outcomes"][number])}
              className="sr-only"
            />
            {FILTER_LABELS[f]}
          </label>
        ))}
      </fieldset>
      <p className="flex flex-wrap items-center gap-3 text-sm">
        <button
          type="submit"
          className="rounded-md border px-3 py-1 hover:bg-accent focus-visible:outline-none focus-visible:ring-[3px] focus-visible:ring-ring/50"
        >
          Apply
        </button>
        <span className="text-muted-foreground text-xs">None checked shows every agent and outcome.</span>
      </p>
    </Form>
  );
}
