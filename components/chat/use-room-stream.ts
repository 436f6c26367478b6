"use client";

import { useCallback, useEffect, useReducer, useRef, useState } from "react";
import type { AgentDTO, ChatMessageDTO, MemberDTO, RoomDetail, RoomStreamEvent } from "@/lib/chat/types";
import { backoffDelay } from "@/lib/turn-taking/backoff";
import { roomUrl } from "./chat-api";
import {
  addConfirmed,
  addProvisional,
  createStore,
  lastSeq,
  type MessageStore,
  removeConfirmed,
  updateConfirmed,
  visibleMessages,
} from "./message-store";

export type StreamStatus = "connecting" | "open" | "reconnecting";

export interface Notice {
  id: number;
  level: "info" | "warning";
  message: string;
}

export interface TypingPerson {
  userId: string;
  name: string;
}

/** A person's typing indicator is dropped if no refresh arrives in this long (they send every 3 s). */
const HUMAN_TYPING_TIMEOUT_MS = 10_000;

type Action =
  | { type: "confirmed"; messages: readonly ChatMessageDTO[] }
  | { type: "provisional"; message: ChatMessageDTO }
  | { type: "updated"; message: ChatMessageDTO }
  | { type: "deleted"; id: string };

function reducer(store: MessageStore, action: Action): MessageStore {
  switch (action.type) {
    case "confirmed":
      return addConfirmed(store, action.messages);
    case "provisional":
      return addProvisional(store, action.message);
    case "updated":
      return updateConfirmed(store, action.message);
    case "deleted":
      return removeConfirmed(store, action.id);
  }
}

function parseEvent(data: unknown): RoomStreamEvent | null {
  if (typeof data !== "string") return null;
  try {
    const event: unknown = JSON.parse(data);
    return typeof event === "object" && event !== null && "type" in event ? (event as RoomStreamEvent) : null;
  } catch {
    return null;
  }
}

/**
 * The live state of one room: the initial detail merged with its Server-Sent Events stream.
 * Reconnects with backoff from the last seq seen, so nothing is missed or doubled.
 */
export function useRoomStream(initial: RoomDetail) {
  const roomId = initial.id;
  const meId = initial.me.userId;
  const [store, dispatch] = useReducer(reducer, initial.messages, createStore);
  const [name, setName] = useState(initial.name);
  const [budget, setBudget] = useState(initial.budget);
  /** The owner removed this person: the stream has ended and the room is no longer theirs. */
  const [removed, setRemoved] = useState(false);
  const removedRef = useRef(false);
  const [agents, setAgents] = useState<AgentDTO[]>(initial.agents);
  const [members, setMembers] = useState<MemberDTO[]>(initial.members);
  const [typing, setTyping] = useState<TypingPerson[]>([]);
  const [notices, setNotices] = useState<Notice[]>([]);
  const [status, setStatus] = useState<StreamStatus>("connecting");

  // Only the stream advances the cursor: a message we posted may overtake one still in flight.
  const seqRef = useRef(lastSeq(store));
  const noticeIdRef = useRef(0);
  const typingTimers = useRef(new Map<string, ReturnType<typeof setTimeout>>());

  const pushNotice = useCallback((level: Notice["level"], message: string) => {
    noticeIdRef.current += 1;
    const id = noticeIdRef.current;
    setNotices((list) => [...list.slice(-4), { id, level, message }]);
  }, []);
  const dismissNotice = useCallback((id: number) => {
    setNotices((list) => list.filter((n) => n.id !== id));
  }, []);

  const clearTyping = useCallback((userId: string) => {
    const timer = typingTimers.current.get(userId);
    if (timer !== undefined) clearTimeout(timer);
    typingTimers.current.delete(userId);
    setTyping((list) =>
      list.some((p) => p.userId === userId) ? list.filter((p) => p.userId !== userId) : list,
    );
  }, []);

  const markTyping = useCallback(
    (userId: string, personName: string) => {
      const timers = typingTimers.current;
      const previous = timers.get(userId);
      if (previous !== undefined) clearTimeout(previous);
      timers.set(
        userId,
        setTimeout(() => clearTyping(userId), HUMAN_TYPING_TIMEOUT_MS),
      );
      setTyping((list) =>
        list.some((p) => p.userId === userId && p.name === personName)
          ? list
          : [...list.filter((p) => p.userId !== userId), { userId, name: personName }],
      );
    },
    [clearTyping],
  );

  const handleEvent = useCallback(
    (event: RoomStreamEvent) => {
      switch (event.type) {
        case "message": {
          const { message } = event;
          if (message.seq > seqRef.current) seqRef.current = message.seq;
          dispatch({ type: "confirmed", messages: [message] });
          if (message.userId) clearTyping(message.userId);
          break;
        }
        case "message_updated":
          dispatch({ type: "updated", message: event.message });
          break;
        case "message_deleted":
          dispatch({ type: "deleted", id: event.id });
          break;
        case "typing":
          if (event.userId === meId) break;
          if (event.typing) markTyping(event.userId, event.name);
          else clearTyping(event.userId);
          break;
        case "presence":
          setMembers(event.members);
          break;
        case "agents":
          setAgents(event.agents);
          break;
        case "room":
          setName(event.name);
          break;
        case "notice":
          pushNotice(event.level, event.message);
          break;
        case "budget":
          setBudget((b) => ({ ...b, roomUsed: event.roomUsed, roomLimit: event.roomLimit }));
          break;
        case "removed":
          if (event.userId === meId) {
            removedRef.current = true;
            setRemoved(true);
          }
          break;
      }
    },
    [meId, markTyping, clearTyping, pushNotice],
  );

  const handleRef = useRef(handleEvent);
  useEffect(() => {
    handleRef.current = handleEvent;
  }, [handleEvent]);

  useEffect(() => {
    let source: EventSource | undefined;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let failures = 0;
    let stopped = false;

    const open = () => {
      timer = undefined;
      if (stopped) return;
      source = new EventSource(roomUrl(roomId, `/stream?after=${seqRef.current}`));
      source.onopen = () => {
        failures = 0;
        setStatus("open");
      };
      source.onmessage = (message: MessageEvent) => {
        const event = parseEvent(message.data);
        if (event) handleRef.current(event);
      };
      source.onerror = () => {
        // After a removal the server ends the stream for good: no reconnecting.
        if (removedRef.current) {
          source?.close();
          return;
        }
        // Reconnect ourselves, from the last seq seen (EventSource would reuse the first URL).
        source?.close();
        source = undefined;
        if (stopped) return;
        setStatus("reconnecting");
        const delay = backoffDelay(failures, 1_000, 15_000);
        failures += 1;
        timer = setTimeout(open, delay);
      };
    };
    // Back online: retry now instead of waiting out the backoff.
    const onOnline = () => {
      if (timer === undefined) return;
      clearTimeout(timer);
      open();
    };

    open();
    window.addEventListener("online", onOnline);
    return () => {
      stopped = true;
      window.removeEventListener("online", onOnline);
      if (timer !== undefined) clearTimeout(timer);
      source?.close();
    };
  }, [roomId]);

  useEffect(() => {
    const timers = typingTimers.current;
    return () => {
      for (const timer of timers.values()) clearTimeout(timer);
      timers.clear();
    };
  }, []);

  /** A message this browser just posted (the stream's echo is deduplicated). */
  const addMessage = useCallback((message: ChatMessageDTO) => {
    dispatch({ type: "confirmed", messages: [message] });
  }, []);
  /** An agent bubble seen on its socket, shown until the stream's copy replaces it. */
  const addAgentBubble = useCallback((message: ChatMessageDTO) => {
    dispatch({ type: "provisional", message });
  }, []);

  /** Our own edit or deletion, applied at once (the stream's echo changes nothing). */
  const updateMessage = useCallback((message: ChatMessageDTO) => {
    dispatch({ type: "updated", message });
  }, []);
  const removeMessage = useCallback((id: string) => {
    dispatch({ type: "deleted", id });
  }, []);

  return {
    messages: visibleMessages(store),
    updateMessage,
    removeMessage,
    name,
    setName,
    budget,
    setBudget,
    removed,
    agents,
    setAgents,
    members,
    typing,
    notices,
    pushNotice,
    dismissNotice,
    status,
    addMessage,
    addAgentBubble,
  };
}
