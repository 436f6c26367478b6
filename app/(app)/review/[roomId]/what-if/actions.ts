"use server";

import { z } from "zod";
import { auth } from "@/auth";
import { ChatError } from "@/lib/chat/errors";
import { fieldErrors } from "@/lib/chat/schemas";
import { runWhatIf } from "@/lib/chat/what-if";
import type { WhatIfState } from "@/lib/chat/what-if-types";
import { isTurnTakingError } from "@/lib/turn-taking";

const whatIfSchema = z.object({
  roomId: z.string().min(1).max(64),
  agentId: z.string().min(1, "Choose an agent").max(64),
  systemPrompt: z.string().trim().min(1, "Write a system prompt").max(8000, "At most 8000 characters"),
  forwardness: z.coerce.number().min(0).max(1),
  page: z.coerce.number().int().min(0).max(10_000).default(0),
});

/** The what-if replay: reads the room and asks the decision model; changes nothing. */
export async function replayAction(_prev: WhatIfState, form: FormData): Promise<WhatIfState> {
  const parsed = whatIfSchema.safeParse(Object.fromEntries(form));
  if (!parsed.success) {
    const fields = fieldErrors(parsed.error);
    return { status: "error", message: Object.values(fields)[0] ?? "Check the form.", fields };
  }
  const session = await auth();
  if (!session?.user?.id) return { status: "error", message: "Sign in to continue." };
  const { roomId, ...input } = parsed.data;
  try {
    return { status: "done", result: await runWhatIf(roomId, session.user.id, input) };
  } catch (error) {
    if (error instanceof ChatError) return { status: "error", message: error.message };
    if (isTurnTakingError(error)) {
      console.warn("what-if replay: turn-taking failed:", error.message);
      return { status: "error", message: "The decision model could not be reached; try again." };
    }
    console.error("what-if replay failed:", error);
    return { status: "error", message: "The replay failed; try again." };
  }
}
