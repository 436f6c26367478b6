import { Keyboard, Radio } from "lucide-react";
import type { ReviewActivity } from "@/lib/chat/review-types";
import { PreciseTime } from "./precise-time";

const LABELS: Record<ReviewActivity["kind"], string> = {
  typing_start: "started typing",
  typing_stop: "stopped typing",
  signal: "signal",
};

/** A typing or signal event, compact, in its place in the timeline. */
export function ActivityItem({ activity }: { activity: ReviewActivity }) {
  const Icon = activity.kind === "signal" ? Radio : Keyboard;
  return (
    <li
      data-testid="review-activity"
      data-kind={activity.kind}
      className="flex items-center gap-1.5 pl-3 text-muted-foreground text-xs sm:pl-6"
    >
      <Icon aria-hidden className="size-3.5 shrink-0" />
      <span>
        {activity.actor} {LABELS[activity.kind] ?? activity.kind}
        {activity.detail ? `: ${activity.detail}` : ""}
      </span>
      <PreciseTime iso={activity.createdAt} className="tabular-nums" />
    </li>
  );
}
