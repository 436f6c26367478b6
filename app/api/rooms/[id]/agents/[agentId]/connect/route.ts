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
  const { client, mode } = turnTaking();
  // The embedded engine lives on this server: it builds the connect_url from the origin the
  // browser used (forwarded to it), so browsers on other machines can attach. A separate engine
  // knows its own public address (ENGINE_PUBLIC_WS_URL). interruptible: threads opened before it
  // existed become interruptible on their next grant.
  const opened = await client.openThread(
    { thread_id: agent.threadId, interruptible: true },
    mode === "embedded" ? { forwardedFrom: publicOrigin(req) } : {},
  );
  const connectUrl = opened.realtime.connect_url;
  const grant: AgentConnectGrant = {
    agentId,
    threadId: agent.threadId,
    connectUrl,
    expiresAt: opened.realtime.expires_at,
  };
  return NextResponse.json(grant);
});
