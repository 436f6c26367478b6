import { NextResponse } from "next/server";
import { auth } from "@/auth";
import { joinByInvite } from "@/lib/chat/rooms";

/** Redirects on the host the person used (req.url carries the server's bind host). */
function here(req: Request, path: string): URL {
  const host = req.headers.get("x-forwarded-host") ?? req.headers.get("host") ?? new URL(req.url).host;
  const proto = req.headers.get("x-forwarded-proto") ?? new URL(req.url).protocol.replace(":", "");
  return new URL(path, `${proto}://${host}`);
}

/** An invite link: sign in if needed, join the room, land in it. */
export async function GET(req: Request, { params }: { params: Promise<{ code: string }> }) {
  const { code } = await params;
  const session = await auth();
  if (!session?.user?.id) {
    return NextResponse.redirect(here(req, `/login?callbackUrl=${encodeURIComponent(`/invite/${code}`)}`));
  }
  const roomId = await joinByInvite(code, session.user.id);
  return NextResponse.redirect(here(req, roomId ? `/rooms/${roomId}` : "/rooms?invite=invalid"));
}
