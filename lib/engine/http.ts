import type { IncomingMessage, ServerResponse } from "node:http";
import { decisionsProjection } from "./actions/decisions-projection";
import { openThread } from "./actions/open-thread";
import { recordEvent } from "./actions/record-event";
import { respond } from "./actions/respond";
import { submitMessages } from "./actions/submit-messages";
import { usageSummary } from "./actions/usage-summary";
import { whoami } from "./actions/whoami";
import type { ActionContext, EngineServices } from "./context";
import {
  EngineError,
  forbidden,
  internalError,
  unauthorized,
  upstreamError,
  validationError,
} from "./errors";
import { newRequestId } from "./ids";

type Action = (ctx: ActionContext, body: unknown) => Promise<unknown>;

const ROUTES: Record<string, { action: Action; scope: string }> = {
  "/v1/turn-taking/actions/whoami": { action: whoami, scope: "turn-taking" },
  "/v1/turn-taking/actions/open_thread": { action: openThread, scope: "turn-taking" },
  "/v1/turn-taking/actions/submit_messages": { action: submitMessages, scope: "turn-taking" },
  "/v1/turn-taking/actions/respond": { action: respond, scope: "turn-taking" },
  "/v1/turn-taking/actions/record_event": { action: recordEvent, scope: "turn-taking" },
  "/v1/turn-taking/projections/decisions": { action: decisionsProjection, scope: "turn-taking" },
  "/v1/credits/projections/usage-summary": { action: usageSummary, scope: "credits" },
};

export const DEFAULT_BODY_LIMIT = 1024 * 1024;

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

function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers["content-length"]);
    if (Number.isFinite(declared) && declared > limit) {
      reject(new EngineError(413, "PAYLOAD_TOO_LARGE", `body exceeds ${limit} bytes`));
      req.resume();
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        reject(new EngineError(413, "PAYLOAD_TOO_LARGE", `body exceeds ${limit} bytes`));
        req.removeAllListeners("data");
        req.resume();
        return;
      }
      chunks.push(chunk);
    });
    req.on("end", () => resolve(Buffer.concat(chunks)));
    req.on("error", reject);
  });
}

function parseJson(raw: Buffer, contentType: string | undefined): unknown {
  if (contentType && !/^application\/(.+\+)?json\b/i.test(contentType)) {
    throw validationError([{ field: "body", message: "content-type must be application/json" }]);
  }
  if (raw.length === 0) return {};
  try {
    return JSON.parse(raw.toString("utf8"));
  } catch {
    throw validationError([{ field: "body", message: "must be valid JSON" }]);
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

export function createHttpHandler(services: EngineServices, bodyLimit = DEFAULT_BODY_LIMIT) {
  return async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const requestId = newRequestId();
    const path = (req.url ?? "/").split("?")[0] ?? "/";
    try {
      const route = ROUTES[path];
      if (!route) throw new EngineError(404, "NOT_FOUND", `no route ${path}`);
      if (req.method !== "POST") {
        res.setHeader("allow", "POST");
        throw new EngineError(405, "METHOD_NOT_ALLOWED", `${req.method} is not allowed; use POST`);
      }
      const raw = await readBody(req, bodyLimit);
      const principal = await services.principals.authenticate(req.headers.authorization);
      if (!principal) throw unauthorized();
      if (!principal.scopes.has(route.scope)) throw forbidden(`this key lacks the ${route.scope} scope`);
      const body = parseJson(raw, req.headers["content-type"]);
      const result = await route.action({ ...services, principal, origin: originOf(req) }, body);
      send(res, 200, result, requestId);
    } catch (error) {
      const engineError = classify(error);
      if (engineError.status >= 500) console.error(`engine ${requestId}:`, error);
      const extra = engineError.status === 405 ? { allow: "POST" } : undefined;
      if (!res.headersSent) send(res, engineError.status, engineError.toEnvelope(), requestId, extra);
    }
  };
}
