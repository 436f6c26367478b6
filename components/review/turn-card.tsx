import { Ban, CircleMinus, CircleX, Ear, Hourglass, type LucideIcon, MessageCircle, Zap } from "lucide-react";
import { LocalTime } from "@/components/chat/local-time";
import { AnnotationEditor } from "@/components/review/annotation-editor";
import { Badge } from "@/components/ui/badge";
import { formatDelay } from "@/lib/chat/bubble-timing";
import { factorLabel } from "@/lib/chat/review-timeline";
import type { ReviewTurn, TurnOutcome } from "@/lib/chat/review-types";
import { cn } from "@/lib/utils";
import { BubbleTimes } from "./bubble-times";
import { TurnLink } from "./turn-link";

const OUTCOMES: Record<TurnOutcome, { label: string; icon: LucideIcon; tone: string }> = {
  replied: { label: "spoke", icon: MessageCircle, tone: "text-emerald-700 dark:text-emerald-400" },
  silent: { label: "stayed silent", icon: CircleMinus, tone: "text-muted-foreground" },
  superseded: {
    label: "drafted a reply, dropped: the conversation moved on",
    icon: Ban,
    tone: "text-amber-700 dark:text-amber-400",
  },
  interrupted: {
    label: "drafted a reply, dropped: someone spoke before its first bubble",
    icon: Ban,
    tone: "text-amber-700 dark:text-amber-400",
  },
  unpaced: { label: "answered without Turn-taking", icon: Zap, tone: "text-sky-700 dark:text-sky-400" },
  not_asked: { label: "heard it, not asked to answer", icon: Ear, tone: "text-muted-foreground" },
  failed: { label: "could not draft a reply", icon: CircleX, tone: "text-destructive" },
};

const signed = (weight: number) => `${weight >= 0 ? "+" : "−"}${Math.abs(weight).toFixed(2)}`;

function Reasons({ turn }: { turn: ReviewTurn }) {
  if (!turn.reasons) {
    return (
      <p className="text-muted-foreground text-sm" data-testid="reasons-unavailable">
        {turn.decision === "unavailable"
          ? "Turn-taking could not be reached, so the agent answered anyway (the hosted service's advice)."
          : turn.decision === "not_asked"
            ? "Another agent said this. Agents answer each other only when named (or set to speak up freely), and only a few times in a row without a person; the line still joined this agent's history."
            : "The reasons for this decision are not available: the Turn-taking service did not give them."}
      </p>
    );
  }
  const largest = Math.max(...turn.reasons.map((r) => Math.abs(r.weight)), 0.01);
  return (
    <ul className="grid gap-1.5" aria-label={`Reasons for ${turn.agentName}'s decision`}>
      {turn.reasons.map((reason) => (
        <li key={reason.factor} className="grid grid-cols-[minmax(0,1fr)_4rem] items-center gap-x-3 text-sm">
          <span className="min-w-0">
            <span className="font-medium">{factorLabel(reason.factor)}</span>
            {reason.detail ? <span className="text-muted-foreground"> — {reason.detail}</span> : null}
          </span>
          <span
            className={cn(
              "text-right font-mono tabular-nums",
              reason.weight >= 0
                ? "text-emerald-700 dark:text-emerald-400"
                : "text-rose-700 dark:text-rose-400",
            )}
          >
            {signed(reason.weight)}
          </span>
          <span aria-hidden className="col-span-2 h-1 rounded-full bg-muted">
            <span
              className={cn(
                "block h-1 rounded-full",
                reason.weight >= 0 ? "bg-emerald-500/70" : "bg-rose-500/70",
              )}
              style={{ width: `${(Math.abs(reason.weight) / largest) * 100}%` }}
            />
          </span>
        </li>
      ))}
    </ul>
  );
}

const credits = (n: number) => `${n} credit${n === 1 ? "" : "s"}`;

/** The element id of a turn's card, for deep links. */
export const turnElementId = (turnId: string) => `turn-${turnId}`;

/**
 * One agent's turn: what it decided, what came of it and, unfolded, why. A deep-linked
 * turn (`focused`) starts unfolded and highlighted.
 */
export function TurnCard({
  turn,
  color,
  permalink,
  focused = false,
}: {
  turn: ReviewTurn;
  color: string | undefined;
  permalink: string;
  focused?: boolean;
}) {
  // A row written by an older version may carry an outcome this one does not know.
  const outcome = OUTCOMES[turn.outcome] ?? { label: "did something unrecorded", icon: Hourglass, tone: "" };
  const Icon = outcome.icon;
  const firstDelay = formatDelay(turn.createdAt, turn.bubbles[0]?.deliverAt ?? null);
  const lastDelay = formatDelay(turn.createdAt, turn.bubbles.at(-1)?.deliverAt ?? null);
  return (
    <li
      id={turnElementId(turn.id)}
      data-testid="review-turn"
      data-outcome={turn.outcome}
      data-agent={turn.agentName}
      data-focused={focused ? "true" : undefined}
      className="scroll-mt-24"
    >
      <details
        open={focused}
        className={cn(
          "group rounded-lg border bg-card text-card-foreground open:shadow-sm",
          focused && "ring-2 ring-primary/60",
        )}
      >
        <summary className="flex cursor-pointer list-none items-center gap-2 rounded-lg px-3 py-2 text-sm hover:bg-accent/40 focus-visible:outline-none focus-visible:ring-[3px] focus-visible:ring-ring/50 [&::-webkit-details-marker]:hidden">
          <span aria-hidden className="size-2.5 shrink-0 rounded-full" style={{ backgroundColor: color }} />
          <Icon aria-hidden className={cn("size-4 shrink-0", outcome.tone)} />
          <span className="min-w-0 flex-1">
            <span className="font-medium">{turn.agentName}</span> {outcome.label}
          </span>
          {turn.score !== null ? (
            <Badge variant="outline" className="font-mono font-normal tabular-nums">
              score {turn.score.toFixed(2)}
            </Badge>
          ) : null}
          <Badge variant="secondary" className="hidden font-normal tabular-nums sm:inline-flex">
            {credits(turn.credits)}
          </Badge>
          <span
            aria-hidden
            className="text-muted-foreground text-xs transition-transform group-open:rotate-90"
          >
            ▸
          </span>
        </summary>
        <div className="grid gap-3 border-t px-3 py-3">
          <p className="text-muted-foreground text-xs">
            Heard from {turn.heardFrom}
            {turn.heardFromAgent ? " (an agent)" : ""} · <LocalTime iso={turn.createdAt} />
            {turn.turnEpoch !== null ? ` · turn ${turn.turnEpoch}` : ""}
            {turn.score !== null ? " · speaks at a score of 0.50 or more" : ""} · {credits(turn.credits)}
            {firstDelay ? ` · first bubble scheduled ${firstDelay} after hearing it` : ""}
            {lastDelay && turn.bubbles.length > 1 ? `, last ${lastDelay}` : ""}
          </p>
          <Reasons turn={turn} />
          {turn.tags.length > 0 ? (
            <p className="flex flex-wrap items-center gap-1.5 text-sm">
              <span className="text-muted-foreground">Signals:</span>
              {turn.tags.map((tag) => (
                <Badge key={tag} variant="secondary">
                  {tag}
                </Badge>
              ))}
            </p>
          ) : null}
          {turn.bubbles.length > 0 ? <BubbleTimes bubbles={turn.bubbles} agentName={turn.agentName} /> : null}
          {turn.draft ? (
            <figure className="grid gap-1">
              <figcaption className="text-muted-foreground text-xs">The dropped draft</figcaption>
              <blockquote className="whitespace-pre-wrap border-l-2 pl-3 text-sm italic">
                {turn.draft}
              </blockquote>
            </figure>
          ) : null}
          <TurnLink href={permalink} agentName={turn.agentName} />
          <AnnotationEditor turnId={turn.id} decision={turn.decision} agentName={turn.agentName} />
        </div>
      </details>
    </li>
  );
}
