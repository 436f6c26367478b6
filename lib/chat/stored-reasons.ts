// A decision's weighted reasons as AgentTurn.reasons keeps them: a JSON list of
// {factor, weight, detail}. Written once read from the engine, so charts can aggregate
// them without asking the engine again; read back here, distrusting whatever is stored.

import { z } from "zod";
import type { ReviewReason } from "./review-types";

const storedReason = z.object({
  factor: z.string().min(1),
  weight: z.number().finite(),
  detail: z.string().optional(),
});
const storedReasons = z.array(storedReason);

/** The stored list, or null when nothing (or nothing readable) is stored. */
export function parseStoredReasons(json: string | null): ReviewReason[] | null {
  if (json === null) return null;
  try {
    const parsed = storedReasons.safeParse(JSON.parse(json));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** Only the three known fields, so the stored form stays the documented one. */
export function serializeReasons(reasons: readonly ReviewReason[]): string {
  return JSON.stringify(
    reasons.map(({ factor, weight, detail }) =>
      detail === undefined ? { factor, weight } : { factor, weight, detail },
    ),
  );
}
