import { NextResponse } from "next/server";
import { notFound } from "@/lib/chat/errors";
import { requireMember } from "@/lib/chat/membership";
import { handler } from "@/lib/chat/route-helpers";
import { turnTaking } from "@/lib/chat/turn-taking-client";
import type { AgentConnectGrant } from "@/lib/chat/types";
import { getDb } from "@/lib/db/client";

type Params = { id: string; agentId: string };

/** A fresh socket grant for an agent's thread, for members of the room that owns it. */
export const POST = handler<Params>(async (_req, user, { id, agentId }) => {
  await requireMember(id, user.id);
  const agent = await getDb().agent.findFirst({ where: { id: agentId, roomId: id } });
  if (!agent) throw notFound("agent");
  const opened = await turnTaking().client.openThread({ thread_id: agent.threadId });
  const grant: AgentConnectGrant = {
    agentId,
    threadId: agent.threadId,
    connectUrl: opened.realtime.connect_url,
    expiresAt: opened.realtime.expires_at,
  };
  return NextResponse.json(grant);
});
