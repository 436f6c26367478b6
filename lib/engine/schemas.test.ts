import { describe, expect, it } from "vitest";
import { EngineError } from "./errors";
import { parseBody, respondSchema, submitMessagesSchema } from "./schemas";

const ID = "0b7c6c1e-2f43-4a8e-9f0e-5b1f2f0b9a11";

function details(fn: () => unknown) {
  try {
    fn();
  } catch (error) {
    if (error instanceof EngineError) return { status: error.status, details: error.details };
    throw error;
  }
  throw new Error("expected a validation error");
}

describe("request schemas", () => {
  it("names each offending field by dotted path", () => {
    const result = details(() =>
      parseBody(submitMessagesSchema, {
        thread_id: ID,
        messages: [
          { sender: "a", content: "ok" },
          { sender: "", content: "x".repeat(4001) },
        ],
      }),
    );
    expect(result.status).toBe(422);
    expect(result.details?.map((d) => d.field)).toEqual(["messages.1.sender", "messages.1.content"]);
  });

  it("accepts the limits and rejects one past them", () => {
    const batch = (n: number) => Array.from({ length: n }, () => ({ sender: "s", content: "c" }));
    expect(parseBody(submitMessagesSchema, { thread_id: ID, messages: batch(20) }).messages).toHaveLength(20);
    expect(
      details(() => parseBody(submitMessagesSchema, { thread_id: ID, messages: batch(21) })).details,
    ).toEqual([{ field: "messages", message: "must contain 1-20 items" }]);
    expect(details(() => parseBody(submitMessagesSchema, { thread_id: ID, messages: [] })).status).toBe(422);
  });

  it("ignores unknown fields, top-level and nested", () => {
    const parsed = parseBody(respondSchema, {
      thread_id: ID,
      content: "hi",
      turn_epoch: 1,
      surprise: true,
      pacing: { typing_wpm: 100, extra: 1 },
    });
    expect(parsed).toEqual({ thread_id: ID, content: "hi", turn_epoch: 1, pacing: { typing_wpm: 100 } });
  });

  it("reports missing required fields and non-object bodies", () => {
    expect(details(() => parseBody(respondSchema, { thread_id: ID, content: "x" })).details).toEqual([
      { field: "turn_epoch", message: "is required" },
    ]);
    expect(details(() => parseBody(respondSchema, [1, 2])).details).toEqual([
      { field: "body", message: "must be a JSON object" },
    ]);
  });

  it("bounds metadata by its serialized size", () => {
    const ok = { thread_id: ID, content: "x", turn_epoch: 1, metadata: { a: "x".repeat(4000) } };
    expect(parseBody(respondSchema, ok).metadata).toBeDefined();
    const big = { ...ok, metadata: { a: "x".repeat(4100) } };
    expect(details(() => parseBody(respondSchema, big)).details?.[0]?.field).toBe("metadata");
  });
});
