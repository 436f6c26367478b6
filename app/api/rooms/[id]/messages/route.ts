import { NextResponse } from "next/server";
import { rateLimited } from "@/lib/chat/errors";
import { requireMember } from "@/lib/chat/membership";
import { appendMessage, listMessages } from "@/lib/chat/messages";
import { onHumanMessage } from "@/lib/chat/orchestrator";
import { displayNameOf } from "@/lib/chat/people";
import { messageRateLimiter } from "@/lib/chat/rate-limit";
import { handler, parseJson } from "@/lib/chat/route-helpers";
import { messageSchema } from "@/lib/chat/schemas";

type Params = { id: string };

export const GET = handler<Params>(async (req, user, { id }) => {
  await requireMember(id, user.id);
  const after = Math.max(0, Number(new URL(req.url).searchParams.get("after") ?? 0) || 0);
  return NextResponse.json({ messages: await listMessages(id, after) });
});

export const POST = handler<Params>(async (req, user, { id }) => {
  const { content } = await parseJson(req, messageSchema);
  await requireMember(id, user.id);
  const wait = messageRateLimiter().take(user.id);
  if (wait > 0) throw rateLimited(wait);
  const senderName = await displayNameOf(user);
  const message = await appendMessage({
    roomId: id,
    authorType: "user",
    userId: user.id,
    senderName,
    content,
  });
  // Agents decide in the background; the person's message is already stored and shown.
  void onHumanMessage(id, senderName, content, new Date(message!.createdAt)).catch((error) =>
    console.error("orchestration failed", error),
  );
  return NextResponse.json({ message }, { status: 201 });
});
