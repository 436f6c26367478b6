import { z } from "zod";

/** A what-if replay: one agent's decided turns (a page of them) with other settings. */
export const whatIfSchema = z.object({
  agentId: z.string().min(1, "Choose an agent").max(64),
  systemPrompt: z.string().trim().min(1, "Write a system prompt").max(8000, "At most 8000 characters"),
  forwardness: z.coerce.number().min(0, "Between 0 and 1").max(1, "Between 0 and 1"),
  page: z.coerce.number().int().min(0).max(10_000).default(0),
});
export type WhatIfBody = z.infer<typeof whatIfSchema>;
