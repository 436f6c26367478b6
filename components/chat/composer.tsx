"use client";

import { SendHorizontal } from "lucide-react";
import { useCallback, useEffect, useId, useLayoutEffect, useMemo, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { Spinner } from "@/components/ui/spinner";
import type { ChatMessageDTO } from "@/lib/chat/types";
import { cn } from "@/lib/utils";
import { chatFetch, errorMessage, roomUrl } from "./chat-api";
import { insertMention, type Mentionable, type MentionQuery, matchMentionables, mentionAt } from "./mentions";

export const MAX_MESSAGE_LENGTH = 4000;
/** The counter appears once this close to the limit. */
const COUNTER_FROM = 3500;
/** `typing: true` at most this often while the person types… */
const TYPING_REFRESH_MS = 3_000;
/** …and `typing: false` after this long without a keystroke. */
const TYPING_IDLE_MS = 4_000;

function useTypingSignal(roomId: string) {
  const lastTrueAt = useRef(0);
  const active = useRef(false);
  const idleTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  const post = useCallback(
    (typing: boolean) => {
      void fetch(roomUrl(roomId, "/typing"), {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ typing }),
        keepalive: true,
      }).catch(() => {});
    },
    [roomId],
  );

  const stop = useCallback(() => {
    if (idleTimer.current !== undefined) clearTimeout(idleTimer.current);
    idleTimer.current = undefined;
    lastTrueAt.current = 0;
    if (!active.current) return;
    active.current = false;
    post(false);
  }, [post]);

  const keystroke = useCallback(() => {
    const now = Date.now();
    if (now - lastTrueAt.current >= TYPING_REFRESH_MS) {
      lastTrueAt.current = now;
      active.current = true;
      post(true);
    }
    if (idleTimer.current !== undefined) clearTimeout(idleTimer.current);
    idleTimer.current = setTimeout(stop, TYPING_IDLE_MS);
  }, [post, stop]);

  useEffect(() => stop, [stop]);
  return { keystroke, stop };
}

interface ComposerProps {
  roomId: string;
  mentionables: readonly Mentionable[];
  onSent: (message: ChatMessageDTO) => void;
  className?: string;
}

export function Composer({ roomId, mentionables, onSent, className }: ComposerProps) {
  const id = useId();
  const inputId = `${id}-input`;
  const listboxId = `${id}-mentions`;
  const hintId = `${id}-hint`;
  const counterId = `${id}-counter`;
  const errorId = `${id}-error`;

  const textareaRef = useRef<HTMLTextAreaElement>(null);
  const pendingCaret = useRef<number | null>(null);
  const [text, setText] = useState("");
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [mention, setMention] = useState<MentionQuery | null>(null);
  const [dismissedAt, setDismissedAt] = useState<number | null>(null);
  const [active, setActive] = useState(0);
  const typing = useTypingSignal(roomId);

  const options = useMemo(
    () => (mention ? matchMentionables(mentionables, mention.query) : []),
    [mention, mentionables],
  );
  const menuOpen = mention !== null && mention.start !== dismissedAt && options.length > 0;
  const activeIndex = Math.min(active, Math.max(0, options.length - 1));

  const trimmed = text.trim();
  const remaining = MAX_MESSAGE_LENGTH - text.length;
  const tooLong = remaining < 0;
  const canSend = trimmed.length > 0 && !tooLong;

  // Restore the caret after a programmatic edit (mention insert).
  useLayoutEffect(() => {
    const caret = pendingCaret.current;
    const el = textareaRef.current;
    if (caret === null || !el) return;
    pendingCaret.current = null;
    el.setSelectionRange(caret, caret);
  });

  // Ctrl/Cmd+K focuses the composer from anywhere on the page (but not out of an open dialog).
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key.toLowerCase() !== "k" || !(event.metaKey || event.ctrlKey) || event.altKey) return;
      if (
        document.querySelector('[role="dialog"][data-state="open"], [role="alertdialog"][data-state="open"]')
      )
        return;
      event.preventDefault();
      textareaRef.current?.focus();
    };
    document.addEventListener("keydown", onKeyDown);
    return () => document.removeEventListener("keydown", onKeyDown);
  }, []);

  const syncMention = useCallback((value: string, caret: number) => {
    const next = mentionAt(value, caret);
    setMention((current) =>
      current &&
      next &&
      current.start === next.start &&
      current.end === next.end &&
      current.query === next.query
        ? current
        : next,
    );
    if (!next) setDismissedAt(null);
  }, []);

  const pick = (item: Mentionable) => {
    if (!mention) return;
    const result = insertMention(text, mention, item.name);
    setText(result.text);
    pendingCaret.current = result.caret;
    setMention(null);
    setActive(0);
    textareaRef.current?.focus();
  };

  // Messages wait here while an earlier one is still on its way, so Enter is never ignored
  // and the room sees them in the order they were written.
  const queue = useRef<string[]>([]);
  const [queued, setQueued] = useState(0);
  const draining = useRef(false);

  const drain = async () => {
    draining.current = true;
    setSending(true);
    try {
      while (queue.current.length > 0) {
        const content = queue.current[0]!;
        try {
          const { message } = await chatFetch<{ message: ChatMessageDTO }>(roomUrl(roomId, "/messages"), {
            method: "POST",
            json: { content },
          });
          queue.current.shift();
          setQueued(queue.current.length);
          onSent(message);
        } catch (err) {
          setError(errorMessage(err));
          // Give the unsent drafts back unless the person already started a new one.
          const unsent = queue.current.join("\n\n");
          queue.current = [];
          setQueued(0);
          setText((current) => (current === "" ? unsent : current));
          return;
        }
      }
    } finally {
      draining.current = false;
      setSending(false);
      textareaRef.current?.focus();
    }
  };

  const send = () => {
    if (!canSend) return;
    typing.stop();
    setError(null);
    setMention(null);
    setText("");
    queue.current.push(trimmed);
    setQueued(queue.current.length);
    if (!draining.current) void drain();
  };

  const onKeyDown = (event: React.KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.nativeEvent.isComposing) return;
    if (menuOpen) {
      if (event.key === "ArrowDown" || event.key === "ArrowUp") {
        event.preventDefault();
        const step = event.key === "ArrowDown" ? 1 : -1;
        setActive((activeIndex + step + options.length) % options.length);
        return;
      }
      if (event.key === "Enter" || event.key === "Tab") {
        const item = options[activeIndex];
        if (item) {
          event.preventDefault();
          pick(item);
          return;
        }
      }
      if (event.key === "Escape") {
        event.preventDefault();
        event.stopPropagation();
        setDismissedAt(mention?.start ?? null);
        return;
      }
    }
    if (event.key === "Enter" && !event.shiftKey) {
      event.preventDefault();
      send();
    }
  };

  const describedBy = [
    hintId,
    remaining <= MAX_MESSAGE_LENGTH - COUNTER_FROM ? counterId : null,
    error ? errorId : null,
  ]
    .filter(Boolean)
    .join(" ");

  return (
    <form
      className={cn("grid gap-1.5", className)}
      onSubmit={(event) => {
        event.preventDefault();
        send();
      }}
    >
      {error ? (
        <p
          id={errorId}
          role="alert"
          data-testid="composer-error"
          className="rounded-md border border-destructive/50 px-3 py-2 text-destructive text-sm"
        >
          {error}
        </p>
      ) : null}
      <div className="relative flex items-end gap-2">
        {menuOpen ? (
          <div
            id={listboxId}
            role="listbox"
            aria-label="Mention suggestions"
            className="absolute bottom-full left-0 z-20 mb-2 max-h-60 w-64 overflow-y-auto rounded-md border bg-popover p-1 text-popover-foreground shadow-md"
          >
            {options.map((item, index) => (
              <div
                key={item.key}
                id={`${listboxId}-${index}`}
                role="option"
                tabIndex={-1}
                aria-selected={index === activeIndex}
                onMouseDown={(event) => {
                  event.preventDefault();
                  pick(item);
                }}
                onMouseEnter={() => setActive(index)}
                className={cn(
                  "flex cursor-pointer items-center gap-2 rounded-sm px-2 py-1.5 text-sm",
                  index === activeIndex && "bg-accent text-accent-foreground",
                )}
              >
                <span
                  aria-hidden="true"
                  className="size-2.5 shrink-0 rounded-full bg-muted-foreground"
                  style={item.color ? { backgroundColor: item.color } : undefined}
                />
                <span className="truncate">{item.name}</span>
                <span className="ml-auto text-muted-foreground text-xs">
                  {item.kind === "agent" ? "Agent" : "Person"}
                </span>
              </div>
            ))}
          </div>
        ) : null}
        <label htmlFor={inputId} className="sr-only">
          Message
        </label>
        <textarea
          ref={textareaRef}
          id={inputId}
          name="content"
          rows={1}
          value={text}
          placeholder="Message the room — @ to mention"
          autoComplete="off"
          aria-autocomplete="list"
          aria-controls={menuOpen ? listboxId : undefined}
          aria-activedescendant={menuOpen ? `${listboxId}-${activeIndex}` : undefined}
          aria-invalid={tooLong || undefined}
          aria-describedby={describedBy}
          onChange={(event) => {
            const value = event.target.value;
            setText(value);
            setError(null);
            syncMention(value, event.target.selectionStart);
            if (value.trim()) typing.keystroke();
            else typing.stop();
          }}
          onSelect={(event) => syncMention(event.currentTarget.value, event.currentTarget.selectionStart)}
          onKeyDown={onKeyDown}
          onBlur={() => {
            typing.stop();
            setMention(null);
          }}
          className={cn(
            "field-sizing-content flex max-h-48 min-h-10 w-full resize-none rounded-md border border-input bg-transparent px-3 py-2 text-base shadow-xs outline-none transition-[color,box-shadow] placeholder:text-muted-foreground md:text-sm dark:bg-input/30",
            "focus-visible:border-ring focus-visible:ring-[3px] focus-visible:ring-ring/50",
            "aria-invalid:border-destructive aria-invalid:ring-destructive/20",
          )}
        />
        <Button type="submit" size="icon" disabled={!canSend} aria-label="Send message" className="shrink-0">
          {sending ? <Spinner label="Sending" /> : <SendHorizontal aria-hidden />}
        </Button>
      </div>
      <div className="flex items-center justify-between gap-3 text-muted-foreground text-xs">
        <p role="status" data-testid="composer-status" className={cn(!sending && "sr-only")}>
          {sending ? (queued > 1 ? `Sending ${queued} messages…` : "Sending…") : ""}
        </p>
        <p id={hintId} className="hidden sm:block">
          <kbd className="font-sans font-medium">Enter</kbd> to send ·{" "}
          <kbd className="font-sans font-medium">Shift+Enter</kbd> for a new line ·{" "}
          <kbd className="font-sans font-medium">Ctrl+K</kbd> to focus
        </p>
        {remaining <= MAX_MESSAGE_LENGTH - COUNTER_FROM ? (
          <p id={counterId} className={cn("ml-auto tabular-nums", tooLong && "font-medium text-destructive")}>
            {tooLong ? `${-remaining} characters over the limit` : `${remaining} characters left`}
          </p>
        ) : null}
      </div>
    </form>
  );
}
