import { describe, expect, it } from "vitest";
import type { ChatMessageDTO } from "@/lib/chat/types";
import {
  addConfirmed,
  addProvisional,
  createStore,
  lastSeq,
  removeConfirmed,
  updateConfirmed,
  visibleMessages,
} from "./message-store";

const msg = (seq: number, extra: Partial<ChatMessageDTO> = {}): ChatMessageDTO => ({
  id: `m${seq}`,
  seq,
  authorType: "user",
  userId: "u",
  agentId: null,
  senderName: "Ana",
  content: `line ${seq}`,
  deliveryId: null,
  replyKey: null,
  position: null,
  createdAt: new Date(1_700_000_000_000 + seq * 1000).toISOString(),
  editedAt: null,
  ...extra,
});

describe("message store", () => {
  it("merges replayed and live messages in seq order without doubles", () => {
    let store = createStore([msg(1), msg(2)]);
    store = addConfirmed(store, [msg(2), msg(4), msg(3)]);
    expect(visibleMessages(store).map((m) => m.seq)).toEqual([1, 2, 3, 4]);
    expect(lastSeq(store)).toBe(4);
  });

  it("replaces a provisional agent bubble with its persisted twin, never showing both", () => {
    const bubble = msg(0, {
      id: "provisional:d1",
      authorType: "agent",
      senderName: "Sam",
      deliveryId: "d1",
      position: 0,
    });
    let store = addProvisional(createStore([msg(1)]), bubble);
    expect(visibleMessages(store).map((m) => m.id)).toEqual(["m1", "provisional:d1"]);
    store = addConfirmed(store, [msg(2, { authorType: "agent", senderName: "Sam", deliveryId: "d1" })]);
    expect(visibleMessages(store).map((m) => m.id)).toEqual(["m1", "m2"]);
    // A late socket frame for a bubble already stored is ignored.
    expect(visibleMessages(addProvisional(store, bubble)).map((m) => m.id)).toEqual(["m1", "m2"]);
  });

  it("applies an edit in place and never lets an older copy win", () => {
    let store = createStore([msg(1), msg(2)]);
    const edited = msg(2, { content: "fixed typo", editedAt: "2026-12-04T10:00:02.000Z" });
    store = updateConfirmed(store, edited);
    expect(visibleMessages(store).map((m) => m.content)).toEqual(["line 1", "fixed typo"]);
    store = updateConfirmed(store, msg(2, { content: "older", editedAt: "2026-12-04T10:00:01.000Z" }));
    expect(visibleMessages(store)[1]?.content).toBe("fixed typo");
    expect(updateConfirmed(store, msg(9))).toBe(store);
  });

  it("removes a deleted message and keeps the cursor on the last seq", () => {
    let store = createStore([msg(1), msg(2), msg(3)]);
    store = removeConfirmed(store, "m2");
    expect(visibleMessages(store).map((m) => m.seq)).toEqual([1, 3]);
    expect(lastSeq(store)).toBe(3);
    expect(removeConfirmed(store, "m2")).toBe(store);
  });
});
