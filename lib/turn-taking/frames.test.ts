import { describe, expect, it } from "vitest";
import { parseFrame } from "./frames";

const base = { id: "evt_0123", channel: "turn-taking-thread/t", ts: "2026-06-16T12:00:00.123456Z" };

describe("parseFrame", () => {
  it("recognises the attached frame", () => {
    const text = JSON.stringify({ type: "attached", channel: "turn-taking-thread/t", server_time: base.ts });
    expect(parseFrame(text)).toEqual({
      kind: "attached",
      frame: { type: "attached", channel: "turn-taking-thread/t", server_time: base.ts },
    });
  });

  it("parses each envelope type", () => {
    const frames = [
      { ...base, type: "turn_taking.typing", data: { thread_id: "t", typing: true } },
      {
        ...base,
        type: "turn_taking.message",
        data: {
          message_id: "m",
          thread_id: "t",
          content: "hi",
          position: 1,
          sent_at: base.ts,
          metadata: { draft: 1 },
        },
      },
      { ...base, type: "turn_taking.signal", data: { thread_id: "t", user_id: "usr_1", kind: "lurking" } },
    ];
    for (const frame of frames) expect(parseFrame(JSON.stringify(frame))).toEqual({ kind: "event", frame });
  });

  it("tolerates extra fields, and calls unknown types unknown rather than invalid", () => {
    const extra = {
      ...base,
      type: "turn_taking.typing",
      data: { thread_id: "t", typing: false, by: "x" },
      v: 2,
    };
    expect(parseFrame(JSON.stringify(extra))).toEqual({ kind: "event", frame: extra });
    expect(parseFrame(JSON.stringify({ ...base, type: "turn_taking.reaction", data: {} }))).toEqual({
      kind: "unknown",
      type: "turn_taking.reaction",
    });
  });

  it("flags malformed frames", () => {
    expect(parseFrame("{").kind).toBe("invalid");
    expect(parseFrame("[]").kind).toBe("invalid");
    expect(parseFrame(JSON.stringify({ type: "attached" })).kind).toBe("invalid");
    const noId = { ...base, id: "", type: "turn_taking.typing", data: { thread_id: "t", typing: true } };
    expect(parseFrame(JSON.stringify(noId))).toMatchObject({
      kind: "invalid",
      reason: expect.stringContaining("id"),
    });
    const badData = { ...base, type: "turn_taking.message", data: { thread_id: "t" } };
    expect(parseFrame(JSON.stringify(badData)).kind).toBe("invalid");
  });
});
