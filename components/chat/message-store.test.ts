import { describe, expect, it } from "vitest";
import type { ChatMessageDTO } from "@/lib/chat/types";
import { addConfirmed, addProvisional, createStore, lastSeq, visibleMessages } from "./message-store";

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
});
