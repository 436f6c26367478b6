import { z } from "zod";

export const roomNameSchema = z.object({
  name: z.string().trim().min(1, "Give the room a name").max(80, "At most 80 characters"),
});

export const messageSchema = z.object({
  content: z
    .string()
    .max(4000, "Messages can be at most 4000 characters")
    .refine((c) => c.trim().length > 0, "Write something first"),
});

/** What other people see you as; the same characters an agent's name allows, plus apostrophes. */
export const displayNameSchema = z.object({
  name: z
    .string()
    .trim()
    .min(1, "Enter a name")
    .max(40, "At most 40 characters")
    .regex(/^[\p{L}\p{N}][\p{L}\p{N} .'_-]*$/u, "Letters, numbers, spaces and . ' _ - only"),
});

export const typingSchema = z.object({ typing: z.boolean() });

export const agentInputSchema = z.object({
  name: z
    .string()
    .trim()
    .min(1, "Give the agent a name")
    .max(40, "At most 40 characters")
    .regex(/^[\p{L}\p{N}][\p{L}\p{N} ._-]*$/u, "Letters, numbers, spaces, . _ - only"),
  color: z.string().regex(/^#[0-9a-fA-F]{6}$/, "Pick a colour"),
  persona: z.string().trim().min(1, "Describe the persona in a few words").max(200),
  systemPrompt: z.string().trim().min(1, "Write a system prompt").max(8000),
  modelId: z.string().min(1).max(200),
  typingWpm: z.number().int().min(20).max(400),
  readingDelayMs: z.number().int().min(0).max(10_000),
  maxTypingMs: z.number().int().min(500).max(20_000),
  forwardness: z.number().min(0).max(1),
});
export const agentPatchSchema = agentInputSchema.partial();

export type AgentInput = z.infer<typeof agentInputSchema>;

export function fieldErrors(error: z.ZodError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) out[issue.path.map(String).join(".") || "body"] ??= issue.message;
  return out;
}
