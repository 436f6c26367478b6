import { LocalTime } from "@/components/chat/local-time";
import type { TimelineItem } from "@/lib/chat/review-types";
import { cn } from "@/lib/utils";
import { TurnCard } from "./turn-card";

/** The room's messages in order, each followed by what every agent did about it. */
export function ReviewTranscript({
  timeline,
  colors,
}: {
  timeline: TimelineItem[];
  colors: ReadonlyMap<string, string>;
}) {
  return (
    <ol className="grid gap-3" aria-label="Transcript with every agent decision">
      {timeline.map((item) =>
        item.kind === "message" ? (
          <li key={item.message.id} data-testid="review-message" className="grid gap-0.5">
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
            <p className="whitespace-pre-wrap break-words text-sm">{item.message.content}</p>
          </li>
        ) : (
          <li key={item.key} className="pl-3 sm:pl-6">
            <ul className="grid gap-1.5" aria-label="Agent decisions">
              {item.turns.map((turn) => (
                <TurnCard
                  key={turn.id}
                  turn={turn}
                  color={turn.agentId ? colors.get(turn.agentId) : undefined}
                />
              ))}
            </ul>
          </li>
        ),
      )}
    </ol>
  );
}
