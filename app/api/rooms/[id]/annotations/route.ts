import { NextResponse } from "next/server";
import { listAnnotations } from "@/lib/chat/annotations";
import { requireMember } from "@/lib/chat/membership";
import { handler, parseQuery } from "@/lib/chat/route-helpers";
import { annotationListSchema } from "./schema";

/** A room's annotations, newest change first; filter by verdict, agent, turn or your own. */
export const GET = handler<{ id: string }>(async (req, user, { id }) => {
  const q = parseQuery(req, annotationListSchema);
  await requireMember(id, user.id);
  const page = await listAnnotations(id, user.id, {
    verdict: q.verdict,
    agentId: q.agent,
    turnId: q.turn,
    mine: q.mine === "1",
    cursor: q.cursor,
    limit: q.limit,
  });
  return NextResponse.json(page);
});
