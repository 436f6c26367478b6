import { LocalTime } from "@/components/chat/local-time";
import { reviewHref } from "@/lib/chat/review-query";
import type { TimelineItem } from "@/lib/chat/review-types";
import { cn } from "@/lib/utils";
import { ActivityItem } from "./activity-item";
import { HighlightedText } from "./highlighted-text";
import { TurnCard } from "./turn-card";

/** The element id of a message in the transcript, for deep links. */
export const messageElementId = (seq: number) => `message-${seq}`;

/** The room's messages in order, each followed by what every agent did about it. */
export function ReviewTranscript({
  roomId,
  timeline,
  colors,
  query,
  focusTurnId,
  focusSeq,
}: {
  roomId: string;
  timeline: TimelineItem[];
  colors: ReadonlyMap<string, string>;
  /** a search whose matches are marked */
  query?: string;
  focusTurnId: string | null;
  focusSeq: number | null;
}) {
  return (
    <ol className="grid gap-3" aria-label="Transcript with every agent decision">
      {timeline.map((item) =>
        item.kind === "message" ? (
          <li
            key={item.message.id}
            id={messageElementId(item.message.seq)}
            tabIndex={item.message.seq === focusSeq ? -1 : undefined}
            data-testid="review-message"
            data-focused={item.message.seq === focusSeq ? "true" : undefined}
            className={cn(
              "grid scroll-mt-24 gap-0.5 rounded-md",
              item.message.seq === focusSeq && "bg-primary/5 outline-none ring-2 ring-primary/40 px-2 py-1",
            )}
          >
            <p className="flex items-baseline gap-2 text-sm">
              <span
                className={cn(
                  "font-semibold",
                  item.message.authorType === "system" && "text-muted-foreground",
                )}
              >
                {item.message.senderName}
              </span>
              <LocalTime iso={item.message.createdAt} className="text-muted-foreground text-xs" />
            </p>
            <p className="whitespace-pre-wrap break-words text-sm">
              <HighlightedText text={item.message.content} query={query} />
            </p>
          </li>
        ) : item.kind === "activity" ? (
          <ActivityItem key={item.activity.id} activity={item.activity} />
        ) : (
          <li key={item.key} className="pl-3 sm:pl-6">
            <ul className="grid gap-1.5" aria-label="Agent decisions">
              {item.turns.map((turn) => (
                <TurnCard
                  key={turn.id}
                  turn={turn}
                  color={turn.agentId ? colors.get(turn.agentId) : undefined}
                  permalink={reviewHref(roomId, { turn: turn.id })}
                  focused={turn.id === focusTurnId}
                />
              ))}
            </ul>
          </li>
        ),
      )}
    </ol>
  );
}
