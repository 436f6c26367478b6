import { NextResponse } from "next/server";
import { deleteAnnotation, saveAnnotation } from "@/lib/chat/annotations";
import { requireMember } from "@/lib/chat/membership";
import { handler, parseJson } from "@/lib/chat/route-helpers";
import { annotationSchema } from "./schema";

type Params = { id: string; turnId: string };

/** Marks a decision right or wrong, with a note: the caller's one annotation of the turn, created or replaced. */
export const PUT = handler<Params>(async (req, user, { id, turnId }) => {
  const input = await parseJson(req, annotationSchema);
  await requireMember(id, user.id);
  const annotation = await saveAnnotation(id, turnId, user.id, input);
  return NextResponse.json({ annotation });
});

/** Removes the caller's annotation of the turn. */
export const DELETE = handler<Params>(async (_req, user, { id, turnId }) => {
  await requireMember(id, user.id);
  await deleteAnnotation(id, turnId, user.id);
  return new Response(null, { status: 204 });
});
