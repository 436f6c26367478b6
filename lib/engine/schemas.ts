import type { z } from "zod";
import { schemaError } from "./errors";
import { schemaDetails } from "./schema-issues";

// The request schemas live in the shared contract; the engine adds how a failure is answered.
export {
  clientTs,
  decisionsProjectionSchema,
  emptySchema,
  INT32_MAX,
  jsonDepth,
  METADATA_MAX_DEPTH,
  messageSchema,
  metadataSchema,
  openThreadSchema,
  pacingSchema,
  type RespondInput,
  recordEventSchema,
  respondSchema,
  type SubmitMessagesInput,
  submitMessagesSchema,
  threadId,
} from "../contract/turn-taking";

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
