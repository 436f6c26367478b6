import { NextResponse } from "next/server";
import { ChatError } from "@/lib/chat/errors";
import { joinByInvite } from "@/lib/chat/rooms";
import { handler } from "@/lib/chat/route-helpers";

type Params = { code: string };

/** Joining through an invite is a same-origin JSON POST from the invite page, never a GET. */
export const POST = handler<Params>(async (_req, user, { code }) => {
  const roomId = await joinByInvite(code, user.id);
  if (!roomId)
    throw new ChatError(
      404,
      "not_found:invite",
      "This invite link is not valid. Ask the room's owner for a new one.",
    );
  return NextResponse.json({ roomId });
});
