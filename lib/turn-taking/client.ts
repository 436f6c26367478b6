// Typed client for the Turn-taking HTTP API, for the hosted service and the embedded engine alike.
// SERVER-ONLY IN USE: it holds the API key, and keys never leave the server — browsers only ever
// get a thread's `connect_url` (see socket.ts). It deliberately imports no Next.js, so server.ts,
// scripts and tests can use it too.

import type { z } from "zod";
import { TURN_TAKING_PATHS } from "../contract/turn-taking";
import { backoffDelay, sleep } from "./backoff";
import { errorFromResponse, TurnTakingError, type TurnTakingErrorDetail } from "./errors";
import {
  decisionsResponse,
  openThreadResponse,
  recordEventResponse,
  replayResponse,
  respondResponse,
  submitMessagesResponse,
  usageSummaryResponse,
  whoamiResponse,
} from "./response-schemas";
import type {
  DecisionsResponse,
  OpenThreadRequest,
  OpenThreadResponse,
  RecordEventRequest,
  RecordEventResponse,
  ReplayRequest,
  ReplayResponse,
  RespondRequest,
  RespondResponse,
  SubmitMessagesRequest,
  SubmitMessagesResponse,
  UsageSummaryResponse,
  WhoamiResponse,
} from "./types";

export interface TurnTakingClientOptions {
  /** e.g. `https://api.humalike.com` or the embedded engine's origin; a trailing slash is fine. */
  baseUrl: string;
  apiKey: string;
  /** Per attempt, including reading the body. */
  timeoutMs?: number;
  /** Extra attempts after the first, for 502s and connections that never opened. */
  retries?: number;
  /** First retry waits ~backoffMs, then doubling, with jitter. */
  backoffMs?: number;
  /** The global fetch by default; the server passes a lighter one (keep-alive-fetch). */
  fetch?: TurnTakingFetch;
}

/** What the client reads of a fetch Response. */
export interface TurnTakingFetchResponse {
  readonly status: number;
  readonly ok: boolean;
  readonly headers: { get(name: string): string | null };
  text(): Promise<string>;
}

/** What the client needs of `fetch`: one request with a string body, and the status, headers and text of its answer. */
export type TurnTakingFetch = (
  url: string,
  init: { method: string; headers: Record<string, string>; body: string; signal: AbortSignal },
) => Promise<TurnTakingFetchResponse>;

export interface CallOptions {
  /** Aborting rejects with the signal's reason (also while waiting to retry). */
  signal?: AbortSignal;
  /**
   * The public origin of the browser request this call serves, sent as X-Forwarded-Host and
   * X-Forwarded-Proto: a server reached over loopback then builds a connect_url that the
   * browser can reach.
   */
  forwardedFrom?: { host: string; proto: "http" | "https" };
}

export interface TurnTakingClient {
  whoami(options?: CallOptions): Promise<WhoamiResponse>;
  openThread(req?: OpenThreadRequest, options?: CallOptions): Promise<OpenThreadResponse>;
  submitMessages(req: SubmitMessagesRequest, options?: CallOptions): Promise<SubmitMessagesResponse>;
  respond(req: RespondRequest, options?: CallOptions): Promise<RespondResponse>;
  recordEvent(req: RecordEventRequest, options?: CallOptions): Promise<RecordEventResponse>;
  usageSummary(options?: CallOptions): Promise<UsageSummaryResponse>;
  /** Engine extension: every decision on a thread, with the reasons behind it. */
  decisions(
    threadId: string,
    options?: CallOptions & { fromEpoch?: number; toEpoch?: number },
  ): Promise<DecisionsResponse>;
  /** Engine extension (free, read-only): the decision model re-run over a transcript; the hosted service has none. */
  replay(req: ReplayRequest, options?: CallOptions): Promise<ReplayResponse>;
}

export { TURN_TAKING_PATHS };

// Failures where the connection never opened, so the request cannot have reached the server.
// A reset or a close mid-request is not here: submit_messages and respond are not idempotent.
const CONNECT_FAILURES = new Set([
  "ECONNREFUSED",
  "ENOTFOUND",
  "EAI_AGAIN",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "UND_ERR_CONNECT_TIMEOUT",
]);

/** undici wraps the socket error as `TypeError("fetch failed", { cause })`, sometimes an AggregateError. */
function errorCode(error: unknown, depth = 0): string | undefined {
  if (typeof error !== "object" || error === null || depth > 5) return undefined;
  const code = (error as { code?: unknown }).code;
  if (typeof code === "string") return code;
  if (error instanceof AggregateError) {
    for (const inner of error.errors) {
      const found = errorCode(inner, depth + 1);
      if (found) return found;
    }
  }
  return errorCode((error as { cause?: unknown }).cause, depth + 1);
}

function issuesToDetails(error: z.ZodError): TurnTakingErrorDetail[] {
  return error.issues.map((issue) => ({ field: issue.path.map(String).join("."), message: issue.message }));
}

export function createTurnTakingClient({
  baseUrl,
  apiKey,
  timeoutMs = 10_000,
  retries = 2,
  backoffMs = 200,
  fetch: fetchImpl = globalThis.fetch,
}: TurnTakingClientOptions): TurnTakingClient {
  if (!baseUrl) throw new TypeError("createTurnTakingClient: baseUrl is required");
  if (!apiKey) throw new TypeError("createTurnTakingClient: apiKey is required");
  if (typeof fetchImpl !== "function") throw new TypeError("createTurnTakingClient: no fetch available");
  const origin = baseUrl.replace(/\/+$/, "");
  const headers = {
    authorization: `Bearer ${apiKey}`,
    "content-type": "application/json",
    accept: "application/json",
  };

  async function attemptOnce<T>(
    path: string,
    body: string,
    schema: z.ZodType<T>,
    options: CallOptions | undefined,
    state: { attempt: number; requestId?: string },
  ): Promise<T> {
    const signal = options?.signal;
    const forwarded = options?.forwardedFrom;
    const timeout = AbortSignal.timeout(timeoutMs);
    let response: TurnTakingFetchResponse | undefined;
    let text: string;
    try {
      response = await fetchImpl(`${origin}${path}`, {
        method: "POST",
        headers: forwarded
          ? { ...headers, "x-forwarded-host": forwarded.host, "x-forwarded-proto": forwarded.proto }
          : headers,
        body,
        signal: signal ? AbortSignal.any([signal, timeout]) : timeout,
      });
      state.requestId = response.headers.get("x-request-id") || state.requestId;
      text = await response.text();
    } catch (error) {
      if (signal?.aborted) throw signal.reason;
      const common = { requestId: state.requestId, attempts: state.attempt, cause: error };
      if (timeout.aborted) {
        // Never retried: the server may be doing the (billable, epoch-advancing) work right now.
        throw new TurnTakingError({
          status: response?.status ?? 0,
          code: "TIMEOUT",
          message: `no complete response from ${path} within ${timeoutMs} ms`,
          ...common,
        });
      }
      const code = errorCode(error);
      throw new TurnTakingError({
        status: response?.status ?? 0,
        code: "NETWORK_ERROR",
        message: `network error calling ${path}: ${code ?? (error instanceof Error ? error.message : String(error))}`,
        retryable: response === undefined && code !== undefined && CONNECT_FAILURES.has(code),
        ...common,
      });
    }

    const ctx = { requestId: state.requestId, attempts: state.attempt };
    if (!response.ok) throw errorFromResponse(response.status, text, ctx);
    const badResponse = (message: string, details?: TurnTakingErrorDetail[]) =>
      new TurnTakingError({ status: response.status, code: "BAD_RESPONSE", message, details, ...ctx });
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      throw badResponse(`${path} answered ${response.status} with a body that is not JSON`);
    }
    const parsed = schema.safeParse(json);
    if (!parsed.success) {
      const details = issuesToDetails(parsed.error);
      const first = details[0];
      throw badResponse(
        `${path} answered in an unexpected shape${first ? ` (${first.field || "body"}: ${first.message})` : ""}`,
        details,
      );
    }
    return parsed.data;
  }

  async function call<T>(path: string, payload: unknown, schema: z.ZodType<T>, options?: CallOptions) {
    const signal = options?.signal;
    const body = JSON.stringify(payload);
    const state: { attempt: number; requestId?: string } = { attempt: 0 };
    for (;;) {
      signal?.throwIfAborted();
      state.attempt += 1;
      try {
        return await attemptOnce(path, body, schema, options, state);
      } catch (error) {
        const again = error instanceof TurnTakingError && error.retryable && state.attempt <= retries;
        if (!again) throw error;
        await sleep(backoffDelay(state.attempt - 1, backoffMs), signal);
      }
    }
  }

  return {
    whoami: (options) => call(TURN_TAKING_PATHS.whoami, {}, whoamiResponse, options),
    openThread: (req = {}, options) => call(TURN_TAKING_PATHS.openThread, req, openThreadResponse, options),
    submitMessages: (req, options) =>
      call(TURN_TAKING_PATHS.submitMessages, req, submitMessagesResponse, options),
    respond: (req, options) => call(TURN_TAKING_PATHS.respond, req, respondResponse, options),
    recordEvent: (req, options) => call(TURN_TAKING_PATHS.recordEvent, req, recordEventResponse, options),
    usageSummary: (options) => call(TURN_TAKING_PATHS.usageSummary, {}, usageSummaryResponse, options),
    decisions: (threadId, options) =>
      call(
        TURN_TAKING_PATHS.decisions,
        {
          thread_id: threadId,
          ...(options?.fromEpoch !== undefined ? { from_epoch: options.fromEpoch } : {}),
          ...(options?.toEpoch !== undefined ? { to_epoch: options.toEpoch } : {}),
        },
        decisionsResponse,
        options,
      ),
    replay: (req, options) => call(TURN_TAKING_PATHS.replays, req, replayResponse, options),
  };
}
