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
  | "UPSTREAM_ERROR"
  | "INTERNAL_ERROR";

export interface ErrorDetail {
  field: string;
  message: string;
}

export interface ErrorEnvelope {
  error: { code: EngineErrorCode; message: string; details?: ErrorDetail[]; trace_id?: string };
}

/** The one error type of the engine; every failure leaves as this envelope. */
export class EngineError extends Error {
  constructor(
    readonly status: number,
    readonly code: EngineErrorCode,
    message: string,
    readonly details?: ErrorDetail[],
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

export const unauthorized = (message = "missing or invalid API key") =>
  new EngineError(401, "UNAUTHORIZED", message);
export const paymentRequired = () =>
  new EngineError(402, "PAYMENT_REQUIRED", "credit balance cannot cover this call");
export const forbidden = (message = "this key is not allowed to use this resource") =>
  new EngineError(403, "forbidden", message);
export const notFound = (message = "thread not found") => new EngineError(404, "NOT_FOUND", message);

export function validationError(details: ErrorDetail[]): EngineError {
  const first = details[0];
  const message = first
    ? first.field
      ? `${first.field}: ${first.message}`
      : first.message
    : "invalid request";
  return new EngineError(422, "VALIDATION_ERROR", message, details);
}

export const internalError = () => new EngineError(500, "INTERNAL_ERROR", "internal error");
export const upstreamError = (what = "a dependency") =>
  new EngineError(502, "UPSTREAM_ERROR", `${what} was unavailable; retry with backoff`);
