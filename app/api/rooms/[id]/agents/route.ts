import { NextResponse } from "next/server";
import { createAgent } from "@/lib/chat/agents";
import { requireOwner } from "@/lib/chat/membership";
import { handler, parseJson } from "@/lib/chat/route-helpers";
import { agentInputSchema } from "@/lib/chat/schemas";

type Params = { id: string };

export const POST = handler<Params>(async (req, user, { id }) => {
  const input = await parseJson(req, agentInputSchema);
  await requireOwner(id, user.id);
  return NextResponse.json({ agent: await createAgent(id, input) }, { status: 201 });
});
