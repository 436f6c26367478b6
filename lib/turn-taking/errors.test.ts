import { describe, expect, it } from "vitest";
import { errorFromResponse, isTurnTakingError, TurnTakingError } from "./errors";

describe("errorFromResponse", () => {
  it("reads the documented envelope", () => {
    const body = JSON.stringify({
      error: {
        code: "VALIDATION_ERROR",
        message: "messages: must contain 1-20 items",
        details: [{ field: "messages", message: "must contain 1-20 items" }],
      },
    });
    const error = errorFromResponse(422, body, { requestId: "req_9", attempts: 1 });
    expect(error).toBeInstanceOf(TurnTakingError);
    expect(error).toBeInstanceOf(Error);
    expect(error).toMatchObject({
      name: "TurnTakingError",
      status: 422,
      code: "VALIDATION_ERROR",
      kind: "validation",
      message: "messages: must contain 1-20 items",
      details: [{ field: "messages", message: "must contain 1-20 items" }],
      requestId: "req_9",
      retryable: false,
    });
  });

  it("reads production's schema failures: validation_failed with loc, msg and type", () => {
    const body = JSON.stringify({
      error: {
        code: "validation_failed",
        message: "request validation failed",
        details: [
          {
            loc: ["messages", 3, "content"],
            msg: "String should have at most 4000 characters",
            type: "string_too_long",
          },
          { loc: ["thread_id"], msg: "Field required", type: "missing" },
        ],
      },
    });
    expect(errorFromResponse(422, body)).toMatchObject({
      status: 422,
      code: "validation_failed",
      kind: "validation",
      message: "request validation failed",
      details: [
        {
          field: "messages.3.content",
          message: "String should have at most 4000 characters",
          type: "string_too_long",
        },
        { field: "thread_id", message: "Field required", type: "missing" },
      ],
      retryable: false,
    });
    expect(errorFromResponse(422, "")).toMatchObject({ code: "validation_failed", kind: "validation" });
    expect(errorFromResponse(400, "")).toMatchObject({ code: "VALIDATION_ERROR", kind: "validation" });
  });

  it("treats a 429 as rate limited and safe to retry", () => {
    const body = JSON.stringify({ error: { code: "RATE_LIMITED", message: "too many writes" } });
    expect(errorFromResponse(429, body)).toMatchObject({ kind: "rate_limited", retryable: true });
  });

  it("keeps only well-formed detail items and reads trace_id", () => {
    const body = JSON.stringify({
      error: {
        code: "INTERNAL_ERROR",
        message: "internal error",
        trace_id: "trc_1",
        details: [null, "x", { message: "no field" }, { field: 3, message: "bad field" }, { field: "a" }],
      },
    });
    const error = errorFromResponse(500, body);
    expect(error.traceId).toBe("trc_1");
    expect(error.details).toEqual([
      { field: "", message: "no field" },
      { field: "", message: "bad field" },
    ]);
    expect(
      errorFromResponse(422, JSON.stringify({ error: { code: "VALIDATION_ERROR", details: [] } })).details,
    ).toBeUndefined();
  });

  it("falls back to the status for code, kind and message", () => {
    expect(errorFromResponse(403, "")).toMatchObject({
      code: "forbidden",
      kind: "forbidden",
      message: "HTTP 403",
    });
    expect(errorFromResponse(404, "[1,2]")).toMatchObject({ code: "NOT_FOUND", kind: "not_found" });
    expect(errorFromResponse(503, "busy")).toMatchObject({
      code: "HTTP_ERROR",
      kind: "internal",
      message: "HTTP 503: busy",
      retryable: false,
    });
    expect(errorFromResponse(502, "<h1>Bad Gateway</h1>")).toMatchObject({
      code: "UPSTREAM_ERROR",
      kind: "upstream",
      retryable: true,
    });
  });

  it("keeps a code it does not know, with the kind following the status", () => {
    const error = errorFromResponse(
      418,
      JSON.stringify({ error: { code: "TEAPOT", message: "short and stout" } }),
    );
    expect(error).toMatchObject({ code: "TEAPOT", kind: "http", message: "short and stout" });
    expect(errorFromResponse(402, JSON.stringify({ error: { code: "NO_CREDIT", message: "x" } })).kind).toBe(
      "payment_required",
    );
  });
});

describe("isTurnTakingError", () => {
  it("narrows by class and optionally by kind", () => {
    const error = new TurnTakingError({ status: 0, code: "TIMEOUT", message: "slow" });
    expect(isTurnTakingError(error)).toBe(true);
    expect(isTurnTakingError(error, "timeout")).toBe(true);
    expect(isTurnTakingError(error, "network")).toBe(false);
    expect(isTurnTakingError(new Error("x"))).toBe(false);
    expect(error.attempts).toBe(1);
  });
});
