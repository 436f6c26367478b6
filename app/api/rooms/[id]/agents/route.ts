import { NextResponse } from "next/server";
import { createAgent } from "@/lib/chat/agents";
import { requireMember } from "@/lib/chat/membership";
import { handler, parseJson } from "@/lib/chat/route-helpers";
import { agentInputSchema } from "@/lib/chat/schemas";

type Params = { id: string };

export const POST = handler<Params>(async (req, user, { id }) => {
  const input = await parseJson(req, agentInputSchema);
  await requireMember(id, user.id);
  return NextResponse.json({ agent: await createAgent(id, input) }, { status: 201 });
});
