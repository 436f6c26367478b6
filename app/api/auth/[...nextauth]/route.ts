import { NextResponse } from "next/server";
import { handlers } from "@/auth";
import { credentialsSchema } from "@/lib/auth/schemas";
import { signInWait, throttledMessage } from "@/lib/auth/sign-in-throttle";
import { clientIp } from "@/lib/http/client-ip";

export const { GET } = handlers;

/** Password sign-ins over HTTP: a throttled e-mail or IP gets 429 with Retry-After, before any check. */
export async function POST(req: Request) {
  if (new URL(req.url).pathname.endsWith("/callback/credentials")) {
    const form = await req
      .clone()
      .formData()
      .catch(() => null);
    const parsed = credentialsSchema.shape.email.safeParse(form?.get("email"));
    const wait = await signInWait(parsed.success ? parsed.data : "", clientIp(req.headers));
    if (wait > 0)
      return NextResponse.json(
        { error: { code: "rate_limit:sign_in", message: throttledMessage(wait) } },
        { status: 429, headers: { "retry-after": String(wait) } },
      );
  }
  return handlers.POST(req as Parameters<typeof handlers.POST>[0]);
}
