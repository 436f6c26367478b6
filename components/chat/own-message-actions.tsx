"use client";

import { Pencil, Trash2 } from "lucide-react";
import { useEffect, useId, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { Spinner } from "@/components/ui/spinner";
import type { ChatMessageDTO } from "@/lib/chat/types";
import { cn } from "@/lib/utils";
import { chatFetch, errorMessage, roomUrl } from "./chat-api";

const MAX_MESSAGE_LENGTH = 4000;

interface OwnMessageActionsProps {
  roomId: string;
  message: ChatMessageDTO;
  onEdited: (message: ChatMessageDTO) => void;
  onDeleted: (id: string) => void;
  /** Renders the bubble, or the editor in its place. */
  children: React.ReactNode;
}

type Mode = "idle" | "editing" | "confirm-delete";

/**
 * Edit or delete your own last message. The editor replaces the bubble; Escape or Cancel
 * puts focus back on the Edit button, as a dialog would.
 */
export function OwnMessageActions({
  roomId,
  message,
  onEdited,
  onDeleted,
  children,
}: OwnMessageActionsProps) {
  const id = useId();
  const [mode, setMode] = useState<Mode>("idle");
  const [draft, setDraft] = useState(message.content);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const editButton = useRef<HTMLButtonElement>(null);
  const deleteButton = useRef<HTMLButtonElement>(null);
  const textarea = useRef<HTMLTextAreaElement>(null);
  // Which button gets focus back once the buttons are shown again (they are not rendered while editing).
  const returnFocus = useRef<"edit" | "delete" | null>(null);

  useEffect(() => {
    if (mode === "editing") {
      const el = textarea.current;
      el?.focus();
      el?.setSelectionRange(el.value.length, el.value.length);
    } else if (mode === "idle" && returnFocus.current) {
      (returnFocus.current === "edit" ? editButton : deleteButton).current?.focus();
      returnFocus.current = null;
    }
  }, [mode]);

  const close = (focus: "edit" | "delete") => {
    returnFocus.current = focus;
    setError(null);
    setMode("idle");
  };

  const save = async () => {
    const content = draft.trim();
    if (!content) {
      setError("Write something, or delete the message instead.");
      return;
    }
    if (content === message.content) return close("edit");
    setBusy(true);
    try {
      const { message: edited } = await chatFetch<{ message: ChatMessageDTO }>(
        roomUrl(roomId, `/messages/${encodeURIComponent(message.id)}`),
        { method: "PATCH", json: { content } },
      );
      onEdited(edited);
      close("edit");
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  const remove = async () => {
    setBusy(true);
    try {
      await chatFetch(roomUrl(roomId, `/messages/${encodeURIComponent(message.id)}`), { method: "DELETE" });
      onDeleted(message.id);
    } catch (err) {
      setError(errorMessage(err));
      setBusy(false);
    }
  };

  const errorId = `${id}-error`;
  return (
    <div className="grid max-w-full justify-items-end gap-1">
      {mode === "editing" ? (
        <form
          className="grid w-[min(32rem,80vw)] gap-1.5"
          onSubmit={(event) => {
            event.preventDefault();
            void save();
          }}
        >
          <label htmlFor={`${id}-edit`} className="sr-only">
            Edit your message
          </label>
          <textarea
            ref={textarea}
            id={`${id}-edit`}
            value={draft}
            maxLength={MAX_MESSAGE_LENGTH}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? errorId : undefined}
            onChange={(event) => {
              setDraft(event.target.value);
              if (event.target.value.trim()) setError(null);
            }}
            onKeyDown={(event) => {
              if (event.nativeEvent.isComposing) return;
              if (event.key === "Escape") {
                event.preventDefault();
                close("edit");
              } else if (event.key === "Enter" && !event.shiftKey) {
                event.preventDefault();
                void save();
              }
            }}
            className={cn(
              "field-sizing-content max-h-48 min-h-10 w-full resize-none rounded-md border border-input bg-background px-3 py-2 text-sm outline-none",
              "focus-visible:border-ring focus-visible:ring-[3px] focus-visible:ring-ring/50 aria-invalid:border-destructive",
            )}
          />
          <div className="flex items-center justify-end gap-2">
            <Button type="button" size="sm" variant="ghost" onClick={() => close("edit")}>
              Cancel
            </Button>
            <Button type="submit" size="sm" disabled={busy}>
              {busy ? <Spinner label="Saving" /> : null}
              Save
            </Button>
          </div>
        </form>
      ) : (
        children
      )}
      {mode === "confirm-delete" ? (
        <fieldset className="flex items-center gap-2 text-xs">
          <legend className="float-left">Delete this message?</legend>
          <Button
            type="button"
            size="sm"
            variant="ghost"
            onClick={() => close("delete")}
            onKeyDown={(event) => event.key === "Escape" && close("delete")}
          >
            Cancel
          </Button>
          <Button
            type="button"
            size="sm"
            variant="destructive"
            disabled={busy}
            autoFocus
            onClick={() => void remove()}
            onKeyDown={(event) => event.key === "Escape" && close("delete")}
          >
            {busy ? <Spinner label="Deleting" /> : null}
            Delete
          </Button>
        </fieldset>
      ) : null}
      {mode === "idle" ? (
        <div className="flex items-center gap-1 text-muted-foreground">
          <Button
            ref={editButton}
            type="button"
            size="sm"
            variant="ghost"
            className="h-7 px-2 text-xs"
            aria-label="Edit your last message"
            onClick={() => {
              setDraft(message.content);
              setMode("editing");
            }}
          >
            <Pencil aria-hidden className="size-3" /> Edit
          </Button>
          <Button
            ref={deleteButton}
            type="button"
            size="sm"
            variant="ghost"
            className="h-7 px-2 text-xs"
            aria-label="Delete your last message"
            onClick={() => setMode("confirm-delete")}
          >
            <Trash2 aria-hidden className="size-3" /> Delete
          </Button>
        </div>
      ) : null}
      {error ? (
        <p id={errorId} role="alert" className="text-destructive text-xs">
          {error}
        </p>
      ) : null}
    </div>
  );
}
