import type { IncomingMessage, ServerResponse } from "node:http";
import { TURN_TAKING_PATHS } from "../contract/turn-taking";
import { decisionsProjection } from "./actions/decisions-projection";
import { openThread } from "./actions/open-thread";
import { recordEvent } from "./actions/record-event";
import { replay } from "./actions/replay";
import { respond } from "./actions/respond";
import { submitMessages } from "./actions/submit-messages";
import { usageSummary } from "./actions/usage-summary";
import { whoami } from "./actions/whoami";
import type { ActionContext, EngineServices } from "./context";
import { EngineError, forbidden, internalError, schemaError, unauthorized, upstreamError } from "./errors";
import { newRequestId } from "./ids";
import type { WriteRateLimit } from "./rate-limit";

type Action = (ctx: ActionContext, body: unknown) => Promise<unknown>;

/** `write`: the call stores rows, so it counts against the key's write rate. */
const P = TURN_TAKING_PATHS;
const ROUTES: Record<string, { action: Action; scope: string; write: boolean }> = {
  [P.whoami]: { action: whoami, scope: "turn-taking", write: false },
  [P.openThread]: { action: openThread, scope: "turn-taking", write: true },
  [P.submitMessages]: { action: submitMessages, scope: "turn-taking", write: true },
  [P.respond]: { action: respond, scope: "turn-taking", write: true },
  [P.recordEvent]: { action: recordEvent, scope: "turn-taking", write: true },
  [P.decisions]: { action: decisionsProjection, scope: "turn-taking", write: false },
  [P.replays]: { action: replay, scope: "turn-taking", write: false },
  [P.usageSummary]: { action: usageSummary, scope: "credits", write: false },
};

export const DEFAULT_BODY_LIMIT = 1024 * 1024;

export interface HttpLimits {
  bodyLimit: number;
  /** Time allowed for the body once the headers are in. */
  bodyTimeoutMs: number;
  /** Bodies read at once across all requests. */
  maxBodiesInFlight: number;
  writeRate: WriteRateLimit;
}

function send(
  res: ServerResponse,
  status: number,
  body: unknown,
  requestId: string,
  extra?: Record<string, string>,
) {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    "content-type": "application/json",
    "content-length": Buffer.byteLength(text),
    "x-request-id": requestId,
    ...extra,
  });
  res.end(text);
}

function readBody(req: IncomingMessage, limit: number, timeoutMs: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers["content-length"]);
    if (Number.isFinite(declared) && declared > limit) {
      reject(new EngineError(413, "PAYLOAD_TOO_LARGE", `body exceeds ${limit} bytes`));
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    const fail = (error: EngineError) => {
      clearTimeout(timer);
      req.removeAllListeners("data");
      chunks.length = 0;
      reject(error);
    };
    // A client that trickles its body holds memory and a socket: it gets this long, no more.
    const timer = setTimeout(
      () => fail(new EngineError(408, "REQUEST_TIMEOUT", `body not received within ${timeoutMs} ms`)),
      timeoutMs,
    );
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) return fail(new EngineError(413, "PAYLOAD_TOO_LARGE", `body exceeds ${limit} bytes`));
      chunks.push(chunk);
    });
    req.on("end", () => {
      clearTimeout(timer);
      resolve(Buffer.concat(chunks));
    });
    req.on("error", (error) => {
      clearTimeout(timer);
      reject(error);
    });
  });
}

const jsonInvalid = (msg: string) => schemaError([{ loc: [], msg, type: "json_invalid" }]);

function parseJson(raw: Buffer, contentType: string | undefined): unknown {
  if (contentType && !/^application\/(.+\+)?json\b/i.test(contentType)) {
    throw jsonInvalid("content-type must be application/json");
  }
  if (raw.length === 0) return {};
  try {
    return JSON.parse(raw.toString("utf8"));
  } catch {
    throw jsonInvalid("JSON decode error");
  }
}

/** A database or provider outage is a 502 the client may retry; anything else unknown is a 500. */
function classify(error: unknown): EngineError {
  if (error instanceof EngineError) return error;
  const text = error instanceof Error ? `${error.name} ${error.message}` : String(error);
  if (
    /ECONNREFUSED|ECONNRESET|ETIMEDOUT|SQLITE_BUSY|database is locked|Can't reach database|P1001|P1017|P2024/i.test(
      text,
    )
  ) {
    return upstreamError("the database");
  }
  return internalError();
}

const HOST = /^[A-Za-z0-9.:[\]-]{1,255}$/;

/** The public origin the caller was reached at (behind a proxy, or an app calling over loopback for a browser). */
function originOf(req: IncomingMessage): string {
  const first = (header: string | string[] | undefined) =>
    String(header ?? "")
      .split(",")[0]
      ?.trim();
  const proto = first(req.headers["x-forwarded-proto"]) === "https" ? "https" : "http";
  const forwarded = first(req.headers["x-forwarded-host"]);
  const host = (forwarded && HOST.test(forwarded) ? forwarded : req.headers.host) || "localhost";
  return `${proto}://${host}`;
}

export function createHttpHandler(services: EngineServices, limits: HttpLimits) {
  let bodiesInFlight = 0;
  return async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const requestId = newRequestId();
    const path = (req.url ?? "/").split("?")[0] ?? "/";
    let extra: Record<string, string> | undefined;
    try {
      const route = ROUTES[path];
      if (!route) throw new EngineError(404, "NOT_FOUND", `no route ${path}`);
      if (req.method !== "POST") {
        extra = { allow: "POST" };
        throw new EngineError(405, "METHOD_NOT_ALLOWED", `${req.method} is not allowed; use POST`);
      }
      // The key is checked before a byte of the body is read: a caller without one costs no memory.
      const principal = await services.principals.authenticate(req.headers.authorization);
      if (!principal) throw unauthorized();
      if (!principal.scopes.has(route.scope)) throw forbidden(`this key lacks the ${route.scope} scope`);
      if (route.write) {
        const wait = limits.writeRate.take(principal.keyId);
        if (wait > 0) {
          extra = { "retry-after": String(wait) };
          throw new EngineError(429, "RATE_LIMITED", `too many writes with this key; retry in ${wait} s`);
        }
      }
      if (bodiesInFlight >= limits.maxBodiesInFlight) {
        extra = { "retry-after": "1" };
        throw new EngineError(429, "RATE_LIMITED", "too many requests in flight; retry shortly");
      }
      bodiesInFlight++;
      let raw: Buffer;
      try {
        raw = await readBody(req, limits.bodyLimit, limits.bodyTimeoutMs);
      } finally {
        bodiesInFlight--;
      }
      const body = parseJson(raw, req.headers["content-type"]);
      const result = await route.action({ ...services, principal, origin: originOf(req) }, body);
      send(res, 200, result, requestId);
    } catch (error) {
      const engineError = classify(error);
      if (engineError.status >= 500) console.error(`engine ${requestId}:`, error);
      // A body too large or too slow is not waited for: close after answering. One refused
      // early (401, 403, 429) is discarded as it arrives, never buffered: closing with it
      // unread would reset the connection and could cost the client the answer.
      if (!req.complete && (engineError.status === 408 || engineError.status === 413))
        extra = { ...extra, connection: "close" };
      if (!res.headersSent) send(res, engineError.status, engineError.toEnvelope(), requestId, extra);
    }
  };
}
