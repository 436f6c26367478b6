import { NextResponse } from "next/server";
import { notFound } from "@/lib/chat/errors";
import { requireMember } from "@/lib/chat/membership";
import { handler } from "@/lib/chat/route-helpers";
import { turnTaking } from "@/lib/chat/turn-taking-client";
import type { AgentConnectGrant } from "@/lib/chat/types";
import { getDb } from "@/lib/db/client";
import { browserSocketUrl } from "@/lib/http/browser-socket-url";

type Params = { id: string; agentId: string };

/** A fresh socket grant for an agent's thread, for members of the room that owns it. */
export const POST = handler<Params>(async (req, user, { id, agentId }) => {
  await requireMember(id, user.id);
  const agent = await getDb().agent.findFirst({ where: { id: agentId, roomId: id } });
  if (!agent) throw notFound("agent");
  const { client, mode } = turnTaking();
  const opened = await client.openThread({ thread_id: agent.threadId });
  // The embedded engine lives on this server: the browser connects under its own origin
  // (unless ENGINE_PUBLIC_WS_URL names the public address already).
  const connectUrl =
    mode === "embedded" && !process.env.ENGINE_PUBLIC_WS_URL
      ? browserSocketUrl(opened.realtime.connect_url, req.headers.get("origin"))
      : opened.realtime.connect_url;
  const grant: AgentConnectGrant = {
    agentId,
    threadId: agent.threadId,
    connectUrl,
    expiresAt: opened.realtime.expires_at,
  };
  return NextResponse.json(grant);
});
