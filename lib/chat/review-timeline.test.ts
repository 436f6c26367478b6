import { describe, expect, it } from "vitest";
import {
  buildTimeline,
  type DecisionDetail,
  factorLabel,
  parseFilter,
  type TurnRow,
  toReviewTurn,
  turnStats,
} from "./review-timeline";
import type { ReviewTurn } from "./review-types";
import type { ChatMessageDTO } from "./types";

const T0 = Date.UTC(2026, 10, 22, 12, 0, 0);
const at = (s: number) => new Date(T0 + s * 1000);

function message(seq: number, s: number, senderName = "Ana"): ChatMessageDTO {
  return {
    id: `m${seq}`,
    seq,
    authorType: senderName === "Ana" ? "user" : "agent",
    userId: null,
    agentId: null,
    senderName,
    content: `line ${seq}`,
    deliveryId: null,
    replyKey: null,
    position: null,
    createdAt: at(s).toISOString(),
    editedAt: null,
  };
}

function row(id: string, agent: string, s: number, over: Partial<TurnRow> = {}): TurnRow {
  return {
    id,
    agentId: agent.toLowerCase(),
    agentName: agent,
    heardFrom: "Ana",
    heardFromAgent: false,
    heard: "hello",
    decision: "stay_silent",
    turnEpoch: 1,
    tags: "[]",
    outcome: "silent",
    draft: null,
    replyKey: null,
    score: null,
    reasons: null,
    credits: 1,
    systemPrompt: null,
    forwardness: null,
    firstBubbleAt: null,
    lastBubbleAt: null,
    createdAt: at(s),
    ...over,
  };
}

const none = new Map<string, Map<number, DecisionDetail>>();
const turn = (...args: Parameters<typeof row>): ReviewTurn => toReviewTurn(row(...args), none);

describe("toReviewTurn", () => {
  it("attaches the engine's reasons by agent and turn epoch", () => {
    const details = new Map([
      ["sam", new Map([[4, { score: 0.91, reasons: [{ factor: "addressed", weight: 2.1 }] }]])],
    ]);
    const withReasons = toReviewTurn(
      row("a", "Sam", 1, { turnEpoch: 4, tags: '["fast"]', decision: "speak" }),
      details,
    );
    expect(withReasons).toMatchObject({
      score: 0.91,
      reasons: [{ factor: "addressed", weight: 2.1 }],
      tags: ["fast"],
    });
    expect(toReviewTurn(row("b", "Sam", 1, { turnEpoch: 5 }), details)).toMatchObject({
      score: null,
      reasons: null,
    });
    expect(toReviewTurn(row("c", "Sam", 1, { turnEpoch: null }), details).reasons).toBeNull();
    // Heard without being asked: the engine's record says "skip_decide", not a decision.
    expect(
      toReviewTurn(row("d", "Sam", 1, { turnEpoch: 4, decision: "not_asked" }), details).reasons,
    ).toBeNull();
  });

  it("survives tags that are not a JSON list", () => {
    expect(toReviewTurn(row("a", "Sam", 1, { tags: "not json" }), none).tags).toEqual([]);
    expect(toReviewTurn(row("b", "Sam", 1, { tags: '{"a":1}' }), none).tags).toEqual([]);
  });
});

describe("buildTimeline", () => {
  const messages = [message(1, 0), message(2, 10, "Sam"), message(3, 20)];
  const turns = [
    turn("t1", "Sam", 0.2, { decision: "speak", outcome: "replied" }),
    turn("t2", "Maya", 0.3),
    turn("t3", "Maya", 20.1, { decision: "speak", outcome: "superseded", draft: "too late" }),
  ];

  it("puts each message's turns right after it, grouped", () => {
    const timeline = buildTimeline(messages, turns, "all");
    expect(
      timeline.map((i) => (i.kind === "message" ? i.message.id : i.turns.map((t) => t.id).join("+"))),
    ).toEqual(["m1", "t1+t2", "m2", "m3", "t3"]);
  });

  it("filters turns but keeps every message for context", () => {
    const silent = buildTimeline(messages, turns, "silent");
    expect(silent.filter((i) => i.kind === "message")).toHaveLength(3);
    expect(silent.flatMap((i) => (i.kind === "turns" ? i.turns.map((t) => t.id) : []))).toEqual(["t2"]);
    const dropped = buildTimeline(messages, turns, "dropped");
    expect(dropped.flatMap((i) => (i.kind === "turns" ? i.turns.map((t) => t.id) : []))).toEqual(["t3"]);
  });

  it("orders a turn after a message of the same millisecond", () => {
    const timeline = buildTimeline([message(1, 5)], [turn("t", "Sam", 5)], "all");
    expect(timeline.map((i) => i.kind)).toEqual(["message", "turns"]);
  });
});

describe("turnStats", () => {
  it("counts per agent, including agents that never had a turn", () => {
    const stats = turnStats(
      [
        { id: "sam", name: "Sam" },
        { id: "maya", name: "Maya" },
        { id: "pip", name: "Pip" },
      ],
      [
        turn("1", "Sam", 1, { decision: "speak", outcome: "replied" }),
        turn("2", "Sam", 2, { decision: "unavailable", outcome: "unpaced" }),
        turn("3", "Sam", 3, { decision: "speak", outcome: "superseded" }),
        turn("4", "Maya", 1),
        turn("5", "Maya", 2, { decision: "not_asked", outcome: "not_asked" }),
        turn("6", "Gone", 2),
      ],
    );
    expect(stats).toEqual([
      { agentId: "sam", agentName: "Sam", turns: 3, spoke: 2, silent: 0, heard: 0, dropped: 1 },
      { agentId: "maya", agentName: "Maya", turns: 2, spoke: 0, silent: 1, heard: 1, dropped: 0 },
      { agentId: "pip", agentName: "Pip", turns: 0, spoke: 0, silent: 0, heard: 0, dropped: 0 },
    ]);
  });
});

describe("turnStats from counted groups", () => {
  it("adds each group's count", () => {
    const stats = turnStats(
      [{ id: "sam", name: "Sam" }],
      [
        { agentId: "sam", decision: "speak", outcome: "replied", count: 7 },
        { agentId: "sam", decision: "stay_silent", outcome: "silent", count: 12 },
        { agentId: "sam", decision: "speak", outcome: "superseded", count: 2 },
        { agentId: "sam", decision: "not_asked", outcome: "not_asked", count: 14 },
        { agentId: null, decision: "stay_silent", outcome: "silent", count: 5 },
      ],
    );
    expect(stats).toEqual([
      { agentId: "sam", agentName: "Sam", turns: 35, spoke: 7, silent: 12, heard: 14, dropped: 2 },
    ]);
    // Every turn is explained by exactly one column.
    const [sam] = stats;
    expect(sam!.spoke + sam!.silent + sam!.heard + sam!.dropped).toBe(sam!.turns);
  });
});

describe("labels and filters", () => {
  it("reads filters from the query string, defaulting to all", () => {
    expect(parseFilter("silent")).toBe("silent");
    expect(parseFilter(["dropped", "x"])).toBe("dropped");
    expect(parseFilter("nonsense")).toBe("all");
    expect(parseFilter(undefined)).toBe("all");
  });

  it("turns factor names into words", () => {
    expect(factorLabel("addressed_by_name")).toBe("Addressed by name");
    expect(factorLabel("base")).toBe("Base");
  });
});
