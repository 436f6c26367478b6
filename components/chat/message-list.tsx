"use client";

import { ArrowDown, MessagesSquare } from "lucide-react";
import Link from "next/link";
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from "react";
import { Avatar } from "@/components/ui/avatar";
import { Button } from "@/components/ui/button";
import type { AgentDTO, ChatMessageDTO } from "@/lib/chat/types";
import { cn } from "@/lib/utils";
import { LocalTime } from "./local-time";
import { MessageMarkdown } from "./message-markdown";
import { isProvisional } from "./message-store";
import { OwnMessageActions } from "./own-message-actions";

/** A new group starts when the sender changes or after this long a pause. */
const GROUP_GAP_MS = 5 * 60_000;
/** Within this many pixels of the bottom, new messages keep the view pinned to the bottom. */
const NEAR_BOTTOM_PX = 96;
const HEX_COLOR = /^#[0-9a-f]{6}$/i;

interface MessageGroup {
  key: string;
  kind: "system" | "agent" | "user";
  own: boolean;
  senderName: string;
  agent: AgentDTO | undefined;
  messages: ChatMessageDTO[];
}

const senderKey = (m: ChatMessageDTO) =>
  m.authorType === "agent" ? `a:${m.agentId ?? m.senderName}` : `${m.authorType}:${m.userId ?? m.senderName}`;

function groupMessages(
  messages: readonly ChatMessageDTO[],
  meId: string,
  agents: ReadonlyMap<string, AgentDTO>,
): MessageGroup[] {
  const groups: MessageGroup[] = [];
  let previous: ChatMessageDTO | undefined;
  for (const message of messages) {
    const last = groups.at(-1);
    const continues =
      last &&
      previous &&
      message.authorType !== "system" &&
      senderKey(previous) === senderKey(message) &&
      Date.parse(message.createdAt) - Date.parse(previous.createdAt) < GROUP_GAP_MS;
    if (continues) {
      last.messages.push(message);
    } else {
      groups.push({
        key: message.id,
        kind: message.authorType,
        own: message.authorType === "user" && message.userId === meId,
        senderName: message.senderName,
        agent: message.agentId ? agents.get(message.agentId) : undefined,
        messages: [message],
      });
    }
    previous = message;
  }
  return groups;
}

function agentTint(agent: AgentDTO | undefined): React.CSSProperties | undefined {
  if (!agent || !HEX_COLOR.test(agent.color)) return undefined;
  // Light tints keep the normal foreground readable in both themes.
  return { backgroundColor: `${agent.color}1f`, borderColor: `${agent.color}80` };
}

function SystemNotice({ message }: { message: ChatMessageDTO }) {
  return (
    <div className="flex justify-center py-1">
      <p
        data-testid="message"
        data-sender={message.senderName}
        data-author="system"
        className="max-w-[85%] rounded-full border border-dashed bg-muted/60 px-3 py-1 text-center text-muted-foreground text-xs"
      >
        {message.content}
        <LocalTime iso={message.createdAt} className="ml-2 tabular-nums opacity-80" />
      </p>
    </div>
  );
}

/** Edit and delete for the signed-in person's last message. */
interface OwnActions {
  roomId: string;
  lastOwnId: string | undefined;
  onEdited: (message: ChatMessageDTO) => void;
  onDeleted: (id: string) => void;
}

/** Under the last bubble of an agent's reply: its decision in the review (shown on hover or focus). */
function WhyLink({ roomId, replyKey, agentName }: { roomId: string; replyKey: string; agentName: string }) {
  return (
    <Link
      href={`/review/${encodeURIComponent(roomId)}?reply=${encodeURIComponent(replyKey)}`}
      data-testid="why-link"
      className={cn(
        "mt-0.5 inline-block rounded-sm px-1 text-muted-foreground text-xs underline-offset-2 transition-opacity hover:underline",
        "focus-visible:opacity-100 focus-visible:outline-none focus-visible:ring-[3px] focus-visible:ring-ring/50",
        // Hidden until hovered where there is a pointer that hovers; always there on touch screens.
        "[@media(hover:hover)]:opacity-0 [@media(hover:hover)]:group-hover/reply:opacity-100",
      )}
    >
      Why?<span className="sr-only"> See why {agentName} said this, in the review</span>
    </Link>
  );
}

function Group({
  group,
  actions,
  reviewRoomId,
}: {
  group: MessageGroup;
  actions?: OwnActions;
  reviewRoomId?: string;
}) {
  const first = group.messages[0];
  if (!first) return null;
  const tint = group.kind === "agent" ? agentTint(group.agent) : undefined;
  return (
    <div className={cn("flex gap-2 py-1", group.own && "flex-row-reverse")}>
      <Avatar
        name={group.senderName}
        color={group.kind === "agent" && group.agent ? group.agent.color : undefined}
        decorative
        className="mt-0.5"
      />
      <div className={cn("flex min-w-0 max-w-[85%] flex-col gap-1 sm:max-w-[75%]", group.own && "items-end")}>
        <div className={cn("flex items-baseline gap-2 text-xs", group.own && "flex-row-reverse")}>
          <span className="font-medium text-foreground text-sm">{group.senderName}</span>
          {group.kind === "agent" ? <span className="text-muted-foreground">Agent</span> : null}
          <LocalTime iso={first.createdAt} className="text-muted-foreground tabular-nums" />
        </div>
        {group.messages.map((message, i) => {
          const next = group.messages[i + 1];
          const lastOfReply =
            group.kind === "agent" && message.replyKey !== null && next?.replyKey !== message.replyKey;
          const bubble = (
            <div
              data-testid="message"
              data-sender={message.senderName}
              data-author={message.authorType}
              data-provisional={isProvisional(message) ? "true" : undefined}
              className={cn(
                "w-fit max-w-full break-words rounded-2xl border px-3 py-2 text-sm leading-relaxed",
                group.own
                  ? "ml-auto rounded-tr-sm border-transparent bg-primary text-primary-foreground"
                  : "rounded-tl-sm bg-muted text-foreground",
              )}
              style={tint}
            >
              <MessageMarkdown content={message.content} />
              {message.editedAt ? (
                <span data-testid="edited" className="ml-1 text-xs opacity-70">
                  (edited)
                </span>
              ) : null}
            </div>
          );
          return (
            <div key={message.deliveryId ?? message.id} className="group/reply max-w-full">
              <span className="sr-only">{group.own ? "You said:" : `${group.senderName} said:`}</span>
              {actions && message.id === actions.lastOwnId ? (
                <OwnMessageActions
                  roomId={actions.roomId}
                  message={message}
                  onEdited={actions.onEdited}
                  onDeleted={actions.onDeleted}
                >
                  {bubble}
                </OwnMessageActions>
              ) : (
                bubble
              )}
              {reviewRoomId && lastOfReply && message.replyKey ? (
                <WhyLink roomId={reviewRoomId} replyKey={message.replyKey} agentName={group.senderName} />
              ) : null}
            </div>
          );
        })}
      </div>
    </div>
  );
}

interface MessageListProps {
  messages: readonly ChatMessageDTO[];
  meId: string;
  agents: readonly AgentDTO[];
  className?: string;
  /** Lets the person edit or delete their own last message. */
  ownActions?: Omit<OwnActions, "lastOwnId">;
  /** The room whose review the agents' replies link to ("Why?"). */
  reviewRoomId?: string;
}

export function MessageList({
  messages,
  meId,
  agents,
  className,
  ownActions,
  reviewRoomId,
}: MessageListProps) {
  const agentMap = useMemo(() => new Map(agents.map((a) => [a.id, a])), [agents]);
  const groups = useMemo(() => groupMessages(messages, meId, agentMap), [messages, meId, agentMap]);
  const lastOwnId = useMemo(
    () => messages.findLast((m) => m.authorType === "user" && m.userId === meId && !isProvisional(m))?.id,
    [messages, meId],
  );
  const actions = useMemo(
    () => (ownActions ? { ...ownActions, lastOwnId } : undefined),
    [ownActions, lastOwnId],
  );

  const scrollRef = useRef<HTMLDivElement>(null);
  const nearBottom = useRef(true);
  const seen = useRef<{ count: number; lastId: string | undefined } | null>(null);
  const [unseen, setUnseen] = useState(0);

  const scrollToBottom = useCallback((behavior: ScrollBehavior = "auto") => {
    const el = scrollRef.current;
    if (!el) return;
    el.scrollTo({ top: el.scrollHeight, behavior });
    nearBottom.current = true;
    setUnseen(0);
  }, []);

  const onScroll = useCallback(() => {
    const el = scrollRef.current;
    if (!el) return;
    nearBottom.current = el.scrollHeight - el.scrollTop - el.clientHeight < NEAR_BOTTOM_PX;
    if (nearBottom.current) setUnseen(0);
  }, []);

  const last = messages.at(-1);
  useLayoutEffect(() => {
    const previous = seen.current;
    seen.current = { count: messages.length, lastId: last?.id };
    if (!previous) {
      scrollToBottom();
      return;
    }
    if (last?.id === previous.lastId) return;
    const mine = last?.authorType === "user" && last.userId === meId;
    const added = messages.length - previous.count;
    if (nearBottom.current || mine) scrollToBottom();
    else if (added > 0) setUnseen((n) => n + added);
  }, [messages.length, last, meId, scrollToBottom]);

  // Keep the bottom pinned when the viewport shrinks (typing indicators, keyboard, resize).
  useEffect(() => {
    const el = scrollRef.current;
    if (!el || typeof ResizeObserver === "undefined") return;
    const observer = new ResizeObserver(() => {
      if (nearBottom.current) el.scrollTop = el.scrollHeight;
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, []);

  return (
    <div className={cn("relative min-h-0", className)}>
      <div
        ref={scrollRef}
        role="log"
        aria-live="polite"
        aria-label="Messages"
        onScroll={onScroll}
        className="h-full overflow-y-auto overscroll-contain px-3 py-3 sm:px-4"
      >
        {groups.length === 0 ? (
          <div className="flex h-full flex-col items-center justify-center gap-2 p-6 text-center text-muted-foreground">
            <MessagesSquare aria-hidden className="size-8" />
            <p className="font-medium text-foreground">No messages yet</p>
            <p className="text-sm">Say hello — the agents are listening.</p>
          </div>
        ) : (
          groups.map((group) =>
            group.kind === "system" && group.messages[0] ? (
              <SystemNotice key={group.key} message={group.messages[0]} />
            ) : (
              <Group
                key={group.key}
                group={group}
                actions={group.own ? actions : undefined}
                reviewRoomId={reviewRoomId}
              />
            ),
          )
        )}
      </div>
      {unseen > 0 ? (
        <Button
          size="sm"
          variant="secondary"
          onClick={() => scrollToBottom("smooth")}
          className="absolute bottom-3 left-1/2 -translate-x-1/2 rounded-full border shadow-md"
        >
          <ArrowDown aria-hidden />
          New messages
          <span className="sr-only">({unseen})</span>
        </Button>
      ) : null}
    </div>
  );
}
