import { describe, expect, it } from "vitest";
import { anchorOf, parseReviewQuery, reviewHref, turnFilterOf } from "./review-query";

describe("parseReviewQuery", () => {
  it("reads several agents and outcomes, dropping unknown outcomes and duplicates", () => {
    const q = parseReviewQuery({
      agent: ["a1", "a2", "a1"],
      show: ["silent", "bogus", "all", "interrupted"],
    });
    expect(turnFilterOf(q)).toEqual({ agents: ["a1", "a2"], outcomes: ["silent", "interrupted"] });
    expect(turnFilterOf(parseReviewQuery({ show: "dropped" }))).toEqual({
      agents: [],
      outcomes: ["dropped"],
    });
  });

  it("never throws on a hand-edited address: bad parts are left out", () => {
    const q = parseReviewQuery({
      before: "-3",
      msg: "1.5",
      at: "yesterday",
      turn: "<script>",
      agent: "a b",
      typing: "yes",
      from: "",
    });
    expect(q).toMatchObject({
      before: undefined,
      msg: undefined,
      at: undefined,
      turn: undefined,
      typing: false,
    });
    expect(q.agent).toEqual([]);
    expect(q.from).toBeUndefined();
    expect(parseReviewQuery({ before: ["12", "4"] }).before).toBe(12);
  });

  it("normalises a search: trimmed, spaces collapsed, cut to length, empty is none", () => {
    expect(parseReviewQuery({ q: "  2FA   code " }).q).toBe("2FA code");
    expect(parseReviewQuery({ q: "   " }).q).toBeUndefined();
    expect(parseReviewQuery({ q: "x".repeat(500) }).q).toHaveLength(200);
  });

  it("takes the first deep link of turn, reply, message and time", () => {
    const at = "2026-12-04T10:00:00.000Z";
    expect(anchorOf(parseReviewQuery({ turn: "t1", reply: "r1", msg: "3", at }))).toEqual({
      kind: "turn",
      id: "t1",
    });
    expect(anchorOf(parseReviewQuery({ reply: "rk_1:x", msg: "3" }))).toEqual({
      kind: "reply",
      replyKey: "rk_1:x",
    });
    expect(anchorOf(parseReviewQuery({ msg: "3", at }))).toEqual({ kind: "message", seq: 3 });
    expect(anchorOf(parseReviewQuery({ at }))).toEqual({ kind: "time", at: new Date(at) });
    expect(anchorOf(parseReviewQuery({ at: "2026-12-04T11:00:00+01:00" }))).toEqual({
      kind: "time",
      at: new Date(at),
    });
    expect(anchorOf(parseReviewQuery({}))).toBeNull();
  });
});

describe("reviewHref", () => {
  it("writes what parseReviewQuery reads back", () => {
    const href = reviewHref("room 1", {
      agent: ["a1", "a2"],
      show: ["spoke"],
      before: 40,
      typing: true,
      q: "2FA",
    });
    expect(href.startsWith("/review/room%201?")).toBe(true);
    const params = new URLSearchParams(href.split("?")[1]);
    const back = parseReviewQuery({
      agent: params.getAll("agent"),
      show: params.getAll("show"),
      before: params.get("before") ?? undefined,
      typing: params.get("typing") ?? undefined,
      q: params.get("q") ?? undefined,
    });
    expect(back).toMatchObject({ agent: ["a1", "a2"], show: ["spoke"], before: 40, typing: true, q: "2FA" });
  });

  it("is the bare address when nothing is set", () => {
    expect(reviewHref("r")).toBe("/review/r");
    expect(reviewHref("r", { turn: "t9" })).toBe("/review/r?turn=t9");
  });
});
