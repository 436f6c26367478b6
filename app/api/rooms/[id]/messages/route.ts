import { after, NextResponse } from "next/server";
import { foreground } from "@/lib/async/foreground";
import { showDueBubbles } from "@/lib/chat/bubbles";
import { notFound } from "@/lib/chat/errors";
import { requireMember } from "@/lib/chat/membership";
import { admitMessage } from "@/lib/chat/message-limits";
import { appendMessage, listMessages } from "@/lib/chat/messages";
import { onHumanMessage } from "@/lib/chat/orchestrator";
import { nameOrFallback } from "@/lib/chat/people";
import { postingContext } from "@/lib/chat/room-context";
import { handler, parseJson } from "@/lib/chat/route-helpers";
import { messageSchema } from "@/lib/chat/schemas";
import { clientIp } from "@/lib/http/client-ip";

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
  // A person is waiting: this process's background work waits while the message is admitted.
  const { message, agents, room, budget, senderName } = await foreground().run(async () => {
    const { userName, room, agents } = await postingContext(id, user.id);
    // Limits first: a refused message is not stored, shown or sent to the agents. Admitting it
    // reserves its agents' decisions too.
    const { budget, giveBack } = await admitMessage(user.id, id, clientIp(req.headers), agents.length);
    const senderName = nameOrFallback(userName, user.name);
    const message = await appendMessage({
      roomId: id,
      authorType: "user",
      userId: user.id,
      senderName,
      content,
    });
    if (!message) {
      // The room was deleted meanwhile.
      await giveBack();
      throw notFound("room");
    }
    return { message, agents, room, budget, senderName };
  });
  // The agents start deciding now, while the response goes out: after() only keeps the work
  // alive past the response (on a serverless platform the function stays up for it).
  const decided = onHumanMessage(
    id,
    { id: user.id, name: senderName },
    content,
    new Date(message.createdAt),
    {
      agents,
      room,
      prepaid: true,
    },
  ).catch((error) => console.error("orchestration failed", error));
  after(decided);
  return NextResponse.json({ message, budget }, { status: 201 });
});
