import { z } from "zod";
import type {
  DecisionsResponse,
  OpenThreadResponse,
  RecordEventResponse,
  ReplayResponse,
  RespondResponse,
  SubmitMessagesResponse,
  UsageSummaryResponse,
  WhoamiResponse,
} from "./types";

// Response validation: loose objects, so a field the server adds later passes through, while a
// missing or mistyped field we rely on fails loudly (as BAD_RESPONSE) instead of deep in the app.
// Each schema is annotated with its wire type, so types.ts and these cannot drift apart.

const decision = z.enum(["speak", "stay_silent"]);
const tags = z.array(z.string());

export const whoamiResponse: z.ZodType<WhoamiResponse> = z.looseObject({ user_id: z.string() });

export const openThreadResponse: z.ZodType<OpenThreadResponse> = z.looseObject({
  thread: z.looseObject({
    id: z.string(),
    user_id: z.string(),
    created_at: z.string(),
    updated_at: z.string(),
  }),
  channel: z.string(),
  realtime: z.looseObject({ connect_url: z.string(), expires_at: z.string() }),
});

export const submitMessagesResponse: z.ZodType<SubmitMessagesResponse> = z.looseObject({
  decision,
  turn_epoch: z.number().int(),
  tags,
  recalled_context: z.string().optional(),
  interrupted: z.array(z.looseObject({ id: z.string(), position: z.number().int() })).optional(),
  score: z.number().optional(),
  reasons: z
    .array(z.looseObject({ factor: z.string(), weight: z.number(), detail: z.string().optional() }))
    .optional(),
});

export const respondResponse: z.ZodType<RespondResponse> = z.looseObject({
  scheduled: z.array(
    z.looseObject({
      id: z.string(),
      thread_id: z.string(),
      content: z.string(),
      position: z.number().int(),
      deliver_at: z.string(),
      status: z.string(),
      created_at: z.string(),
      updated_at: z.string(),
    }),
  ),
  superseded: z.boolean(),
});

export const recordEventResponse: z.ZodType<RecordEventResponse> = z.looseObject({ tags });

export const usageSummaryResponse: z.ZodType<UsageSummaryResponse> = z.looseObject({
  total_calls: z.number(),
  total_credits: z.number(),
  per_component: z.array(z.looseObject({ component: z.string(), calls: z.number(), credits: z.number() })),
  daily_series: z.array(z.looseObject({ date: z.string(), requests: z.number() })),
});

export const decisionsResponse: z.ZodType<DecisionsResponse> = z.looseObject({
  thread_id: z.string(),
  decisions: z.array(
    z.looseObject({
      turn_epoch: z.number().int(),
      decision,
      score: z.number(),
      reasons: z.array(
        z.looseObject({ factor: z.string(), weight: z.number(), detail: z.string().optional() }),
      ),
      tags,
      billed: z.boolean(),
      agent_name: z.string().nullable(),
      created_at: z.string(),
    }),
  ),
});

export const replayResponse: z.ZodType<ReplayResponse> = z.looseObject({
  decisions: z.array(
    z.looseObject({
      id: z.string(),
      decision,
      score: z.number(),
      reasons: z.array(
        z.looseObject({ factor: z.string(), weight: z.number(), detail: z.string().optional() }),
      ),
    }),
  ),
});
