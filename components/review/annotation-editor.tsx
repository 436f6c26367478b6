"use client";

import { useParams } from "next/navigation";
import { useCallback, useEffect, useId, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { Spinner } from "@/components/ui/spinner";
import { Textarea } from "@/components/ui/textarea";
import {
  type AnnotationDTO,
  type AnnotationPage,
  isAnnotatable,
  NOTE_MAX,
  VERDICT_LABELS,
  VERDICTS,
  type Verdict,
} from "@/lib/chat/annotation-types";
import type { ChatErrorBody } from "@/lib/chat/types";
import { cn } from "@/lib/utils";

type Saved = { verdict: Verdict; note: string } | null;

export interface AnnotationEditorProps {
  turnId: string;
  decision: string;
  agentName: string;
  /** defaults to the review page's room */
  roomId?: string;
  /** the caller's annotation when already known (null: none); otherwise read when first shown */
  initial?: Pick<AnnotationDTO, "verdict" | "note"> | null;
  onChange?: (saved: Saved) => void;
}

const url = (roomId: string, turnId: string) =>
  `/api/rooms/${encodeURIComponent(roomId)}/turns/${encodeURIComponent(turnId)}/annotation`;

async function failure(res: Response): Promise<string> {
  const body = (await res.json().catch(() => null)) as ChatErrorBody | null;
  return body?.error?.message ?? `The annotation could not be saved (${res.status}).`;
}

/**
 * A reviewer's verdict on one decision, with a note: saved at once (optimistically) and
 * put back with an explanation if the server refuses. Inside a turn card's <details> it
 * reads the caller's annotation only when the card is first opened.
 */
export function AnnotationEditor({
  turnId,
  decision,
  agentName,
  roomId,
  initial,
  onChange,
}: AnnotationEditorProps) {
  const params = useParams<{ roomId?: string }>();
  const room = roomId ?? params.roomId ?? "";
  const id = useId();
  const root = useRef<HTMLFormElement>(null);
  const [saved, setSaved] = useState<Saved | undefined>(initial === undefined ? undefined : initial);
  const [verdict, setVerdict] = useState<Verdict | null>(initial?.verdict ?? null);
  const [note, setNote] = useState(initial?.note ?? "");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState("");

  const load = useCallback(async () => {
    try {
      const res = await fetch(
        `/api/rooms/${encodeURIComponent(room)}/annotations?turn=${encodeURIComponent(turnId)}&mine=1&limit=1`,
      );
      if (!res.ok) throw new Error(await failure(res));
      const found = ((await res.json()) as AnnotationPage).annotations[0];
      const value = found ? { verdict: found.verdict, note: found.note } : null;
      setSaved(value);
      setVerdict(value?.verdict ?? null);
      setNote(value?.note ?? "");
    } catch (e) {
      setSaved(null);
      setError(e instanceof Error ? e.message : "Your annotation could not be read.");
    }
  }, [room, turnId]);

  useEffect(() => {
    if (saved !== undefined || !isAnnotatable(decision)) return;
    const details = root.current?.closest("details");
    if (!details || details.open) {
      void load();
      return;
    }
    const onToggle = () => {
      if (details.open) void load();
    };
    details.addEventListener("toggle", onToggle, { once: true });
    return () => details.removeEventListener("toggle", onToggle);
  }, [saved, load, decision]);

  if (!isAnnotatable(decision)) return null;
  const loading = saved === undefined && error === null;
  const dirty = verdict !== null && (verdict !== saved?.verdict || note.trim() !== (saved?.note ?? ""));

  async function save(event: React.FormEvent) {
    event.preventDefault();
    if (!verdict || busy) return;
    const previous = saved ?? null;
    const next = { verdict, note: note.trim() };
    setSaved(next);
    setBusy(true);
    setError(null);
    setStatus("Saving…");
    try {
      const res = await fetch(url(room, turnId), {
        method: "PUT",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(next),
      });
      if (!res.ok) throw new Error(await failure(res));
      setStatus("Saved.");
      onChange?.(next);
    } catch (e) {
      setSaved(previous);
      setStatus("");
      setError(e instanceof Error ? e.message : "The annotation could not be saved.");
    } finally {
      setBusy(false);
    }
  }

  async function remove() {
    if (busy || !saved) return;
    const previous = saved;
    setSaved(null);
    setVerdict(null);
    setNote("");
    setBusy(true);
    setError(null);
    setStatus("Removing…");
    try {
      const res = await fetch(url(room, turnId), {
        method: "DELETE",
        headers: { "content-type": "application/json" },
      });
      if (!res.ok && res.status !== 404) throw new Error(await failure(res));
      setStatus("Annotation removed.");
      onChange?.(null);
    } catch (e) {
      setSaved(previous);
      setVerdict(previous.verdict);
      setNote(previous.note);
      setStatus("");
      setError(e instanceof Error ? e.message : "The annotation could not be removed.");
    } finally {
      setBusy(false);
    }
  }

  return (
    <form
      ref={root}
      onSubmit={save}
      data-testid="annotation-editor"
      data-saved={saved?.verdict ?? "none"}
      className="grid gap-2 rounded-md border border-dashed p-3"
      aria-busy={loading || busy}
    >
      <fieldset className="grid gap-2" disabled={loading}>
        <legend className="mb-1 font-medium text-sm">
          Your review of {agentName}'s decision
          {loading ? <Spinner className="ml-2 align-middle" label="Loading your annotation" /> : null}
        </legend>
        <div className="flex flex-wrap gap-x-4 gap-y-1">
          {VERDICTS.map((v) => (
            <label key={v} className="inline-flex cursor-pointer items-center gap-2 text-sm">
              <input
                type="radio"
                name={`${id}-verdict`}
                value={v}
                checked={verdict === v}
                onChange={() => setVerdict(v)}
                className="size-4 accent-primary"
              />
              {VERDICT_LABELS[v]}
            </label>
          ))}
        </div>
        <label htmlFor={`${id}-note`} className="text-muted-foreground text-xs">
          Note (optional)
        </label>
        <Textarea
          id={`${id}-note`}
          value={note}
          maxLength={NOTE_MAX}
          onChange={(e) => setNote(e.target.value)}
          placeholder="Why? e.g. the question was for Maya"
          className="min-h-12"
        />
        <div className="flex flex-wrap items-center gap-2">
          <Button type="submit" size="sm" disabled={!dirty || busy}>
            {saved ? "Update annotation" : "Save annotation"}
          </Button>
          {saved ? (
            <Button type="button" size="sm" variant="ghost" onClick={remove} disabled={busy}>
              Remove
            </Button>
          ) : null}
          <span role="status" className="text-muted-foreground text-xs">
            {status}
          </span>
        </div>
        {error ? (
          <p role="alert" className={cn("text-destructive text-sm")}>
            {error}
          </p>
        ) : null}
      </fieldset>
    </form>
  );
}
