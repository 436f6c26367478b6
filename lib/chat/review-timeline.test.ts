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
import { turnReviewColumns } from "./turn-review-columns";
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
    ...turnReviewColumns(at(s)),
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
    // Reasons stored on the turn win, and need no engine record.
    expect(
      toReviewTurn(
        row("e", "Sam", 1, {
          turnEpoch: 4,
          decision: "speak",
          score: 0.7,
          reasons: '[{"factor":"question","weight":1.5,"detail":"asks"}]',
        }),
        none,
      ),
    ).toMatchObject({ score: 0.7, reasons: [{ factor: "question", weight: 1.5, detail: "asks" }] });
    // Unreadable stored reasons fall back to the engine's.
    expect(
      toReviewTurn(row("f", "Sam", 1, { turnEpoch: 4, decision: "speak", score: 0.7, reasons: "{" }), details)
        .reasons,
    ).toEqual([{ factor: "addressed", weight: 2.1 }]);
    // Heard without being asked: the engine's record says "skip_decide", not a decision.
    expect(
      toReviewTurn(row("d", "Sam", 1, { turnEpoch: 4, decision: "not_asked" }), details).reasons,
    ).toBeNull();
  });

  it("carries credits and the reply's bubbles", () => {
    const bubbles = new Map([
      [
        "r1",
        [
          {
            position: 0,
            content: "hi",
            status: "shown" as const,
            deliverAt: at(2).toISOString(),
            shownAt: null,
          },
        ],
      ],
    ]);
    const t = toReviewTurn(row("a", "Sam", 1, { replyKey: "r1", credits: 3 }), none, bubbles);
    expect(t.credits).toBe(3);
    expect(t.bubbles).toHaveLength(1);
    expect(toReviewTurn(row("b", "Sam", 1, { replyKey: "r2" }), none, bubbles).bubbles).toEqual([]);
  });

  it("survives tags that are not a JSON list", () => {
    expect(toReviewTurn(row("a", "Sam", 1, { tags: "not json" }), none).tags).toEqual([]);
    expect(toReviewTurn(row("b", "Sam", 1, { tags: '{"a":1}' }), none).tags).toEqual([]);
  });
});

const ids = (timeline: ReturnType<typeof buildTimeline>) =>
  timeline.flatMap((i) => (i.kind === "turns" ? i.turns.map((t) => t.id) : []));

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
      timeline.map((i) =>
        i.kind === "message"
          ? i.message.id
          : i.kind === "turns"
            ? i.turns.map((t) => t.id).join("+")
            : i.kind,
      ),
    ).toEqual(["m1", "t1+t2", "m2", "m3", "t3"]);
  });

  it("filters turns but keeps every message for context", () => {
    const silent = buildTimeline(messages, turns, "silent");
    expect(silent.filter((i) => i.kind === "message")).toHaveLength(3);
    expect(ids(silent)).toEqual(["t2"]);
    const dropped = buildTimeline(messages, turns, "dropped");
    expect(ids(dropped)).toEqual(["t3"]);
  });

  it("combines agents and outcomes: any named agent, and any named outcome", () => {
    expect(ids(buildTimeline(messages, turns, { agents: ["maya"], outcomes: [] }))).toEqual(["t2", "t3"]);
    expect(ids(buildTimeline(messages, turns, { agents: ["maya"], outcomes: ["silent"] }))).toEqual(["t2"]);
    expect(
      ids(buildTimeline(messages, turns, { agents: ["sam", "maya"], outcomes: ["spoke", "dropped"] })),
    ).toEqual(["t1", "t3"]);
    expect(ids(buildTimeline(messages, turns, { agents: ["pip"], outcomes: [] }))).toEqual([]);
  });

  it("keeps a deep-linked turn whatever the filter", () => {
    expect(ids(buildTimeline(messages, turns, { agents: ["pip"], outcomes: [] }, { keep: "t1" }))).toEqual([
      "t1",
    ]);
  });

  it("puts typing events in their place, before the turns of the same moment", () => {
    const timeline = buildTimeline([message(1, 0)], [turn("t", "Sam", 1)], "all", {
      activity: [
        { id: "a1", kind: "typing_start", actor: "Ana", detail: null, createdAt: at(1).toISOString() },
        { id: "a2", kind: "typing_stop", actor: "Ana", detail: null, createdAt: at(0.5).toISOString() },
      ],
    });
    expect(timeline.map((i) => (i.kind === "activity" ? i.activity.id : i.kind))).toEqual([
      "message",
      "a2",
      "a1",
      "turns",
    ]);
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
      { agentId: "sam", agentName: "Sam", turns: 3, spoke: 2, silent: 0, heard: 0, dropped: 1, credits: 3 },
      { agentId: "maya", agentName: "Maya", turns: 2, spoke: 0, silent: 1, heard: 1, dropped: 0, credits: 2 },
      { agentId: "pip", agentName: "Pip", turns: 0, spoke: 0, silent: 0, heard: 0, dropped: 0, credits: 0 },
    ]);
  });
});

describe("turnStats from counted groups", () => {
  it("adds each group's count", () => {
    const stats = turnStats(
      [{ id: "sam", name: "Sam" }],
      [
        { agentId: "sam", decision: "speak", outcome: "replied", count: 7, credits: 21 },
        { agentId: "sam", decision: "stay_silent", outcome: "silent", count: 12, credits: 12 },
        { agentId: "sam", decision: "speak", outcome: "superseded", count: 2 },
        { agentId: "sam", decision: "not_asked", outcome: "not_asked", count: 14 },
        { agentId: null, decision: "stay_silent", outcome: "silent", count: 5 },
      ],
    );
    expect(stats).toEqual([
      {
        agentId: "sam",
        agentName: "Sam",
        turns: 35,
        spoke: 7,
        silent: 12,
        heard: 14,
        dropped: 2,
        credits: 33,
      },
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
    expect(parseFilter("interrupted")).toBe("interrupted");
    expect(parseFilter("nonsense")).toBe("all");
    expect(parseFilter(undefined)).toBe("all");
  });

  it("turns factor names into words", () => {
    expect(factorLabel("addressed_by_name")).toBe("Addressed by name");
    expect(factorLabel("base")).toBe("Base");
  });
});
