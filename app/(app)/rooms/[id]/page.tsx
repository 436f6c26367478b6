import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { cache } from "react";
import { auth } from "@/auth";
import { RoomView } from "@/components/chat/room-view";
import { getRoomDetail } from "@/lib/chat/room-detail";

interface RoomPageProps {
  params: Promise<{ id: string }>;
}

/** One lookup per request, shared by the metadata and the page. */
const loadRoom = cache(async (roomId: string) => {
  const session = await auth();
  if (!session?.user?.id) return { signedIn: false as const };
  return { signedIn: true as const, room: await getRoomDetail(roomId, session.user.id) };
});

export async function generateMetadata({ params }: RoomPageProps): Promise<Metadata> {
  const { id } = await params;
  const result = await loadRoom(id);
  return { title: result.signedIn && result.room ? result.room.name : "Room" };
}

export default async function RoomPage({ params }: RoomPageProps) {
  const { id } = await params;
  const result = await loadRoom(id);
  if (!result.signedIn) redirect("/login");
  if (!result.room) notFound();
  return <RoomView key={result.room.id} initial={result.room} />;
}
