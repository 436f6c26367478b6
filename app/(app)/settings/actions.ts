"use server";

import { revalidatePath } from "next/cache";
import { auth } from "@/auth";
import { setDisplayName } from "@/lib/chat/people";
import { displayNameSchema, fieldErrors } from "@/lib/chat/schemas";

export interface DisplayNameState {
  /** What was submitted, so the form shows it again after an error. */
  name?: string;
  fieldErrors?: Record<string, string>;
  error?: string;
  /** Bumped on every successful save, so the form can announce it. */
  savedAt?: number;
}

/** Renames the signed-in person (guests included); rooms they are in see it at once. */
export async function updateDisplayName(_: DisplayNameState, formData: FormData): Promise<DisplayNameState> {
  const raw = formData.get("name");
  const name = typeof raw === "string" ? raw : "";
  const session = await auth();
  if (!session?.user?.id) return { name, error: "Sign in again to change your name." };
  const parsed = displayNameSchema.safeParse({ name });
  if (!parsed.success) return { name, fieldErrors: fieldErrors(parsed.error) };
  await setDisplayName(session.user.id, parsed.data.name);
  revalidatePath("/", "layout");
  return { name: parsed.data.name, savedAt: Date.now() };
}
