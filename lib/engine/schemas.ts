import { z } from "zod";
import { type ErrorDetail, validationError } from "./errors";

// Field limits exactly as the Turn-taking API documents them. Unknown keys are stripped, never an error.
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ISO_8601 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/;

const text = (min: number, max: number) =>
  z
    .string({ error: "must be a string" })
    .min(min, { error: `must be ${min}-${max} characters` })
    .max(max, { error: `must be ${min}-${max} characters` });

export const threadId = z.string({ error: "must be a UUID string" }).regex(UUID, { error: "must be a UUID" });

export const clientTs = z
  .string({ error: "must be an ISO 8601 timestamp string" })
  .regex(ISO_8601, { error: "must be an ISO 8601 timestamp" })
  .refine((v) => !Number.isNaN(Date.parse(v)), { error: "must be a valid ISO 8601 timestamp" });

const systemPrompt = z
  .string({ error: "must be a string" })
  .max(100_000, { error: "must be at most 100000 characters" });
const agentName = text(1, 255);
const bool = z.boolean({ error: "must be a boolean" });

export const openThreadSchema = z.object({
  thread_id: threadId.optional(),
  integrations: z
    .object(
      {
        social_signals: z
          .object({ channel_id: text(1, 255).optional() }, { error: "must be an object" })
          .optional(),
      },
      { error: "must be an object" },
    )
    .optional(),
});

export const messageSchema = z.object(
  {
    sender: text(1, 255),
    content: text(1, 4000),
    client_ts: clientTs.optional(),
    has_media: bool.optional(),
  },
  { error: "must be an object" },
);

export const submitMessagesSchema = z.object({
  thread_id: threadId,
  messages: z
    .array(messageSchema, { error: "must be an array" })
    .min(1, { error: "must contain 1-20 items" })
    .max(20, { error: "must contain 1-20 items" }),
  system_prompt: systemPrompt.optional(),
  skip_decide: bool.optional(),
  agent_name: agentName.optional(),
});
export type SubmitMessagesInput = z.infer<typeof submitMessagesSchema>;

const positiveUpTo = (max: number) =>
  z.number({ error: "must be a number" }).refine((n) => Number.isFinite(n) && n > 0 && n <= max, {
    error: `must be greater than 0 and at most ${max}`,
  });

export const pacingSchema = z.object(
  {
    reading_delay_ms: z
      .number({ error: "must be a number" })
      .refine((n) => Number.isFinite(n) && n >= 0 && n <= 30_000, { error: "must be between 0 and 30000" })
      .optional(),
    typing_wpm: positiveUpTo(2000).optional(),
    max_typing_ms: positiveUpTo(60_000).optional(),
  },
  { error: "must be an object" },
);

export const metadataSchema = z
  .record(z.string(), z.unknown(), { error: "must be a JSON object" })
  .refine((m) => Buffer.byteLength(JSON.stringify(m), "utf8") <= 4096, {
    error: "must be at most 4096 bytes serialized",
  });

export const respondSchema = z.object({
  thread_id: threadId,
  content: text(1, 4000),
  turn_epoch: z.number({ error: "must be an integer" }).int({ error: "must be an integer" }),
  system_prompt: systemPrompt.optional(),
  agent_name: agentName.optional(),
  pacing: pacingSchema.optional(),
  metadata: metadataSchema.optional(),
});
export type RespondInput = z.infer<typeof respondSchema>;

export const recordEventSchema = z.object({
  thread_id: threadId,
  type: z.enum(["typing_start", "typing_stop", "message_edited"], {
    error: "must be one of typing_start, typing_stop, message_edited",
  }),
  sender: text(1, 255),
  client_ts: clientTs.optional(),
});

export const emptySchema = z.object({});
export const decisionsProjectionSchema = z.object({
  thread_id: threadId,
  /** Only decisions from this turn epoch on (a review of recent turns need not read a thread's whole past). */
  from_epoch: z.number().int().min(0).optional(),
});

/** Parses a JSON body; every failure is a 422 naming each bad field by dotted path. */
export function parseBody<S extends z.ZodType>(schema: S, body: unknown): z.infer<S> {
  if (typeof body !== "object" || body === null || Array.isArray(body)) {
    throw validationError([{ field: "body", message: "must be a JSON object" }]);
  }
  const result = schema.safeParse(body);
  if (result.success) return result.data;
  const details: ErrorDetail[] = [];
  const seen = new Set<string>();
  for (const issue of result.error.issues) {
    const field = issue.path.map(String).join(".");
    if (seen.has(field)) continue;
    seen.add(field);
    const missing = issue.code === "invalid_type" && issue.input === undefined;
    details.push({ field: field || "body", message: missing ? "is required" : issue.message });
  }
  throw validationError(details);
}
