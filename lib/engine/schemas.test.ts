import { describe, expect, it } from "vitest";
import { EngineError } from "./errors";
import {
  decisionsProjectionSchema,
  jsonDepth,
  openThreadSchema,
  parseBody,
  recordEventSchema,
  respondSchema,
  submitMessagesSchema,
} from "./schemas";

const ID = "0b7c6c1e-2f43-4a8e-9f0e-5b1f2f0b9a11";

function failure(fn: () => unknown) {
  try {
    fn();
  } catch (error) {
    if (error instanceof EngineError)
      return error.toEnvelope().error && { status: error.status, ...error.toEnvelope().error };
    throw error;
  }
  throw new Error("expected a validation error");
}

const types = (fn: () => unknown) =>
  (failure(fn).details as { loc: (string | number)[]; type: string }[]).map((d) => [d.loc, d.type]);

describe("request schemas", () => {
  it("answers schema failures as production does: 422 validation_failed with loc, msg, type", () => {
    const result = failure(() =>
      parseBody(submitMessagesSchema, {
        thread_id: ID,
        messages: [
          { sender: "a", content: "ok" },
          { sender: "", content: "x".repeat(4001) },
        ],
      }),
    );
    expect(result).toEqual({
      status: 422,
      code: "validation_failed",
      message: "request validation failed",
      details: [
        {
          loc: ["messages", 1, "sender"],
          msg: "String should have at least 1 character",
          type: "string_too_short",
        },
        {
          loc: ["messages", 1, "content"],
          msg: "String should have at most 4000 characters",
          type: "string_too_long",
        },
      ],
    });
  });

  it("names each kind of failure with the hosted service's type", () => {
    const batch = (n: number) => Array.from({ length: n }, () => ({ sender: "s", content: "c" }));
    expect(parseBody(submitMessagesSchema, { thread_id: ID, messages: batch(20) }).messages).toHaveLength(20);
    expect(types(() => parseBody(submitMessagesSchema, { thread_id: ID, messages: batch(21) }))).toEqual([
      [["messages"], "too_long"],
    ]);
    expect(types(() => parseBody(submitMessagesSchema, { thread_id: ID, messages: [] }))).toEqual([
      [["messages"], "too_short"],
    ]);
    expect(types(() => parseBody(openThreadSchema, { thread_id: "123" }))).toEqual([
      [["thread_id"], "uuid_parsing"],
    ]);
    expect(types(() => parseBody(recordEventSchema, { thread_id: ID, type: "typing", sender: "a" }))).toEqual(
      [[["type"], "literal_error"]],
    );
    expect(types(() => parseBody(respondSchema, { thread_id: ID, content: "x" }))).toEqual([
      [["turn_epoch"], "missing"],
    ]);
    expect(types(() => parseBody(respondSchema, { thread_id: ID, content: "x", turn_epoch: "1" }))).toEqual([
      [["turn_epoch"], "int_type"],
    ]);
    expect(
      types(() => parseBody(respondSchema, { thread_id: ID, content: "x", turn_epoch: 2 ** 31 })),
    ).toEqual([[["turn_epoch"], "less_than_equal"]]);
    expect(types(() => parseBody(decisionsProjectionSchema, { thread_id: ID, from_epoch: -1 }))).toEqual([
      [["from_epoch"], "greater_than_equal"],
    ]);
    expect(
      types(() =>
        parseBody(respondSchema, { thread_id: ID, content: "x", turn_epoch: 1, pacing: { typing_wpm: 0 } }),
      ),
    ).toEqual([[["pacing", "typing_wpm"], "greater_than"]]);
    expect(
      types(() => parseBody(submitMessagesSchema, { thread_id: ID, messages: batch(1), skip_decide: 1 })),
    ).toEqual([[["skip_decide"], "bool_type"]]);
    expect(types(() => parseBody(respondSchema, [1, 2]))).toEqual([[[], "model_attributes_type"]]);
  });

  it("words the message of an enum like pydantic's literal_error", () => {
    const result = failure(() => parseBody(recordEventSchema, { thread_id: ID, type: "x", sender: "a" }));
    expect(result.details).toEqual([
      {
        loc: ["type"],
        msg: "Input should be 'typing_start', 'typing_stop' or 'message_edited'",
        type: "literal_error",
      },
    ]);
  });

  it("refuses NUL characters in every text field", () => {
    const nul = "a\u0000b";
    expect(
      types(() =>
        parseBody(submitMessagesSchema, { thread_id: ID, messages: [{ sender: nul, content: "c" }] }),
      ),
    ).toEqual([[["messages", 0, "sender"], "value_error"]]);
    expect(
      types(() =>
        parseBody(submitMessagesSchema, {
          thread_id: ID,
          messages: [{ sender: "s", content: "c" }],
          system_prompt: nul,
        }),
      ),
    ).toEqual([[["system_prompt"], "value_error"]]);
    expect(types(() => parseBody(respondSchema, { thread_id: ID, content: nul, turn_epoch: 1 }))).toEqual([
      [["content"], "value_error"],
    ]);
    expect(
      types(() => parseBody(recordEventSchema, { thread_id: ID, type: "typing_start", sender: nul })),
    ).toEqual([[["sender"], "value_error"]]);
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

  it("bounds metadata by its serialized size and its depth", () => {
    const ok = { thread_id: ID, content: "x", turn_epoch: 1, metadata: { a: "x".repeat(4000) } };
    expect(parseBody(respondSchema, ok).metadata).toBeDefined();
    const big = { ...ok, metadata: { a: "x".repeat(4100) } };
    expect(types(() => parseBody(respondSchema, big))).toEqual([[["metadata"], "value_error"]]);
    let deep: Record<string, unknown> = {};
    for (let i = 0; i < 5000; i++) deep = { a: deep };
    expect(types(() => parseBody(respondSchema, { ...ok, metadata: deep }))).toEqual([
      [["metadata"], "value_error"],
    ]);
  });

  it("measures depth without recursion", () => {
    expect(jsonDepth(1)).toBe(0);
    expect(jsonDepth({ a: [1, { b: 2 }] })).toBe(3);
    let deep: unknown = [];
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(jsonDepth(deep, 40)).toBeGreaterThan(40);
  });
});
