"use client";

import { Info, Play } from "lucide-react";
import { useActionState, useId, useState } from "react";
import { WhatIfResults } from "@/components/review/what-if-results";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Spinner } from "@/components/ui/spinner";
import { Textarea } from "@/components/ui/textarea";
import { WHAT_IF_PRESETS, type WhatIfResult, type WhatIfState } from "@/lib/chat/what-if-types";

interface AgentSettings {
  id: string;
  name: string;
  systemPrompt: string;
  forwardness: number;
}

export interface WhatIfFormProps {
  roomId: string;
  agents: AgentSettings[];
  /** hosted mode: the replay runs on the embedded decision model in the app server */
  hosted: boolean;
}

/** Posts the form to the replay route; every failure becomes a message, never a thrown error. */
async function replay(roomId: string, form: FormData): Promise<WhatIfState> {
  try {
    const res = await fetch(`/api/rooms/${encodeURIComponent(roomId)}/what-if`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(Object.fromEntries(form)),
    });
    const body = (await res.json().catch(() => null)) as {
      result?: WhatIfResult;
      error?: { message: string; fields?: Record<string, string> };
    } | null;
    if (res.ok && body?.result) return { status: "done", result: body.result };
    return {
      status: "error",
      message: body?.error?.message ?? `The replay failed (${res.status}); try again.`,
      fields: body?.error?.fields,
    };
  } catch {
    return {
      status: "error",
      message: "The replay could not be reached; check your connection and try again.",
    };
  }
}

/** The settings to replay with, and what came of the last replay. */
export function WhatIfForm({ roomId, agents, hosted }: WhatIfFormProps) {
  const id = useId();
  const [state, submit, pending] = useActionState(
    (_prev: WhatIfState, form: FormData) => replay(roomId, form),
    { status: "idle" } as WhatIfState,
  );
  const [agentId, setAgentId] = useState(agents[0]?.id ?? "");
  const agent = agents.find((a) => a.id === agentId) ?? agents[0];
  const [prompt, setPrompt] = useState(agent?.systemPrompt ?? "");
  const [forwardness, setForwardness] = useState(agent?.forwardness ?? 0.5);

  const choose = (next: string) => {
    const a = agents.find((x) => x.id === next);
    setAgentId(next);
    setPrompt(a?.systemPrompt ?? "");
    setForwardness(a?.forwardness ?? 0.5);
  };
  const fields = state.status === "error" ? state.fields : undefined;

  return (
    <div className="grid gap-6">
      {hosted ? (
        <Alert>
          <Info aria-hidden />
          <AlertTitle>Replayed on the embedded decision model</AlertTitle>
          <AlertDescription>
            This app uses the hosted Turn-taking service, which offers no replay. The replay runs on the
            embedded engine's decision model inside this server, so it can differ from what the hosted service
            would decide.
          </AlertDescription>
        </Alert>
      ) : null}
      <form
        action={submit}
        className="grid gap-4 rounded-lg border bg-card p-4 text-card-foreground"
        aria-busy={pending}
      >
        <div className="grid gap-1.5">
          <label htmlFor={`${id}-agent`} className="font-medium text-sm">
            Agent
          </label>
          <select
            id={`${id}-agent`}
            name="agentId"
            value={agentId}
            onChange={(e) => choose(e.target.value)}
            className="h-9 w-full max-w-xs rounded-md border border-input bg-transparent px-3 text-sm shadow-xs focus-visible:outline-none focus-visible:ring-[3px] focus-visible:ring-ring/50 dark:bg-input/30"
          >
            {agents.map((a) => (
              <option key={a.id} value={a.id}>
                {a.name}
              </option>
            ))}
          </select>
        </div>
        <fieldset className="flex flex-wrap items-center gap-2">
          <legend className="sr-only">Presets</legend>
          <span aria-hidden className="text-muted-foreground text-sm">
            Presets:
          </span>
          {WHAT_IF_PRESETS.map((p) => (
            <Button
              key={p.id}
              type="button"
              variant="outline"
              size="sm"
              onClick={() => {
                setPrompt(`${agent?.systemPrompt ?? ""}\n\n${p.rule}`.trim());
                setForwardness(p.forwardness);
              }}
            >
              {p.label}
            </Button>
          ))}
          <Button type="button" variant="ghost" size="sm" onClick={() => choose(agentId)}>
            Reset to current settings
          </Button>
        </fieldset>
        <div className="grid gap-1.5">
          <label htmlFor={`${id}-prompt`} className="font-medium text-sm">
            System prompt
          </label>
          <Textarea
            id={`${id}-prompt`}
            name="systemPrompt"
            value={prompt}
            onChange={(e) => setPrompt(e.target.value)}
            maxLength={8000}
            className="min-h-28 font-mono text-xs"
            aria-invalid={fields?.systemPrompt ? true : undefined}
          />
        </div>
        <div className="grid gap-1.5">
          <label htmlFor={`${id}-forwardness`} className="font-medium text-sm">
            Forwardness: <output htmlFor={`${id}-forwardness`}>{forwardness.toFixed(2)}</output>
          </label>
          <input
            id={`${id}-forwardness`}
            name="forwardness"
            type="range"
            min={0}
            max={1}
            step={0.05}
            value={forwardness}
            onChange={(e) => setForwardness(Number(e.target.value))}
            className="w-full max-w-xs accent-primary"
            aria-describedby={`${id}-forwardness-hint`}
          />
          <p id={`${id}-forwardness-hint`} className="text-muted-foreground text-xs">
            0 waits to be asked, 1 speaks up freely.
          </p>
        </div>
        <div className="flex items-center gap-3">
          <Button type="submit" disabled={pending}>
            {pending ? <Spinner label="Replaying" /> : <Play aria-hidden />} Replay decisions
          </Button>
        </div>
        {state.status === "error" ? (
          <p role="alert" className="text-destructive text-sm">
            {state.message}
          </p>
        ) : null}
      </form>
      {state.status === "done" ? (
        <WhatIfResults
          result={state.result}
          pending={pending}
          pageButton={(page, label) => (
            <form action={submit}>
              <input type="hidden" name="agentId" value={agentId} />
              <input type="hidden" name="systemPrompt" value={prompt} />
              <input type="hidden" name="forwardness" value={forwardness} />
              <input type="hidden" name="page" value={page} />
              <Button type="submit" variant="outline" size="sm" disabled={pending}>
                {label}
              </Button>
            </form>
          )}
        />
      ) : null}
    </div>
  );
}
