import { ArrowLeft } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { auth } from "@/auth";
import { WhatIfForm } from "@/components/review/what-if-form";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { agentsOf } from "@/lib/chat/agents";
import { ChatError } from "@/lib/chat/errors";
import { requireMember } from "@/lib/chat/membership";
import { turnTaking } from "@/lib/chat/turn-taking-client";

export const metadata: Metadata = { title: "What-if replay" };

export default async function WhatIfPage({ params }: { params: Promise<{ roomId: string }> }) {
  const { roomId } = await params;
  const session = await auth();
  if (!session?.user?.id) redirect("/login");
  let room: { id: string; name: string };
  try {
    room = (await requireMember(roomId, session.user.id)).room;
  } catch (error) {
    if (error instanceof ChatError && error.status === 404) notFound();
    throw error;
  }
  const agents = (await agentsOf(roomId)).map(({ id, name, systemPrompt, forwardness }) => ({
    id,
    name,
    systemPrompt,
    forwardness,
  }));
  const hosted = turnTaking().mode === "hosted";

  return (
    <div className="grid gap-6">
      <div className="grid gap-2">
        <Button asChild variant="ghost" size="sm" className="w-fit">
          <Link href={`/review/${encodeURIComponent(room.id)}`}>
            <ArrowLeft aria-hidden /> Back to the transcript
          </Link>
        </Button>
        <h1 className="font-semibold text-2xl tracking-tight">What-if replay · {room.name}</h1>
        <p className="text-muted-foreground text-sm">
          Re-run the decision model over this room's transcript with another system prompt or forwardness, and
          see where the agent would now speak or stay silent, and why. A replay is read-only: it touches no
          thread, no credit and no room.
        </p>
      </div>
      {agents.length === 0 ? (
        <EmptyState
          title="No agents in this room"
          description="Add an agent to the room, talk, then replay its decisions."
        />
      ) : (
        <WhatIfForm roomId={room.id} agents={agents} hosted={hosted} />
      )}
    </div>
  );
}
