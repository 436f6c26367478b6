import { z } from "zod";
import { schemaError } from "./errors";
import { INTEGER_MESSAGE, schemaDetails } from "./schema-issues";

// Field limits exactly as the Turn-taking API documents them. Unknown keys are stripped, never an error.
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ISO_8601 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/;
/** Integer columns are 32-bit in Postgres: a larger epoch is out of range, not a crash. */
export const INT32_MAX = 2 ** 31 - 1;
/** Deepest nesting accepted in `metadata` (the hosted limit is its size; depth guards the stack). */
export const METADATA_MAX_DEPTH = 32;

// Postgres text cannot hold NUL, and no chat line needs one: a schema failure on both databases.
const noNul = (v: string) => !v.includes("\0");
const nulRule = { error: "must not contain NUL characters" } as const;

const text = (min: number, max: number) => z.string().min(min).max(max).refine(noNul, nulRule);

export const threadId = z
  .string()
  .refine((v) => UUID.test(v), { params: { type: "uuid_parsing" }, error: "Input should be a valid UUID" });

export const clientTs = z.string().refine((v) => ISO_8601.test(v) && !Number.isNaN(Date.parse(v)), {
  params: { type: "datetime_parsing" },
  error: "Input should be a valid datetime",
});

const systemPrompt = z.string().max(100_000).refine(noNul, nulRule);
const agentName = text(1, 255);
const bool = z.boolean();
const int32 = z.int({ error: INTEGER_MESSAGE }).lte(INT32_MAX);

export const openThreadSchema = z.object({
  thread_id: threadId.optional(),
  integrations: z
    .object({ social_signals: z.object({ channel_id: text(1, 255).optional() }).optional() })
    .optional(),
  /** Engine extension: a batch from someone else stops the agent's reply before its first bubble. */
  interruptible: bool.optional(),
});

export const messageSchema = z.object({
  sender: text(1, 255),
  content: text(1, 4000),
  client_ts: clientTs.optional(),
  has_media: bool.optional(),
});

export const submitMessagesSchema = z.object({
  thread_id: threadId,
  messages: z.array(messageSchema).min(1).max(20),
  system_prompt: systemPrompt.optional(),
  skip_decide: bool.optional(),
  agent_name: agentName.optional(),
});
export type SubmitMessagesInput = z.infer<typeof submitMessagesSchema>;

export const pacingSchema = z.object({
  reading_delay_ms: z.number().gte(0).lte(30_000).optional(),
  typing_wpm: z.number().gt(0).lte(2000).optional(),
  max_typing_ms: z.number().gt(0).lte(60_000).optional(),
});

/** Nesting depth of a JSON value, walked without recursion so any depth is safe to measure. */
export function jsonDepth(value: unknown, stopAt = Number.POSITIVE_INFINITY): number {
  let deepest = 0;
  const stack: [unknown, number][] = [[value, 1]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    if (typeof node !== "object" || node === null) continue;
    if (depth > deepest) deepest = depth;
    if (deepest > stopAt) return deepest;
    for (const child of Object.values(node)) stack.push([child, depth + 1]);
  }
  return deepest;
}

export const metadataSchema = z
  .record(z.string(), z.unknown())
  .refine((m) => jsonDepth(m, METADATA_MAX_DEPTH) <= METADATA_MAX_DEPTH, {
    error: `must be nested at most ${METADATA_MAX_DEPTH} levels deep`,
    abort: true,
  })
  .refine((m) => Buffer.byteLength(JSON.stringify(m), "utf8") <= 4096, {
    error: "must be at most 4096 bytes serialized",
  });

export const respondSchema = z.object({
  thread_id: threadId,
  content: text(1, 4000),
  turn_epoch: int32.gte(-INT32_MAX - 1),
  system_prompt: systemPrompt.optional(),
  agent_name: agentName.optional(),
  pacing: pacingSchema.optional(),
  metadata: metadataSchema.optional(),
});
export type RespondInput = z.infer<typeof respondSchema>;

export const recordEventSchema = z.object({
  thread_id: threadId,
  type: z.enum(["typing_start", "typing_stop", "message_edited"]),
  sender: text(1, 255),
  client_ts: clientTs.optional(),
});

export const emptySchema = z.object({});
export const decisionsProjectionSchema = z.object({
  thread_id: threadId,
  /** Only decisions from this turn epoch on (a review of recent turns need not read a thread's whole past). */
  from_epoch: int32.gte(0).optional(),
});

/** Parses a JSON body; every failure is a 422 `validation_failed` naming each problem by its path. */
export function parseBody<S extends z.ZodType>(schema: S, body: unknown): z.infer<S> {
  if (typeof body !== "object" || body === null || Array.isArray(body)) {
    throw schemaError([
      {
        loc: [],
        msg: "Input should be a valid dictionary or object to extract fields from",
        type: "model_attributes_type",
      },
    ]);
  }
  const result = schema.safeParse(body, { reportInput: true });
  if (result.success) return result.data;
  throw schemaError(schemaDetails(result.error.issues));
}
