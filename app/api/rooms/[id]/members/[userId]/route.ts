import { roomBus } from "@/lib/chat/bus";
import { badRequest, notFound } from "@/lib/chat/errors";
import { requireOwner } from "@/lib/chat/membership";
import { roomMembers } from "@/lib/chat/room-detail";
import { removeMember } from "@/lib/chat/rooms";
import { handler } from "@/lib/chat/route-helpers";

type Params = { id: string; userId: string };

/** The owner removes a member from the room. */
export const DELETE = handler<Params>(async (_req, user, { id, userId }) => {
  await requireOwner(id, user.id);
  if (userId === user.id) throw badRequest("The owner cannot leave their own room; delete it instead.");
  if (!(await removeMember(id, userId))) throw notFound("member");
  roomBus().publish(id, { type: "presence", members: await roomMembers(id) });
  return new Response(null, { status: 204 });
});
