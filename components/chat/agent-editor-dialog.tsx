"use client";

import { Trash2 } from "lucide-react";
import { useCallback, useId, useRef, useState } from "react";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import {
  Dialog,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
} from "@/components/ui/dialog";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Spinner } from "@/components/ui/spinner";
import { Textarea } from "@/components/ui/textarea";
import type { AgentInput } from "@/lib/chat/schemas";
import type { AgentDTO } from "@/lib/chat/types";
import { cn } from "@/lib/utils";
import { freeColor } from "./agent-colors";
import { ChatApiError, chatFetch, errorMessage, roomUrl } from "./chat-api";
import { useModels } from "./use-models";

type FieldName = keyof AgentInput;
type Draft = Record<FieldName, string>;

const LIMITS = {
  typingWpm: { min: 20, max: 400, step: 1 },
  readingDelayMs: { min: 0, max: 10_000, step: 100 },
  maxTypingMs: { min: 500, max: 20_000, step: 100 },
} as const;

function draftFrom(
  agent: AgentDTO | undefined,
  defaultModelId: string,
  takenColors: readonly string[],
): Draft {
  return {
    name: agent?.name ?? "",
    color: agent?.color ?? freeColor(takenColors),
    persona: agent?.persona ?? "",
    systemPrompt: agent?.systemPrompt ?? "",
    modelId: agent?.modelId ?? defaultModelId,
    typingWpm: String(agent?.typingWpm ?? 170),
    readingDelayMs: String(agent?.readingDelayMs ?? 600),
    maxTypingMs: String(agent?.maxTypingMs ?? 5_000),
    forwardness: String(agent?.forwardness ?? 0.5),
  };
}

export function forwardnessWords(value: number): string {
  if (value < 0.2) return "Only when asked";
  if (value < 0.45) return "Reserved";
  if (value < 0.7) return "Joins in";
  if (value < 0.9) return "Chatty";
  return "Speaks up freely";
}

/** Client-side checks mirroring the server's; the server's `fields` still win. */
function validate(draft: Draft): { input?: AgentInput; errors: Partial<Record<FieldName, string>> } {
  const errors: Partial<Record<FieldName, string>> = {};
  const name = draft.name.trim();
  const persona = draft.persona.trim();
  const systemPrompt = draft.systemPrompt.trim();
  if (!name) errors.name = "Give the agent a name.";
  else if (name.length > 40) errors.name = "Use at most 40 characters.";
  else if (!/^[\p{L}\p{N}][\p{L}\p{N} ._-]*$/u.test(name))
    errors.name = "Letters, numbers, spaces, . _ - only.";
  if (!/^#[0-9a-f]{6}$/i.test(draft.color)) errors.color = "Pick a colour like #2563eb.";
  if (!persona) errors.persona = "Describe the agent in a line.";
  else if (persona.length > 200) errors.persona = "Use at most 200 characters.";
  if (!systemPrompt) errors.systemPrompt = "Write the agent's instructions.";
  else if (systemPrompt.length > 8000) errors.systemPrompt = "Use at most 8000 characters.";
  if (!draft.modelId) errors.modelId = "Choose a model.";
  const numbers = {} as Record<keyof typeof LIMITS, number>;
  for (const key of Object.keys(LIMITS) as (keyof typeof LIMITS)[]) {
    const { min, max } = LIMITS[key];
    const value = Number(draft[key]);
    if (draft[key].trim() === "" || !Number.isInteger(value) || value < min || value > max) {
      errors[key] = `Enter a whole number from ${min} to ${max}.`;
    }
    numbers[key] = value;
  }
  const forwardness = Number(draft.forwardness);
  if (Object.keys(errors).length > 0) return { errors };
  return {
    errors,
    input: {
      name,
      color: draft.color,
      persona,
      systemPrompt,
      modelId: draft.modelId,
      ...numbers,
      forwardness,
    },
  };
}

interface FieldProps {
  id: string;
  label: string;
  error?: string;
  hint?: React.ReactNode;
  className?: string;
  children: (aria: {
    id: string;
    "aria-invalid": true | undefined;
    "aria-describedby": string | undefined;
  }) => React.ReactNode;
}

function Field({ id, label, error, hint, className, children }: FieldProps) {
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [hint ? hintId : null, error ? errorId : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className={cn("grid gap-1.5", className)}>
      <Label htmlFor={id}>{label}</Label>
      {children({ id, "aria-invalid": error ? true : undefined, "aria-describedby": describedBy })}
      {hint ? (
        <p id={hintId} className="text-muted-foreground text-xs">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={errorId} className="text-destructive text-sm">
          {error}
        </p>
      ) : null}
    </div>
  );
}

interface AgentEditorDialogProps {
  roomId: string;
  /** The agent to edit; omitted to create one. */
  agent?: AgentDTO;
  open: boolean;
  onOpenChange: (open: boolean) => void;
  onSaved: (agent: AgentDTO) => void;
  onDeleted: (agentId: string) => void;
  /** Colours of the room's agents, so a new one gets a different default. */
  takenColors?: readonly string[];
  /** Where focus goes when the dialog closes (it is opened from buttons that may be gone by then). */
  returnFocusTo?: () => HTMLElement | null;
}

export function AgentEditorDialog(props: AgentEditorDialogProps) {
  return (
    <Dialog open={props.open} onOpenChange={props.onOpenChange}>
      {props.open ? <AgentEditorContent key={props.agent?.id ?? "new"} {...props} /> : null}
    </Dialog>
  );
}

function AgentEditorContent({
  roomId,
  agent,
  onOpenChange,
  onSaved,
  onDeleted,
  takenColors = [],
  returnFocusTo,
}: AgentEditorDialogProps) {
  const id = useId();
  const models = useModels(true);
  const defaultModelId = models.status === "ready" ? models.data.defaultModelId : "";
  const [draft, setDraft] = useState<Draft>(() => draftFrom(agent, defaultModelId, takenColors));
  const [errors, setErrors] = useState<Partial<Record<FieldName, string>>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState<"save" | "delete" | null>(null);
  const [confirmingDelete, setConfirmingDelete] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  // Asking "delete?" moves focus to the safe answer.
  const focusOnMount = useCallback((el: HTMLButtonElement | null) => el?.focus(), []);

  // A new agent gets the server's default model once the list arrives.
  const modelId = draft.modelId || defaultModelId;
  const set = (name: FieldName) => (value: string) => {
    const next = { ...draft, [name]: value };
    setDraft(next);
    // A field that was flagged is checked again as it changes: the message goes once it is fixed.
    if (errors[name]) {
      const remaining = { ...errors, [name]: validate({ ...next, modelId }).errors[name] };
      if (!remaining[name]) delete remaining[name];
      setErrors(remaining);
      if (Object.keys(remaining).length === 0) setFormError(null);
    }
  };

  const focusFirstError = () =>
    requestAnimationFrame(() =>
      formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus(),
    );

  const save = async () => {
    const { input, errors: clientErrors } = validate({ ...draft, modelId });
    setErrors(clientErrors);
    setFormError(null);
    if (!input) {
      focusFirstError();
      return;
    }
    setBusy("save");
    try {
      const url = agent
        ? roomUrl(roomId, `/agents/${encodeURIComponent(agent.id)}`)
        : roomUrl(roomId, "/agents");
      const { agent: saved } = await chatFetch<{ agent: AgentDTO }>(url, {
        method: agent ? "PATCH" : "POST",
        json: input,
      });
      onSaved(saved);
      onOpenChange(false);
    } catch (error) {
      const fields = error instanceof ChatApiError ? error.fields : {};
      setErrors(fields as Partial<Record<FieldName, string>>);
      const known = Object.keys(fields).some((k) => k in draft);
      setFormError(known ? "Some fields need attention." : errorMessage(error));
      if (known) focusFirstError();
    } finally {
      setBusy(null);
    }
  };

  const remove = async () => {
    if (!agent) return;
    setBusy("delete");
    setFormError(null);
    try {
      await chatFetch<void>(roomUrl(roomId, `/agents/${encodeURIComponent(agent.id)}`), { method: "DELETE" });
      onDeleted(agent.id);
      onOpenChange(false);
    } catch (error) {
      setFormError(errorMessage(error));
      setConfirmingDelete(false);
    } finally {
      setBusy(null);
    }
  };

  const forwardness = Number(draft.forwardness);
  const selectedModel =
    models.status === "ready" ? models.data.models.find((m) => m.id === modelId) : undefined;
  const modelOptions =
    models.status === "ready"
      ? models.data.models.some((m) => m.id === modelId) || !modelId
        ? models.data.models
        : [
            ...models.data.models,
            { id: modelId, label: agent?.modelLabel ?? modelId, description: "", available: false },
          ]
      : [];

  return (
    <DialogContent
      className="sm:max-w-xl"
      onEscapeKeyDown={(e) => busy && e.preventDefault()}
      onCloseAutoFocus={(event) => {
        const target = returnFocusTo?.();
        if (!target) return;
        event.preventDefault();
        target.focus();
      }}
    >
      <DialogHeader>
        <DialogTitle>{agent ? `Edit ${agent.name}` : "New agent"}</DialogTitle>
        <DialogDescription>
          {agent
            ? "Changes apply to the agent's next turn."
            : "Agents hear everyone in the room and decide for themselves when to speak."}
        </DialogDescription>
      </DialogHeader>
      <form
        ref={formRef}
        noValidate
        className="grid gap-4"
        onSubmit={(event) => {
          event.preventDefault();
          void save();
        }}
      >
        {formError ? (
          <Alert variant="destructive">
            <AlertDescription>{formError}</AlertDescription>
          </Alert>
        ) : null}
        <div className="grid gap-4 sm:grid-cols-[1fr_auto]">
          <Field id={`${id}-name`} label="Name" error={errors.name}>
            {(aria) => (
              <Input
                {...aria}
                value={draft.name}
                maxLength={40}
                autoComplete="off"
                required
                onChange={(e) => set("name")(e.target.value)}
              />
            )}
          </Field>
          <Field id={`${id}-color`} label="Colour" error={errors.color}>
            {(aria) => (
              <div className="flex items-center gap-2">
                <input
                  {...aria}
                  type="color"
                  value={draft.color}
                  onChange={(e) => set("color")(e.target.value)}
                  className="h-9 w-12 cursor-pointer rounded-md border border-input bg-transparent p-1 focus-visible:outline-none focus-visible:ring-[3px] focus-visible:ring-ring/50"
                />
                <span className="font-mono text-muted-foreground text-xs" aria-hidden="true">
                  {draft.color}
                </span>
              </div>
            )}
          </Field>
        </div>
        <Field
          id={`${id}-persona`}
          label="Persona"
          error={errors.persona}
          hint="One line shown to the room, e.g. “A dry-witted historian who loves footnotes.”"
        >
          {(aria) => (
            <Input
              {...aria}
              value={draft.persona}
              maxLength={200}
              onChange={(e) => set("persona")(e.target.value)}
            />
          )}
        </Field>
        <Field
          id={`${id}-prompt`}
          label="System prompt"
          error={errors.systemPrompt}
          hint={`${draft.systemPrompt.length} / 8000 characters`}
        >
          {(aria) => (
            <Textarea
              {...aria}
              value={draft.systemPrompt}
              rows={5}
              className="max-h-64"
              onChange={(e) => set("systemPrompt")(e.target.value)}
            />
          )}
        </Field>
        <Field
          id={`${id}-model`}
          label="Model"
          error={errors.modelId ?? (models.status === "error" ? models.message : undefined)}
          hint={selectedModel?.description || undefined}
        >
          {(aria) => (
            <select
              {...aria}
              value={modelId}
              disabled={models.status !== "ready"}
              onChange={(e) => set("modelId")(e.target.value)}
              className="h-9 w-full rounded-md border border-input bg-background px-3 text-sm shadow-xs outline-none focus-visible:border-ring focus-visible:ring-[3px] focus-visible:ring-ring/50 disabled:opacity-50 aria-invalid:border-destructive dark:bg-input/30"
            >
              {models.status === "loading" ? <option value={modelId}>Loading models…</option> : null}
              {models.status === "error" ? (
                <option value={modelId}>{agent?.modelLabel ?? modelId}</option>
              ) : null}
              {modelOptions.map((m) => (
                <option key={m.id} value={m.id} disabled={!m.available && m.id !== agent?.modelId}>
                  {m.available ? m.label : `${m.label} (not configured)`}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field
          id={`${id}-forwardness`}
          label="Forwardness"
          error={errors.forwardness}
          hint={
            <span className="flex justify-between gap-4" aria-hidden="true">
              <span>Only when asked</span>
              <span>Speaks up freely</span>
            </span>
          }
        >
          {(aria) => (
            <input
              {...aria}
              type="range"
              min={0}
              max={1}
              step={0.05}
              value={draft.forwardness}
              aria-valuetext={`${forwardnessWords(forwardness)} (${Math.round(forwardness * 100)}%)`}
              onChange={(e) => set("forwardness")(e.target.value)}
              className="w-full accent-primary"
            />
          )}
        </Field>
        <fieldset className="grid gap-3 rounded-md border p-3">
          <legend className="px-1 font-medium text-sm">Pacing</legend>
          <div className="grid gap-3 sm:grid-cols-3">
            <Field id={`${id}-wpm`} label="Typing speed (WPM)" error={errors.typingWpm}>
              {(aria) => (
                <Input
                  {...aria}
                  type="number"
                  inputMode="numeric"
                  {...LIMITS.typingWpm}
                  value={draft.typingWpm}
                  onChange={(e) => set("typingWpm")(e.target.value)}
                />
              )}
            </Field>
            <Field id={`${id}-reading`} label="Reading delay (ms)" error={errors.readingDelayMs}>
              {(aria) => (
                <Input
                  {...aria}
                  type="number"
                  inputMode="numeric"
                  {...LIMITS.readingDelayMs}
                  value={draft.readingDelayMs}
                  onChange={(e) => set("readingDelayMs")(e.target.value)}
                />
              )}
            </Field>
            <Field id={`${id}-max-typing`} label="Max typing time (ms)" error={errors.maxTypingMs}>
              {(aria) => (
                <Input
                  {...aria}
                  type="number"
                  inputMode="numeric"
                  {...LIMITS.maxTypingMs}
                  value={draft.maxTypingMs}
                  onChange={(e) => set("maxTypingMs")(e.target.value)}
                />
              )}
            </Field>
          </div>
        </fieldset>
        <DialogFooter className="items-stretch sm:items-center sm:justify-between">
          {agent ? (
            confirmingDelete ? (
              <div className="flex flex-wrap items-center gap-2">
                <span id={`${id}-confirm`} className="text-sm">
                  Delete {agent.name}? This cannot be undone.
                </span>
                <Button
                  variant="destructive"
                  size="sm"
                  disabled={busy !== null}
                  onClick={() => void remove()}
                >
                  {busy === "delete" ? <Spinner label="Deleting" /> : null}
                  Yes, delete
                </Button>
                <Button
                  ref={focusOnMount}
                  aria-describedby={`${id}-confirm`}
                  variant="ghost"
                  size="sm"
                  onClick={() => setConfirmingDelete(false)}
                >
                  Keep
                </Button>
              </div>
            ) : (
              <Button
                variant="ghost"
                className="text-destructive hover:text-destructive"
                disabled={busy !== null}
                onClick={() => setConfirmingDelete(true)}
              >
                <Trash2 aria-hidden /> Delete agent
              </Button>
            )
          ) : (
            <span />
          )}
          <div className="flex flex-col-reverse gap-2 sm:flex-row">
            <Button variant="outline" onClick={() => onOpenChange(false)} disabled={busy !== null}>
              Cancel
            </Button>
            <Button type="submit" disabled={busy !== null || models.status === "loading"}>
              {busy === "save" ? <Spinner label="Saving" /> : null}
              {agent ? "Save changes" : "Create agent"}
            </Button>
          </div>
        </DialogFooter>
      </form>
    </DialogContent>
  );
}
