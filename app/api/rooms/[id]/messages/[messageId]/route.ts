import { NextResponse } from "next/server";
import { requireMember } from "@/lib/chat/membership";
import { deleteOwnLastMessage, editOwnLastMessage } from "@/lib/chat/message-edits";
import { nameOrFallback } from "@/lib/chat/people";
import { handler, parseJson } from "@/lib/chat/route-helpers";
import { messageSchema } from "@/lib/chat/schemas";

type Params = { id: string; messageId: string };

/** Edit your own last message; the agents' threads hear `message_edited`. */
export const PATCH = handler<Params>(async (req, user, { id, messageId }) => {
  const { content } = await parseJson(req, messageSchema);
  const member = await requireMember(id, user.id);
  const name = nameOrFallback(member.user.name, user.name);
  const message = await editOwnLastMessage(id, { id: user.id, name }, messageId, content);
  return NextResponse.json({ message });
});

/** Delete your own last message. */
export const DELETE = handler<Params>(async (_req, user, { id, messageId }) => {
  const member = await requireMember(id, user.id);
  const name = nameOrFallback(member.user.name, user.name);
  await deleteOwnLastMessage(id, { id: user.id, name }, messageId);
  return new Response(null, { status: 204 });
});
