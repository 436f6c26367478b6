import { describe, expect, it } from "vitest";
import type { Prisma } from "@/lib/generated/sqlite/client";
import { matchesFilter, REVIEW_FILTERS } from "./review-timeline";
import { turnWhere } from "./review-turn-where";
import type { ReviewFilter, TurnDecision, TurnOutcome } from "./review-types";

type Row = { agentId: string | null; decision: string; outcome: string };

// Evaluates the subset of Prisma's where language turnWhere writes (AND, OR, equals, in).
function holds(where: Prisma.AgentTurnWhereInput, row: Row): boolean {
  return Object.entries(where).every(([key, condition]) => {
    if (key === "AND") return (condition as Prisma.AgentTurnWhereInput[]).every((w) => holds(w, row));
    if (key === "OR") return (condition as Prisma.AgentTurnWhereInput[]).some((w) => holds(w, row));
    const value = row[key as keyof Row];
    if (typeof condition === "object" && condition !== null && "in" in condition) {
      return (condition.in as unknown[]).includes(value);
    }
    return value === condition;
  });
}

const decisions: TurnDecision[] = ["speak", "stay_silent", "not_asked", "unavailable"];
const outcomes: TurnOutcome[] = [
  "silent",
  "replied",
  "superseded",
  "interrupted",
  "unpaced",
  "not_asked",
  "failed",
];

describe("turnWhere", () => {
  it("selects in the database exactly the turns matchesFilter shows", () => {
    for (const filter of REVIEW_FILTERS.filter((f): f is Exclude<ReviewFilter, "all"> => f !== "all")) {
      const where = turnWhere({ agents: [], outcomes: [filter] });
      for (const decision of decisions) {
        for (const outcome of outcomes) {
          const row = { agentId: "a", decision, outcome };
          expect(holds(where, row), `${filter} ${decision}/${outcome}`).toBe(
            matchesFilter({ decision, outcome }, filter),
          );
        }
      }
    }
  });

  it("combines agents (any of) with outcomes (any of)", () => {
    const where = turnWhere({ agents: ["sam", "pip"], outcomes: ["silent", "interrupted"] });
    expect(holds(where, { agentId: "sam", decision: "stay_silent", outcome: "silent" })).toBe(true);
    expect(holds(where, { agentId: "pip", decision: "speak", outcome: "interrupted" })).toBe(true);
    expect(holds(where, { agentId: "maya", decision: "stay_silent", outcome: "silent" })).toBe(false);
    expect(holds(where, { agentId: "sam", decision: "speak", outcome: "replied" })).toBe(false);
    expect(turnWhere({ agents: [], outcomes: [] })).toEqual({});
  });
});
