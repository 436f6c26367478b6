import { NextResponse } from "next/server";
import { deleteAgent, updateAgent } from "@/lib/chat/agents";
import { requireOwner } from "@/lib/chat/membership";
import { handler, parseJson } from "@/lib/chat/route-helpers";
import { agentPatchSchema } from "@/lib/chat/schemas";

type Params = { id: string; agentId: string };

export const PATCH = handler<Params>(async (req, user, { id, agentId }) => {
  const patch = await parseJson(req, agentPatchSchema);
  await requireOwner(id, user.id);
  const agent = await updateAgent(id, agentId, patch);
  return NextResponse.json({ agent });
});

export const DELETE = handler<Params>(async (_req, user, { id, agentId }) => {
  await requireOwner(id, user.id);
  await deleteAgent(id, agentId);
  return new Response(null, { status: 204 });
});
