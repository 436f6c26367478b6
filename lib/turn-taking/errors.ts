// Every failure of a Turn-taking call is a TurnTakingError, whether the server answered with the
// documented envelope, with something else (a proxy's HTML page), or never answered at all.

/** Codes from the spec's error table, plus the client's own transport/contract codes. */
export type TurnTakingErrorCode =
  | "UNAUTHORIZED"
  | "PAYMENT_REQUIRED"
  | "forbidden"
  | "NOT_FOUND"
  | "METHOD_NOT_ALLOWED"
  | "PAYLOAD_TOO_LARGE"
  | "VALIDATION_ERROR"
  | "validation_failed"
  | "RATE_LIMITED"
  | "UPSTREAM_ERROR"
  | "INTERNAL_ERROR"
  | "NETWORK_ERROR"
  | "TIMEOUT"
  | "BAD_RESPONSE"
  | "HTTP_ERROR"
  // A server may add codes; keep them rather than lose information.
  | (string & {});

/** What callers branch on; derived from the code, falling back to the HTTP status. */
export type TurnTakingErrorKind =
  | "unauthorized"
  | "payment_required"
  | "forbidden"
  | "not_found"
  | "method_not_allowed"
  | "payload_too_large"
  | "validation"
  | "rate_limited"
  | "upstream"
  | "internal"
  | "network"
  | "timeout"
  | "bad_response"
  | "http";

/**
 * One problem with a request, from either casing the service uses: a schema failure's
 * `{ loc, msg, type }` (422 `validation_failed`) or a semantic one's `{ field, message }`
 * (400 `VALIDATION_ERROR`), read into one shape.
 */
export interface TurnTakingErrorDetail {
  /** Dotted path such as `messages.3.content`. */
  field: string;
  message: string;
  /** The schema failure's stable identifier (`string_too_long`, `missing`, …), when given. */
  type?: string;
}

export interface TurnTakingErrorInit {
  /** HTTP status; 0 when no response arrived. */
  status: number;
  code: TurnTakingErrorCode;
  message: string;
  details?: TurnTakingErrorDetail[];
  requestId?: string;
  traceId?: string;
  retryable?: boolean;
  attempts?: number;
  cause?: unknown;
}

const KIND_BY_CODE: Record<string, TurnTakingErrorKind> = {
  UNAUTHORIZED: "unauthorized",
  PAYMENT_REQUIRED: "payment_required",
  forbidden: "forbidden",
  FORBIDDEN: "forbidden",
  NOT_FOUND: "not_found",
  METHOD_NOT_ALLOWED: "method_not_allowed",
  PAYLOAD_TOO_LARGE: "payload_too_large",
  VALIDATION_ERROR: "validation",
  validation_failed: "validation",
  RATE_LIMITED: "rate_limited",
  UPSTREAM_ERROR: "upstream",
  INTERNAL_ERROR: "internal",
  NETWORK_ERROR: "network",
  TIMEOUT: "timeout",
  BAD_RESPONSE: "bad_response",
};

const CODE_BY_STATUS: Record<number, TurnTakingErrorCode> = {
  401: "UNAUTHORIZED",
  402: "PAYMENT_REQUIRED",
  403: "forbidden",
  404: "NOT_FOUND",
  405: "METHOD_NOT_ALLOWED",
  413: "PAYLOAD_TOO_LARGE",
  400: "VALIDATION_ERROR",
  422: "validation_failed",
  429: "RATE_LIMITED",
  500: "INTERNAL_ERROR",
  502: "UPSTREAM_ERROR",
};

function kindOf(code: string, status: number): TurnTakingErrorKind {
  const byCode = KIND_BY_CODE[code];
  if (byCode) return byCode;
  const byStatus = CODE_BY_STATUS[status];
  if (byStatus) return KIND_BY_CODE[byStatus] ?? "http";
  return status >= 500 ? "internal" : "http";
}

export class TurnTakingError extends Error {
  override readonly name = "TurnTakingError";
  readonly status: number;
  readonly code: TurnTakingErrorCode;
  readonly kind: TurnTakingErrorKind;
  readonly details?: TurnTakingErrorDetail[];
  /** The last `x-request-id` the server sent for this call; quote it when reporting a problem. */
  readonly requestId?: string;
  /** `trace_id` from a 5xx envelope. */
  readonly traceId?: string;
  /** True only when repeating the same call is safe: a 502, or a connection that never opened. */
  readonly retryable: boolean;
  /** How many HTTP attempts were made before giving up. */
  readonly attempts: number;

  constructor(init: TurnTakingErrorInit) {
    super(init.message, init.cause === undefined ? undefined : { cause: init.cause });
    this.status = init.status;
    this.code = init.code;
    this.kind = kindOf(init.code, init.status);
    this.details = init.details;
    this.requestId = init.requestId;
    this.traceId = init.traceId;
    this.retryable = init.retryable ?? false;
    this.attempts = init.attempts ?? 1;
  }
}

export function isTurnTakingError(error: unknown, kind?: TurnTakingErrorKind): error is TurnTakingError {
  return error instanceof TurnTakingError && (kind === undefined || error.kind === kind);
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v);

function parseDetail(d: unknown): TurnTakingErrorDetail[] {
  if (!isRecord(d)) return [];
  if (typeof d.msg === "string") {
    const loc = Array.isArray(d.loc)
      ? d.loc.filter((p) => typeof p === "string" || typeof p === "number")
      : [];
    return [
      { field: loc.join("."), message: d.msg, ...(typeof d.type === "string" ? { type: d.type } : {}) },
    ];
  }
  if (typeof d.message === "string")
    return [{ field: typeof d.field === "string" ? d.field : "", message: d.message }];
  return [];
}

function parseDetails(raw: unknown): TurnTakingErrorDetail[] | undefined {
  if (!Array.isArray(raw)) return undefined;
  const details = raw.flatMap(parseDetail);
  return details.length > 0 ? details : undefined;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

interface ResponseContext {
  requestId?: string;
  attempts?: number;
}

/**
 * Builds the error for a non-2xx response from the documented envelope
 * `{ error: { code, message, details?, trace_id? } }`; any other body still yields a typed
 * error whose code follows the status, so callers never have to parse bodies themselves.
 */
export function errorFromResponse(status: number, bodyText: string, ctx: ResponseContext = {}) {
  const body = parseJson(bodyText);
  const envelope = isRecord(body) && isRecord(body.error) ? body.error : undefined;
  const code =
    typeof envelope?.code === "string" && envelope.code
      ? envelope.code
      : (CODE_BY_STATUS[status] ?? "HTTP_ERROR");
  const snippet = bodyText.trim().slice(0, 200);
  const message =
    typeof envelope?.message === "string" && envelope.message
      ? envelope.message
      : `HTTP ${status}${snippet ? `: ${snippet}` : ""}`;
  return new TurnTakingError({
    status,
    code,
    message,
    details: parseDetails(envelope?.details),
    traceId: typeof envelope?.trace_id === "string" ? envelope.trace_id : undefined,
    requestId: ctx.requestId,
    attempts: ctx.attempts,
    // Any 502 (the engine's UPSTREAM_ERROR or a proxy's bad gateway), or a 429 (refused before
    // any work): nothing was done, try again.
    retryable: status === 502 || status === 429,
  });
}
