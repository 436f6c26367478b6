import { z } from "zod";
import type { AttachedFrame, TurnTakingFrame, TurnTakingFrameType } from "./types";

// Parsing of socket frames. Browser-safe (zod only). Frames of a type this client does not know
// are reported as "unknown", not errors, so the server can add frame types without breaking us.

const envelope = { id: z.string().min(1), channel: z.string(), ts: z.string() };

const frameSchema: z.ZodType<TurnTakingFrame> = z.discriminatedUnion("type", [
  z.looseObject({
    ...envelope,
    type: z.literal("turn_taking.typing"),
    data: z.looseObject({ thread_id: z.string(), typing: z.boolean() }),
  }),
  z.looseObject({
    ...envelope,
    type: z.literal("turn_taking.message"),
    data: z.looseObject({
      message_id: z.string(),
      thread_id: z.string(),
      content: z.string(),
      position: z.number().int(),
      sent_at: z.string(),
      metadata: z.record(z.string(), z.unknown()).nullable(),
    }),
  }),
  z.looseObject({
    ...envelope,
    type: z.literal("turn_taking.signal"),
    data: z.looseObject({ thread_id: z.string(), user_id: z.string(), kind: z.string() }),
  }),
]);

const attachedSchema: z.ZodType<AttachedFrame> = z.looseObject({
  type: z.literal("attached"),
  channel: z.string(),
  server_time: z.string(),
});

const FRAME_TYPES: ReadonlySet<string> = new Set<TurnTakingFrameType>([
  "turn_taking.typing",
  "turn_taking.message",
  "turn_taking.signal",
]);

export type ParsedFrame =
  | { kind: "attached"; frame: AttachedFrame }
  | { kind: "event"; frame: TurnTakingFrame }
  | { kind: "unknown"; type: string }
  | { kind: "invalid"; reason: string };

function firstIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  return issue ? `${issue.path.map(String).join(".") || "frame"}: ${issue.message}` : "invalid frame";
}

export function parseFrame(text: string): ParsedFrame {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { kind: "invalid", reason: "frame is not JSON" };
  }
  if (typeof json !== "object" || json === null || !("type" in json) || typeof json.type !== "string") {
    return { kind: "invalid", reason: "frame has no type" };
  }
  if (json.type === "attached") {
    const attached = attachedSchema.safeParse(json);
    return attached.success
      ? { kind: "attached", frame: attached.data }
      : { kind: "invalid", reason: firstIssue(attached.error) };
  }
  if (!FRAME_TYPES.has(json.type)) return { kind: "unknown", type: json.type };
  const frame = frameSchema.safeParse(json);
  return frame.success
    ? { kind: "event", frame: frame.data }
    : { kind: "invalid", reason: firstIssue(frame.error) };
}
