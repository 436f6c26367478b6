"use client";

import { ArrowRight } from "lucide-react";
import { type ReactNode, useState } from "react";
import { LocalTime } from "@/components/chat/local-time";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { factorLabel } from "@/lib/chat/review-timeline";
import type { WhatIfResult } from "@/lib/chat/what-if-types";
import { cn } from "@/lib/utils";

const LABEL = { speak: "speak", stay_silent: "stay silent" } as const;
const signed = (w: number) => `${w >= 0 ? "+" : "−"}${Math.abs(w).toFixed(2)}`;

function Decision({ decision }: { decision: "speak" | "stay_silent" }) {
  return (
    <span
      className={cn(
        "font-medium",
        decision === "speak" ? "text-emerald-700 dark:text-emerald-400" : "text-muted-foreground",
      )}
    >
      {LABEL[decision]}
    </span>
  );
}

/** What happened next to what the replay decided, flipped decisions marked and counted. */
export function WhatIfResults({
  result,
  pending,
  pageButton,
}: {
  result: WhatIfResult;
  pending: boolean;
  pageButton: (page: number, label: string) => ReactNode;
}) {
  const [onlyFlipped, setOnlyFlipped] = useState(false);
  const flips = result.flipped.toSpeak + result.flipped.toSilent;
  const rows = onlyFlipped ? result.rows.filter((r) => r.flipped) : result.rows;
  return (
    <section aria-labelledby="what-if-results" className={cn("grid gap-4", pending && "opacity-60")}>
      <div className="grid gap-1">
        <h2 id="what-if-results" className="font-semibold text-lg">
          {result.agent.name}: {flips} of {result.rows.length} decisions flip
        </h2>
        <p role="status" data-testid="what-if-summary" className="text-muted-foreground text-sm">
          {result.flipped.toSpeak} would now speak, {result.flipped.toSilent} would now stay silent · replayed{" "}
          {result.ranOn === "engine"
            ? "by the embedded engine"
            : "on the embedded decision model in this server"}{" "}
          in {result.elapsedMs} ms
          {result.pages > 1
            ? ` · page ${result.page + 1} of ${result.pages} (${result.totalTurns} decisions)`
            : ""}
          . Typing signals of the live decisions are not replayed.
        </p>
      </div>
      {result.rows.length === 0 ? (
        <EmptyState
          title="No decisions to replay"
          description="This agent has not decided anything in this room yet."
        />
      ) : (
        <>
          <label className="inline-flex w-fit items-center gap-2 text-sm">
            <input
              type="checkbox"
              checked={onlyFlipped}
              onChange={(e) => setOnlyFlipped(e.target.checked)}
              className="size-4 accent-primary"
            />
            Only flipped decisions
          </label>
          <div className="overflow-x-auto rounded-lg border">
            <table className="w-full text-sm">
              <caption className="sr-only">Each decision as it happened and as replayed</caption>
              <thead className="bg-muted/50 text-left text-muted-foreground">
                <tr>
                  <th scope="col" className="px-3 py-2 font-medium">
                    Heard
                  </th>
                  <th scope="col" className="px-3 py-2 font-medium">
                    What happened
                  </th>
                  <th scope="col" className="px-3 py-2 font-medium">
                    Replayed
                  </th>
                  <th scope="col" className="px-3 py-2 font-medium">
                    Why (replay)
                  </th>
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <tr
                    key={r.turnId}
                    data-testid="what-if-row"
                    data-flipped={r.flipped}
                    className={cn("border-t align-top", r.flipped && "bg-amber-50 dark:bg-amber-950/30")}
                  >
                    <td className="max-w-xs px-3 py-2">
                      <p className="text-muted-foreground text-xs">
                        {r.heardFrom} · <LocalTime iso={r.createdAt} />
                      </p>
                      <p className="line-clamp-3 whitespace-pre-wrap">{r.heard}</p>
                    </td>
                    <td className="px-3 py-2">
                      <Decision decision={r.actual.decision} />
                    </td>
                    <td className="px-3 py-2">
                      <span className="inline-flex flex-wrap items-center gap-1.5">
                        {r.flipped ? <ArrowRight aria-hidden className="size-4 text-amber-600" /> : null}
                        <Decision decision={r.replayed.decision} />
                        <span className="font-mono text-muted-foreground text-xs">
                          {r.replayed.score.toFixed(2)}
                        </span>
                        {r.flipped ? <Badge variant="outline">Flipped</Badge> : null}
                      </span>
                    </td>
                    <td className="px-3 py-2">
                      <ul className="grid gap-0.5 text-xs">
                        {r.replayed.reasons
                          .filter((x) => x.factor !== "base")
                          .slice(0, 3)
                          .map((x) => (
                            <li key={x.factor}>
                              <span className="font-medium">{factorLabel(x.factor)}</span>{" "}
                              <span className="font-mono">{signed(x.weight)}</span>
                              {x.detail ? <span className="text-muted-foreground"> — {x.detail}</span> : null}
                            </li>
                          ))}
                      </ul>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {result.pages > 1 ? (
            <nav aria-label="Replay pages" className="flex gap-2">
              {result.page > 0 ? pageButton(result.page - 1, "Earlier decisions") : null}
              {result.page + 1 < result.pages ? pageButton(result.page + 1, "Later decisions") : null}
            </nav>
          ) : null}
        </>
      )}
    </section>
  );
}
