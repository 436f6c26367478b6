import { describe, expect, it } from "vitest";
import { HeldBubbles } from "./held-bubbles";
import type { PendingBubble } from "./pending-bubble";

const bubble = (id: string, threadPk: string, deliverAt: number): PendingBubble => ({
  id,
  threadPk,
  threadId: `wire-${threadPk}`,
  replyPk: `reply-${threadPk}`,
  messageId: `m-${id}`,
  content: id,
  position: 0,
  isLast: true,
  deliverAt,
  metadata: null,
  sender: "Sam",
});

describe("HeldBubbles", () => {
  it("hands a thread exactly its own bubbles, once", () => {
    const held = new HeldBubbles();
    held.add(bubble("a1", "A", 1));
    held.add(bubble("b1", "B", 2));
    held.add(bubble("a2", "A", 3));
    expect(held.threads().sort()).toEqual(["A", "B"]);
    expect(
      held
        .takeThread("A")
        .map((b) => b.id)
        .sort(),
    ).toEqual(["a1", "a2"]);
    expect(held.takeThread("A")).toEqual([]);
    expect(held.size).toBe(1);
    expect(held.threads()).toEqual(["B"]);
  });

  it("forgets a deleted bubble, and its thread with its last bubble", () => {
    const held = new HeldBubbles();
    held.add(bubble("a1", "A", 1));
    held.add(bubble("a2", "A", 2));
    held.delete("a1");
    expect(held.has("a1")).toBe(false);
    expect(held.threads()).toEqual(["A"]);
    held.delete("a2");
    held.delete("never-held");
    expect(held.threads()).toEqual([]);
    expect(held.size).toBe(0);
  });

  it("gives up only the bubbles due before the cutoff", () => {
    const held = new HeldBubbles();
    held.add(bubble("old", "A", 100));
    held.add(bubble("new", "A", 300));
    held.add(bubble("older", "B", 50));
    expect(
      held
        .takeDueBefore(200)
        .map((b) => b.id)
        .sort(),
    ).toEqual(["old", "older"]);
    expect(held.threads()).toEqual(["A"]);
    expect(held.takeThread("A").map((b) => b.id)).toEqual(["new"]);
  });
});
