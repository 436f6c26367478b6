import { NextResponse } from "next/server";
import { auth } from "@/auth";
import { joinByInvite } from "@/lib/chat/rooms";

/** An invite link: sign in if needed, join the room, land in it. */
export async function GET(req: Request, { params }: { params: Promise<{ code: string }> }) {
  const { code } = await params;
  const session = await auth();
  const url = new URL(req.url);
  if (!session?.user?.id) {
    return NextResponse.redirect(new URL(`/login?callbackUrl=${encodeURIComponent(url.pathname)}`, url));
  }
  const roomId = await joinByInvite(code, session.user.id);
  return NextResponse.redirect(new URL(roomId ? `/rooms/${roomId}` : "/rooms?invite=invalid", url));
}
