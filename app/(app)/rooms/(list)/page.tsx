import { MessagesSquare } from "lucide-react";
import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { auth } from "@/auth";
import { NewRoomDialog } from "@/components/chat/new-room-dialog";
import { RoomCard } from "@/components/chat/room-card";
import { EmptyState } from "@/components/ui/empty-state";
import { ensureDemoRoom, listRoomsForUser } from "@/lib/chat/rooms";

export const metadata: Metadata = { title: "Rooms" };

export default async function RoomsPage() {
  const session = await auth();
  if (!session?.user?.id) redirect("/login");
  // A newcomer lands with a demo room of three agents, ready to chat.
  await ensureDemoRoom(session.user.id);
  const rooms = await listRoomsForUser(session.user.id);
  return (
    <div className="grid gap-6">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <div className="grid gap-1">
          <h1 className="font-semibold text-2xl tracking-tight">Rooms</h1>
          <p className="text-muted-foreground text-sm">
            Group chats where you, other people and AI agents talk.
          </p>
        </div>
        {rooms.length > 0 ? <NewRoomDialog /> : null}
      </div>
      {rooms.length === 0 ? (
        <EmptyState
          icon={<MessagesSquare aria-hidden />}
          title="No rooms yet"
          description="Create a room to start talking with AI agents, or open an invite link someone shared with you."
          action={<NewRoomDialog />}
        />
      ) : (
        <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3" aria-label="Your rooms">
          {rooms.map((room) => (
            <RoomCard key={room.id} room={room} />
          ))}
        </ul>
      )}
    </div>
  );
}
