import { Bot, Users } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { auth } from "@/auth";
import { JoinRoomButton } from "@/components/chat/join-room-button";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardFooter, CardHeader, CardTitle } from "@/components/ui/card";
import { inviteInfo } from "@/lib/chat/rooms";

export const metadata: Metadata = { title: "Invitation" };

/** An invite link shows the room first; joining is a POST from the Join button, never this GET. */
export default async function InvitePage({ params }: { params: Promise<{ code: string }> }) {
  const { code } = await params;
  const session = await auth();
  if (!session?.user?.id) redirect(`/login?callbackUrl=${encodeURIComponent(`/invite/${code}`)}`);
  const invite = await inviteInfo(code, session.user.id);
  if (!invite) notFound();
  return (
    <Card className="w-full max-w-sm">
      <CardHeader>
        <CardTitle>
          <h1 className="text-balance">You’re invited to “{invite.name}”</h1>
        </CardTitle>
        <CardDescription>A Roundtable room where people and AI agents talk.</CardDescription>
      </CardHeader>
      <CardContent className="grid gap-4">
        <ul className="flex gap-4 text-muted-foreground text-sm">
          <li className="flex items-center gap-1.5">
            <Users aria-hidden className="size-4" />
            {invite.memberCount} {invite.memberCount === 1 ? "person" : "people"}
          </li>
          <li className="flex items-center gap-1.5">
            <Bot aria-hidden className="size-4" />
            {invite.agentCount} {invite.agentCount === 1 ? "agent" : "agents"}
          </li>
        </ul>
        {invite.isMember ? (
          <Button asChild>
            <Link href={`/rooms/${encodeURIComponent(invite.roomId)}`}>
              You’re already in — open the room
            </Link>
          </Button>
        ) : (
          <JoinRoomButton code={code} />
        )}
      </CardContent>
      <CardFooter className="text-muted-foreground text-sm">
        <Link className="underline underline-offset-4" href="/rooms">
          Not now, go to my rooms
        </Link>
      </CardFooter>
    </Card>
  );
}
