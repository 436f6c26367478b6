import { NextResponse } from "next/server";
import { notFound } from "@/lib/chat/errors";
import { requireOwner } from "@/lib/chat/membership";
import { getRoomDetail } from "@/lib/chat/room-detail";
import { deleteRoom, renameRoom } from "@/lib/chat/rooms";
import { handler, parseJson } from "@/lib/chat/route-helpers";
import { roomNameSchema } from "@/lib/chat/schemas";

type Params = { id: string };

export const GET = handler<Params>(async (_req, user, { id }) => {
  const detail = await getRoomDetail(id, user.id);
  if (!detail) throw notFound("room");
  return NextResponse.json(detail);
});

export const PATCH = handler<Params>(async (req, user, { id }) => {
  const { name } = await parseJson(req, roomNameSchema);
  await requireOwner(id, user.id);
  await renameRoom(id, name);
  return NextResponse.json({ room: { id, name } });
});

export const DELETE = handler<Params>(async (_req, user, { id }) => {
  await requireOwner(id, user.id);
  await deleteRoom(id);
  return new Response(null, { status: 204 });
});
