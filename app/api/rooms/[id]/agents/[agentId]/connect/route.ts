import { NextResponse } from "next/server";
import { agentInRoom } from "@/lib/chat/agents";
import { notFound } from "@/lib/chat/errors";
import { requireMember } from "@/lib/chat/membership";
import { handler, publicOrigin } from "@/lib/chat/route-helpers";
import { turnTaking } from "@/lib/chat/turn-taking-client";
import type { AgentConnectGrant } from "@/lib/chat/types";

type Params = { id: string; agentId: string };

/** A fresh socket grant for an agent's thread, for members of the room that owns it. */
export const POST = handler<Params>(async (req, user, { id, agentId }) => {
  await requireMember(id, user.id);
  const agent = await agentInRoom(id, agentId);
  if (!agent) throw notFound("agent");
  // The browser's own origin, so the engine hands out a connect_url that reaches it from there.
  // interruptible: threads opened before it existed become interruptible on their next grant.
  const opened = await turnTaking().client.openThread(
    { thread_id: agent.threadId, interruptible: true },
    { forwardedFrom: publicOrigin(req) },
  );
  const grant: AgentConnectGrant = {
    agentId,
    threadId: agent.threadId,
    connectUrl: opened.realtime.connect_url,
    expiresAt: opened.realtime.expires_at,
  };
  return NextResponse.json(grant);
});
