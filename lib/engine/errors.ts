import { newTraceId } from "./ids";

export type EngineErrorCode =
  | "UNAUTHORIZED"
  | "PAYMENT_REQUIRED"
  | "forbidden"
  | "NOT_FOUND"
  | "METHOD_NOT_ALLOWED"
  | "PAYLOAD_TOO_LARGE"
  | "UNSUPPORTED_MEDIA_TYPE"
  | "VALIDATION_ERROR"
  | "validation_failed"
  | "RATE_LIMITED"
  | "REQUEST_TIMEOUT"
  | "UPSTREAM_ERROR"
  | "INTERNAL_ERROR";

/** A semantic failure's detail (400 VALIDATION_ERROR). */
export interface ErrorDetail {
  field: string;
  message: string;
}

/** A schema failure's detail (422 validation_failed), shaped as the hosted service sends it. */
export interface SchemaErrorDetail {
  /** Path inside the body; list indexes as integers. */
  loc: (string | number)[];
  msg: string;
  /** Stable identifier, e.g. `string_too_long`, `missing`, `uuid_parsing`. */
  type: string;
}

export interface ErrorEnvelope {
  error: {
    code: EngineErrorCode;
    message: string;
    details?: ErrorDetail[] | SchemaErrorDetail[];
    trace_id?: string;
  };
}

/** The one error type of the engine; every failure leaves as this envelope. */
export class EngineError extends Error {
  constructor(
    readonly status: number,
    readonly code: EngineErrorCode,
    message: string,
    readonly details?: ErrorDetail[] | SchemaErrorDetail[],
  ) {
    super(message);
  }

  toEnvelope(): ErrorEnvelope {
    const error: ErrorEnvelope["error"] = { code: this.code, message: this.message };
    if (this.details) error.details = this.details;
    if (this.status >= 500) error.trace_id = newTraceId();
    return { error };
  }
}

// Exactly the hosted service's body, on every route.
export const unauthorized = () => new EngineError(401, "UNAUTHORIZED", "missing or invalid credentials");
export const paymentRequired = () =>
  new EngineError(402, "PAYMENT_REQUIRED", "credit balance cannot cover this call");
export const forbidden = (message = "this key is not allowed to use this resource") =>
  new EngineError(403, "forbidden", message);
export const notFound = (message = "thread not found") => new EngineError(404, "NOT_FOUND", message);

/** The body is well-formed but cannot be served (e.g. nothing readable): 400. */
export function validationError(details: ErrorDetail[]): EngineError {
  const first = details[0];
  const message = first
    ? first.field
      ? `${first.field}: ${first.message}`
      : first.message
    : "invalid request";
  return new EngineError(400, "VALIDATION_ERROR", message, details);
}

/** Malformed JSON, a missing field, a wrong type, length or range: 422, as production answers. */
export function schemaError(details: SchemaErrorDetail[]): EngineError {
  return new EngineError(422, "validation_failed", "request validation failed", details);
}

export const internalError = () => new EngineError(500, "INTERNAL_ERROR", "internal error");
export const upstreamError = (what = "a dependency") =>
  new EngineError(502, "UPSTREAM_ERROR", `${what} was unavailable; retry with backoff`);
