"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import { bubbleKey } from "@/lib/chat/bubble-key";
import type { AgentConnectGrant, AgentDTO, ChatMessageDTO } from "@/lib/chat/types";
import { connectThreadSocket, type ThreadSocket } from "@/lib/turn-taking/socket";
import type { TurnTakingFrame } from "@/lib/turn-taking/types";
import { roomUrl } from "./chat-api";
import { PROVISIONAL_ID_PREFIX } from "./message-store";

/** Safety net: an agent whose socket says nothing for this long is no longer shown typing. */
const AGENT_TYPING_TIMEOUT_MS = 15_000;

async function fetchConnectUrl(roomId: string, agentId: string): Promise<string> {
  const response = await fetch(roomUrl(roomId, `/agents/${encodeURIComponent(agentId)}/connect`), {
    method: "POST",
    headers: { "content-type": "application/json" },
  });
  if (!response.ok) throw new Error(`connect grant refused (${response.status})`);
  const grant = (await response.json()) as AgentConnectGrant;
  return grant.connectUrl;
}

interface UseAgentSocketsOptions {
  roomId: string;
  agents: readonly AgentDTO[];
  /** An agent bubble, at its paced delivery time, keyed by its delivery id. */
  onBubble: (message: ChatMessageDTO) => void;
}

/**
 * Opens each agent's Turn-taking socket (browser WebSocket, fresh grant on every connect) and
 * reports who is typing plus provisional bubbles. Sockets follow the agent list and close on unmount.
 */
export function useAgentSockets({ roomId, agents, onBubble }: UseAgentSocketsOptions) {
  const [typing, setTyping] = useState<ReadonlySet<string>>(() => new Set());

  const agentsRef = useRef(agents);
  const onBubbleRef = useRef(onBubble);
  useEffect(() => {
    agentsRef.current = agents;
    onBubbleRef.current = onBubble;
  }, [agents, onBubble]);

  const sockets = useRef(new Map<string, ThreadSocket>());
  const timers = useRef(new Map<string, ReturnType<typeof setTimeout>>());

  const setAgentTyping = useCallback((agentId: string, value: boolean) => {
    const timer = timers.current.get(agentId);
    if (timer !== undefined) clearTimeout(timer);
    timers.current.delete(agentId);
    if (value) {
      timers.current.set(
        agentId,
        setTimeout(() => setAgentTyping(agentId, false), AGENT_TYPING_TIMEOUT_MS),
      );
    }
    setTyping((current) => {
      if (current.has(agentId) === value) return current;
      const next = new Set(current);
      if (value) next.add(agentId);
      else next.delete(agentId);
      return next;
    });
  }, []);

  const handleFrame = useCallback(
    (agentId: string, frame: TurnTakingFrame) => {
      if (frame.type === "turn_taking.typing") {
        setAgentTyping(agentId, frame.data.typing);
        return;
      }
      if (frame.type !== "turn_taking.message") return;
      // Frames keep flowing while the agent types its next bubble: refresh the safety timer.
      if (timers.current.has(agentId)) setAgentTyping(agentId, true);
      const agent = agentsRef.current.find((a) => a.id === agentId);
      const { data } = frame;
      const replyKey = (data.metadata as { reply_key?: unknown } | null)?.reply_key;
      // Only our own replies carry a reply key; the stored copy of the bubble has the same key.
      if (typeof replyKey !== "string") return;
      const key = bubbleKey(replyKey, data.position);
      onBubbleRef.current({
        id: `${PROVISIONAL_ID_PREFIX}${key}`,
        seq: Number.MAX_SAFE_INTEGER,
        authorType: "agent",
        userId: null,
        agentId,
        senderName: agent?.name ?? "Agent",
        content: data.content,
        deliveryId: key,
        replyKey,
        position: data.position,
        createdAt: data.sent_at,
        editedAt: null,
      });
    },
    [setAgentTyping],
  );

  const agentKey = agents
    .map((a) => a.id)
    .sort()
    .join(",");

  useEffect(() => {
    const wanted = new Set(agentKey ? agentKey.split(",") : []);
    const open = sockets.current;
    for (const [agentId, socket] of open) {
      if (wanted.has(agentId)) continue;
      socket.close();
      open.delete(agentId);
      setAgentTyping(agentId, false);
    }
    if (typeof window === "undefined" || !("WebSocket" in window)) return;
    for (const agentId of wanted) {
      if (open.has(agentId)) continue;
      open.set(
        agentId,
        connectThreadSocket({
          getConnectUrl: () => fetchConnectUrl(roomId, agentId),
          onFrame: (frame) => handleFrame(agentId, frame),
          onError: (error) => console.debug(`agent ${agentId} socket:`, error.message),
        }),
      );
    }
  }, [roomId, agentKey, handleFrame, setAgentTyping]);

  useEffect(() => {
    const open = sockets.current;
    const pending = timers.current;
    return () => {
      for (const socket of open.values()) socket.close();
      open.clear();
      for (const timer of pending.values()) clearTimeout(timer);
      pending.clear();
    };
  }, []);

  return { typingAgentIds: typing };
}
