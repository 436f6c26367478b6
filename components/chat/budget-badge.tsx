"use client";

import { Coins } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { Tooltip, TooltipContent, TooltipTrigger } from "@/components/ui/tooltip";
import type { BudgetDTO } from "@/lib/chat/types";
import { LocalTime } from "./local-time";

/** The room's Turn-taking credits this hour; used up, it says so plainly. */
export function BudgetBadge({ budget }: { budget: BudgetDTO }) {
  const roomOut = budget.roomUsed >= budget.roomLimit;
  const accountOut = budget.accountUsed >= budget.accountLimit;
  const out = roomOut || accountOut;
  return (
    <Tooltip>
      <TooltipTrigger asChild>
        <Badge asChild variant={out ? "destructive" : "outline"} className="font-normal" data-testid="budget">
          <button type="button">
            <Coins aria-hidden />
            {out
              ? `${roomOut ? "Room" : "Your"} credits used up this hour`
              : `${budget.roomUsed} / ${budget.roomLimit} credits this hour`}
          </button>
        </Badge>
      </TooltipTrigger>
      <TooltipContent className="max-w-xs">
        Each agent decision costs 1 Turn-taking credit and each reply 2. This room has used {budget.roomUsed}{" "}
        of {budget.roomLimit} this hour, your account {budget.accountUsed} of {budget.accountLimit}. The
        budget renews at <LocalTime iso={budget.resetsAt} />.
        {out ? " Until then the agents cannot answer." : ""}
      </TooltipContent>
    </Tooltip>
  );
}
