import { NextResponse } from "next/server";
import { requireOwner } from "@/lib/chat/membership";
import { resetInvite } from "@/lib/chat/rooms";
import { handler } from "@/lib/chat/route-helpers";

type Params = { id: string };

/** The owner resets the invite link; the old link stops working. */
export const POST = handler<Params>(async (_req, user, { id }) => {
  await requireOwner(id, user.id);
  return NextResponse.json({ inviteUrl: await resetInvite(id) });
});
