import { ArrowLeft, Download } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { annotationListSchema } from "@/app/api/rooms/[id]/annotations/schema";
import { auth } from "@/auth";
import { LocalTime } from "@/components/chat/local-time";
import { AnnotationEditor } from "@/components/review/annotation-editor";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { agentsOf } from "@/lib/chat/agents";
import { VERDICT_LABELS, VERDICTS, type Verdict } from "@/lib/chat/annotation-types";
import { listAnnotations } from "@/lib/chat/annotations";
import { ChatError } from "@/lib/chat/errors";
import { requireMember } from "@/lib/chat/membership";
import { cn } from "@/lib/utils";

export const metadata: Metadata = { title: "Annotations" };

interface AnnotationsPageProps {
  params: Promise<{ roomId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

const DECISION_LABELS: Record<string, string> = { speak: "spoke", stay_silent: "stayed silent" };

function chip(active: boolean) {
  return cn(
    "rounded-full border px-3 py-1 text-sm transition-colors hover:bg-accent focus-visible:outline-none focus-visible:ring-[3px] focus-visible:ring-ring/50",
    active && "border-primary bg-primary text-primary-foreground hover:bg-primary/90",
  );
}

export default async function AnnotationsPage({ params, searchParams }: AnnotationsPageProps) {
  const [{ roomId }, raw] = await Promise.all([params, searchParams]);
  const session = await auth();
  if (!session?.user?.id) redirect("/login");
  const userId = session.user.id;
  const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
  // A filter that does not parse is dropped rather than refused: the page still shows the list.
  const parsed = annotationListSchema.safeParse({
    verdict: first(raw.verdict),
    agent: first(raw.agent),
    cursor: first(raw.cursor),
  });
  const q = parsed.success ? parsed.data : annotationListSchema.parse({});
  let room: { id: string; name: string };
  try {
    room = (await requireMember(roomId, userId)).room;
  } catch (error) {
    if (error instanceof ChatError && error.status === 404) notFound();
    throw error;
  }
  const [agents, page] = await Promise.all([
    agentsOf(roomId).then((all) => all.map(({ id, name }) => ({ id, name }))),
    listAnnotations(roomId, userId, {
      verdict: q.verdict,
      agentId: q.agent,
      cursor: q.cursor,
      limit: q.limit,
    }),
  ]);
  const base = `/review/${encodeURIComponent(room.id)}/annotations`;
  const href = (next: { verdict?: Verdict; agent?: string; cursor?: string }) => {
    const query = new URLSearchParams();
    if (next.verdict) query.set("verdict", next.verdict);
    if (next.agent) query.set("agent", next.agent);
    if (next.cursor) query.set("cursor", next.cursor);
    const text = query.toString();
    return text ? `${base}?${text}` : base;
  };
  const filtered = Boolean(q.verdict || q.agent);

  return (
    <div className="grid gap-6">
      <div className="grid gap-2">
        <Button asChild variant="ghost" size="sm" className="w-fit">
          <Link href={`/review/${encodeURIComponent(room.id)}`}>
            <ArrowLeft aria-hidden /> Back to the transcript
          </Link>
        </Button>
        <div className="flex flex-wrap items-center justify-between gap-3">
          <h1 className="font-semibold text-2xl tracking-tight">Annotations · {room.name}</h1>
          <Button asChild size="sm">
            <a href={`/api/rooms/${encodeURIComponent(room.id)}/annotations/export.jsonl`} download>
              <Download aria-hidden /> Export as eval set
            </a>
          </Button>
        </div>
        <p className="text-muted-foreground text-sm">
          Every reviewer's verdict on the agents' decisions. The eval set holds each annotated decision with
          the conversation up to it and the corrected label, ready for <code>npm run eval:decisions</code> and{" "}
          <code>npm run train:decisions</code>.
        </p>
      </div>

      <nav aria-label="Filter by verdict" className="flex flex-wrap gap-2">
        <Link
          href={href({ agent: q.agent })}
          aria-current={!q.verdict ? "page" : undefined}
          className={chip(!q.verdict)}
        >
          Any verdict
        </Link>
        {VERDICTS.map((v) => (
          <Link
            key={v}
            href={href({ verdict: v, agent: q.agent })}
            aria-current={q.verdict === v ? "page" : undefined}
            className={chip(q.verdict === v)}
          >
            {VERDICT_LABELS[v]}
          </Link>
        ))}
      </nav>
      <nav aria-label="Filter by agent" className="flex flex-wrap gap-2">
        <Link
          href={href({ verdict: q.verdict })}
          aria-current={!q.agent ? "page" : undefined}
          className={chip(!q.agent)}
        >
          Every agent
        </Link>
        {agents.map((a) => (
          <Link
            key={a.id}
            href={href({ verdict: q.verdict, agent: a.id })}
            aria-current={q.agent === a.id ? "page" : undefined}
            className={chip(q.agent === a.id)}
          >
            {a.name}
          </Link>
        ))}
      </nav>

      {page.annotations.length === 0 ? (
        <EmptyState
          title={filtered ? "No annotation matches" : "No annotations yet"}
          description={
            filtered
              ? "Try another verdict or agent."
              : "Open a decision in the transcript and mark it right, or what the agent should have done."
          }
          action={
            <Button asChild variant="outline">
              <Link href={`/review/${encodeURIComponent(room.id)}`}>Open the transcript</Link>
            </Button>
          }
        />
      ) : (
        <ul className="grid gap-3" aria-label="Annotations">
          {page.annotations.map((a) => (
            <li
              key={a.id}
              data-testid="annotation"
              data-verdict={a.verdict}
              data-agent={a.turn.agentName}
              className="grid gap-2 rounded-lg border bg-card p-3 text-card-foreground"
            >
              <div className="flex flex-wrap items-center gap-2 text-sm">
                <span className="font-medium">{a.turn.agentName}</span>
                <span className="text-muted-foreground">
                  {DECISION_LABELS[a.turn.decision] ?? a.turn.decision}
                </span>
                <Badge variant={a.verdict === "right" ? "secondary" : "default"}>
                  {VERDICT_LABELS[a.verdict]}
                </Badge>
                <span className="ml-auto text-muted-foreground text-xs">
                  {a.reviewer} · <LocalTime iso={a.updatedAt} format="relative" />
                </span>
              </div>
              <blockquote className="whitespace-pre-wrap border-l-2 pl-3 text-sm">
                <span className="text-muted-foreground">{a.turn.heardFrom}: </span>
                {a.turn.heard}
              </blockquote>
              {a.userId === userId ? (
                <AnnotationEditor
                  roomId={room.id}
                  turnId={a.turnId}
                  decision={a.turn.decision}
                  agentName={a.turn.agentName}
                  initial={{ verdict: a.verdict, note: a.note }}
                />
              ) : a.note ? (
                <p className="text-sm">{a.note}</p>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      {page.nextCursor ? (
        <Button asChild variant="outline" size="sm" className="w-fit">
          <Link href={href({ verdict: q.verdict, agent: q.agent, cursor: page.nextCursor })}>
            Older annotations
          </Link>
        </Button>
      ) : null}
    </div>
  );
}
