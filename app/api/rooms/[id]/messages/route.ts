import { after, NextResponse } from "next/server";
import { showDueBubbles } from "@/lib/chat/bubbles";
import { rateLimited } from "@/lib/chat/errors";
import { requireMember } from "@/lib/chat/membership";
import { appendMessage, listMessages } from "@/lib/chat/messages";
import { onHumanMessage } from "@/lib/chat/orchestrator";
import { messageRateLimiter } from "@/lib/chat/rate-limit";
import { handler, parseJson } from "@/lib/chat/route-helpers";
import { messageSchema } from "@/lib/chat/schemas";

type Params = { id: string };

export const GET = handler<Params>(async (req, user, { id }) => {
  await requireMember(id, user.id);
  const from = Math.max(0, Number(new URL(req.url).searchParams.get("after") ?? 0) || 0);
  // Readers show what fell due themselves: the history is right without any background work.
  await showDueBubbles(id);
  return NextResponse.json({ messages: await listMessages(id, from) });
});

export const POST = handler<Params>(async (req, user, { id }) => {
  const { content } = await parseJson(req, messageSchema);
  await requireMember(id, user.id);
  const wait = messageRateLimiter().take(user.id);
  if (wait > 0) throw rateLimited(wait);
  const message = await appendMessage({
    roomId: id,
    authorType: "user",
    userId: user.id,
    senderName: user.name,
    content,
  });
  // Agents decide after the response (on a serverless platform the function stays alive for it);
  // the person's message is already stored and shown.
  after(() =>
    onHumanMessage(id, user.name, content, new Date(message!.createdAt)).catch((error) =>
      console.error("orchestration failed", error),
    ),
  );
  return NextResponse.json({ message }, { status: 201 });
});
