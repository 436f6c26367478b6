import { agentsOf } from "@/lib/chat/agents";
import { roomBus } from "@/lib/chat/bus";
import { requireMember } from "@/lib/chat/membership";
import { nameOrFallback } from "@/lib/chat/people";
import { recordActivity } from "@/lib/chat/room-activity";
import { handler, parseJson } from "@/lib/chat/route-helpers";
import { typingSchema } from "@/lib/chat/schemas";
import { turnTaking } from "@/lib/chat/turn-taking-client";

type Params = { id: string };

/** A person typing: other people see it, and every agent's thread records it (let them finish). */
export const POST = handler<Params>(async (req, user, { id }) => {
  const { typing } = await parseJson(req, typingSchema);
  const member = await requireMember(id, user.id);
  const name = nameOrFallback(member.user.name, user.name);
  roomBus().publish(id, { type: "typing", userId: user.id, name, typing });
  const { client } = turnTaking();
  const agents = await agentsOf(id);
  await Promise.allSettled([
    recordActivity(id, typing ? "typing_start" : "typing_stop", name),
    ...agents.map((a) =>
      client.recordEvent({
        thread_id: a.threadId,
        type: typing ? "typing_start" : "typing_stop",
        sender: name,
      }),
    ),
  ]);
  return new Response(null, { status: 204 });
});
