// The timeline's turn filter as a Prisma condition, so a filtered page reads only the turns
// it shows (the (roomId, agentId, createdAt) index serves the agent filter).
// Must agree with matchesFilter in review-timeline.ts (the unit test checks both).

import type { Prisma } from "@/lib/generated/sqlite/client";
import type { ReviewFilter, TurnFilter } from "./review-types";

const OUTCOME_WHERE: Record<Exclude<ReviewFilter, "all">, Prisma.AgentTurnWhereInput> = {
  spoke: { outcome: { in: ["replied", "unpaced"] } },
  silent: { decision: "stay_silent" },
  dropped: { outcome: { in: ["superseded", "interrupted", "failed"] } },
  interrupted: { outcome: "interrupted" },
  heard: { outcome: "not_asked" },
  failed: { outcome: "failed" },
};

export function turnWhere(filter: TurnFilter): Prisma.AgentTurnWhereInput {
  const where: Prisma.AgentTurnWhereInput[] = [];
  if (filter.agents.length > 0) where.push({ agentId: { in: filter.agents } });
  if (filter.outcomes.length > 0) where.push({ OR: filter.outcomes.map((o) => OUTCOME_WHERE[o]) });
  return where.length > 0 ? { AND: where } : {};
}
