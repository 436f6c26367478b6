import { ArrowDown, ArrowUp } from "lucide-react";
import Link from "next/link";
import { LocalTime } from "@/components/chat/local-time";
import {
  defaultDir,
  type IndexSort,
  indexSearch,
  type ReviewIndexQuery,
} from "@/lib/chat/review-index-query";
import type { ReviewIndexRow } from "@/lib/chat/review-index-rows";

const COLUMNS: { sort: IndexSort; label: string; numeric: boolean }[] = [
  { sort: "name", label: "Room", numeric: false },
  { sort: "messages", label: "Messages", numeric: true },
  { sort: "turns", label: "Agent turns", numeric: true },
  { sort: "speakRate", label: "Speak rate", numeric: true },
  { sort: "silences", label: "Silences", numeric: true },
  { sort: "dropped", label: "Dropped drafts", numeric: true },
  { sort: "interrupted", label: "Interrupted", numeric: true },
  { sort: "credits", label: "Credits", numeric: true },
  { sort: "delayP50", label: "First bubble p50", numeric: true },
  { sort: "delayP95", label: "First bubble p95", numeric: true },
  { sort: "lastActivity", label: "Last activity", numeric: false },
];

const seconds = (ms: number | null) => (ms === null ? "—" : `${(ms / 1000).toFixed(1)} s`);

/** The index as a table; each column header is a link that sorts by it (a second click reverses). */
export function ReviewIndexTable({ rows, query }: { rows: ReviewIndexRow[]; query: ReviewIndexQuery }) {
  return (
    <div className="overflow-x-auto rounded-lg border">
      <table className="w-full min-w-[56rem] text-xs sm:text-sm" aria-label="Rooms to review">
        <thead className="bg-muted/50 text-left text-muted-foreground">
          <tr>
            {COLUMNS.map((c) => {
              const active = query.sort === c.sort;
              const next = active ? (query.dir === "asc" ? "desc" : "asc") : defaultDir(c.sort);
              return (
                <th
                  key={c.sort}
                  scope="col"
                  aria-sort={active ? (query.dir === "asc" ? "ascending" : "descending") : "none"}
                  className={`px-2 py-2 align-bottom font-medium leading-tight sm:px-3 ${c.numeric ? "text-right" : ""}`}
                >
                  <Link
                    href={`/review${indexSearch(query, { sort: c.sort, dir: next, page: 1 })}`}
                    className="inline-flex items-center gap-1 rounded hover:text-foreground focus-visible:outline-none focus-visible:ring-[3px] focus-visible:ring-ring/50"
                  >
                    {c.label}
                    {active ? (
                      query.dir === "asc" ? (
                        <ArrowUp aria-hidden className="size-3" />
                      ) : (
                        <ArrowDown aria-hidden className="size-3" />
                      )
                    ) : null}
                  </Link>
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id} data-testid="review-room-row" className="border-t hover:bg-accent/30">
              <th scope="row" className="max-w-56 px-2 py-2 text-left font-medium sm:px-3">
                <Link
                  href={`/review/${encodeURIComponent(r.id)}`}
                  data-testid="review-room-link"
                  className="block truncate underline-offset-2 hover:underline focus-visible:outline-none focus-visible:ring-[3px] focus-visible:ring-ring/50"
                >
                  {r.name}
                </Link>
                <span className="font-normal text-muted-foreground text-xs">
                  {r.agentCount} {r.agentCount === 1 ? "agent" : "agents"} ·{" "}
                  <Link
                    href={`/review/${encodeURIComponent(r.id)}/charts`}
                    className="underline-offset-2 hover:underline focus-visible:outline-none focus-visible:ring-[3px] focus-visible:ring-ring/50"
                  >
                    charts<span className="sr-only"> of {r.name}</span>
                  </Link>
                </span>
              </th>
              <td className="px-2 py-2 text-right tabular-nums sm:px-3">{r.messages}</td>
              <td className="px-2 py-2 text-right tabular-nums sm:px-3">{r.turns}</td>
              <td className="px-2 py-2 text-right tabular-nums sm:px-3">
                {r.speakRate === null ? "—" : `${Math.round(r.speakRate * 100)}%`}
              </td>
              <td className="px-2 py-2 text-right tabular-nums sm:px-3">{r.silences}</td>
              <td className="px-2 py-2 text-right tabular-nums sm:px-3">{r.dropped}</td>
              <td className="px-2 py-2 text-right tabular-nums sm:px-3">{r.interrupted}</td>
              <td className="px-2 py-2 text-right tabular-nums sm:px-3">{r.credits}</td>
              <td className="px-2 py-2 text-right tabular-nums sm:px-3">{seconds(r.delayP50)}</td>
              <td className="px-2 py-2 text-right tabular-nums sm:px-3">{seconds(r.delayP95)}</td>
              <td className="px-2 py-2 text-muted-foreground sm:px-3">
                {r.lastActivity ? <LocalTime iso={r.lastActivity} format="relative" /> : "—"}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
