import "server-only";
import { NextResponse } from "next/server";
import type { z } from "zod";
import { auth } from "@/auth";
import { processSingleton } from "@/lib/async/process-singleton";
import { SessionCache } from "@/lib/auth/session-cache";
import { crossSiteRefusal } from "@/lib/http/same-origin";
import { isTurnTakingError } from "@/lib/turn-taking";
import { badRequest, ChatError, unauthorized } from "./errors";
import { fieldErrors } from "./schemas";

export interface SessionUser {
  id: string;
  name: string;
}

const sessions = () => processSingleton("api-sessions", () => new SessionCache<SessionUser>());

/** The signed-in user of an API request, or null. */
async function requestUser(req: Request): Promise<SessionUser | null> {
  return sessions().userOf(req.headers.get("cookie"), async () => {
    const session = await auth();
    return session?.user?.id ? { id: session.user.id, name: session.user.name ?? "Someone" } : null;
  });
}

/** Route handlers: parse → authorize → call lib; every failure leaves as a clear JSON error. */
export function handler<P>(fn: (req: Request, user: SessionUser, params: P) => Promise<Response>) {
  return async (req: Request, ctx: { params: Promise<P> }): Promise<Response> => {
    try {
      // Before anything else: a cross-site write never reaches the session or the database.
      const refusal = crossSiteRefusal(req);
      if (refusal) throw new ChatError(403, refusal.code, refusal.message);
      const user = await requestUser(req);
      if (!user) throw unauthorized();
      return await fn(req, user, await ctx.params);
    } catch (error) {
      if (error instanceof ChatError) return errorResponse(error);
      if (isTurnTakingError(error)) {
        console.error("turn-taking error", error);
        return NextResponse.json(
          {
            error: {
              code: "upstream:turn-taking",
              message: "The turn-taking service is unavailable; try again.",
            },
          },
          { status: 502 },
        );
      }
      console.error("chat route failed", error);
      return NextResponse.json(
        { error: { code: "internal:server", message: "Something went wrong." } },
        { status: 500 },
      );
    }
  };
}

export async function parseJson<S extends z.ZodType>(req: Request, schema: S): Promise<z.infer<S>> {
  let body: unknown;
  try {
    body = await req.json();
  } catch {
    throw badRequest("The request body must be JSON.");
  }
  const parsed = schema.safeParse(body);
  if (!parsed.success) {
    const fields = fieldErrors(parsed.error);
    throw badRequest(Object.values(fields)[0] ?? "Invalid input.", fields);
  }
  return parsed.data;
}

/** The query string, parsed with the same 422 envelope as a body. */
export function parseQuery<S extends z.ZodType>(req: Request, schema: S): z.infer<S> {
  const query = Object.fromEntries(new URL(req.url).searchParams);
  const parsed = schema.safeParse(query);
  if (!parsed.success) {
    const fields = fieldErrors(parsed.error);
    throw badRequest(Object.values(fields)[0] ?? "Invalid query.", fields);
  }
  return parsed.data;
}

/** A ChatError as a response; limits add Retry-After. */
export function errorResponse(error: ChatError): Response {
  const headers: Record<string, string> = {};
  if (error.retryAfterS !== undefined) headers["retry-after"] = String(error.retryAfterS);
  return NextResponse.json(error.toBody(), { status: error.status, headers });
}

/** The origin the browser used to reach us (behind a proxy: its X-Forwarded-* headers). */
export function publicOrigin(req: Request): { host: string; proto: "http" | "https" } {
  const url = new URL(req.url);
  const host =
    req.headers.get("x-forwarded-host")?.split(",")[0]?.trim() || req.headers.get("host") || url.host;
  const forwardedProto = req.headers.get("x-forwarded-proto")?.split(",")[0]?.trim();
  const proto = (forwardedProto || url.protocol.replace(":", "")) === "https" ? "https" : "http";
  return { host, proto };
}
