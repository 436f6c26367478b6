import { describe, expect, it } from "vitest";
import { insertMention, matchMentionables, mentionAt } from "./mentions";

const people = [
  { key: "a1", name: "Sam", kind: "agent" as const },
  { key: "a2", name: "Maya", kind: "agent" as const },
  { key: "u1", name: "Guest 1234", kind: "person" as const },
];

describe("mentions", () => {
  it("finds the @query right before the caret", () => {
    expect(mentionAt("hi @Ma", 6)).toEqual({ start: 3, end: 6, query: "Ma" });
    expect(mentionAt("mail@example", 12)).toBeNull();
  });

  it("ranks names starting with the query before word matches", () => {
    expect(matchMentionables(people, "m").map((p) => p.name)).toEqual(["Maya"]);
    expect(matchMentionables(people, "12").map((p) => p.name)).toEqual(["Guest 1234"]);
  });

  it("inserts the chosen name and moves the caret after it", () => {
    const query = mentionAt("hey @sa thanks", 7)!;
    expect(insertMention("hey @sa thanks", query, "Sam")).toEqual({ text: "hey @Sam thanks", caret: 9 });
  });
});
