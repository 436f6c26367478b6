"use server";

import { headers } from "next/headers";
import { AuthError } from "next-auth";
import { auth, SignInThrottled, signIn, signOut } from "@/auth";
import { credentialsSchema, registerSchema } from "@/lib/auth/schemas";
import { signInWait, throttledMessage } from "@/lib/auth/sign-in-throttle";
import { registerUser } from "@/lib/auth/users";
import { clientIp } from "@/lib/http/client-ip";

export interface FormState {
  error?: string;
  /** Set when sign-in is throttled: seconds until the next attempt is allowed. */
  retryAfterS?: number;
  fieldErrors?: Record<string, string>;
}

function safeRedirect(value: FormDataEntryValue | null): string {
  const target = typeof value === "string" ? value : "";
  // Only same-site paths: never bounce a user to another origin.
  return target.startsWith("/") && !target.startsWith("//") ? target : "/rooms";
}

function fieldErrors(issues: { path: PropertyKey[]; message: string }[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of issues) out[String(issue.path[0])] ??= issue.message;
  return out;
}

export async function continueAsGuest(formData: FormData): Promise<void> {
  await signIn("guest", { redirectTo: safeRedirect(formData.get("callbackUrl")) });
}

export async function login(_: FormState, formData: FormData): Promise<FormState> {
  const parsed = credentialsSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return { fieldErrors: fieldErrors(parsed.error.issues) };
  const ip = clientIp(await headers());
  const wait = await signInWait(parsed.data.email, ip);
  if (wait > 0) return { error: throttledMessage(wait), retryAfterS: wait };
  try {
    await signIn("credentials", { ...parsed.data, redirectTo: safeRedirect(formData.get("callbackUrl")) });
    return {};
  } catch (error) {
    if (error instanceof SignInThrottled) {
      const retryAfterS = Math.max(1, await signInWait(parsed.data.email, ip));
      return { error: throttledMessage(retryAfterS), retryAfterS };
    }
    if (error instanceof AuthError) return { error: "That email and password do not match an account." };
    throw error; // the success redirect is thrown too
  }
}

export async function register(_: FormState, formData: FormData): Promise<FormState> {
  const parsed = registerSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return { fieldErrors: fieldErrors(parsed.error.issues) };
  const session = await auth();
  const result = await registerUser(parsed.data, session?.user.isGuest ? session.user.id : null);
  if (!result.ok) return { fieldErrors: { email: "An account with this email already exists." } };
  try {
    await signIn("credentials", {
      email: parsed.data.email,
      password: parsed.data.password,
      redirectTo: safeRedirect(formData.get("callbackUrl")),
    });
    return {};
  } catch (error) {
    if (error instanceof AuthError)
      return { error: "Your account was created, but signing in failed. Try signing in." };
    throw error;
  }
}

export async function logout(): Promise<void> {
  await signOut({ redirectTo: "/login" });
}
