import { Badge } from "@/components/ui/badge";
import { bubbleLagMs, formatLag } from "@/lib/chat/bubble-timing";
import type { ReviewBubble } from "@/lib/chat/review-types";
import { cn } from "@/lib/utils";
import { PreciseTime } from "./precise-time";

/** A reply's bubbles: what each said, when it was scheduled to appear, and when it did. */
export function BubbleTimes({ bubbles, agentName }: { bubbles: ReviewBubble[]; agentName: string }) {
  return (
    <div className="grid gap-1">
      <p className="text-muted-foreground text-xs">Bubbles: scheduled, then shown</p>
      <ol className="grid gap-1.5" aria-label={`${agentName}'s bubbles`}>
        {bubbles.map((b) => {
          const lag = formatLag(bubbleLagMs(b));
          return (
            <li
              key={b.position}
              data-testid="review-bubble"
              data-status={b.status}
              className={cn(
                "grid gap-0.5 rounded-md border px-2 py-1.5 text-sm",
                b.status === "dropped" && "border-dashed opacity-80",
              )}
            >
              <span className={cn("break-words", b.status === "dropped" && "line-through decoration-1")}>
                {b.content}
              </span>
              <span className="flex flex-wrap items-center gap-x-3 gap-y-1 text-muted-foreground text-xs tabular-nums">
                <span>
                  Scheduled <PreciseTime iso={b.deliverAt} />
                </span>
                {b.shownAt ? (
                  <span>
                    Shown <PreciseTime iso={b.shownAt} />
                  </span>
                ) : null}
                {lag ? <span data-testid="bubble-lag">{lag}</span> : null}
                {b.status === "dropped" ? (
                  <Badge variant="outline" className="text-amber-700 dark:text-amber-400">
                    dropped, never shown
                  </Badge>
                ) : b.status === "scheduled" ? (
                  <Badge variant="outline">not shown yet</Badge>
                ) : null}
              </span>
            </li>
          );
        })}
      </ol>
    </div>
  );
}
