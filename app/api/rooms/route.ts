import { NextResponse } from "next/server";
import { createRoom, ensureDemoRoom, listRoomsForUser } from "@/lib/chat/rooms";
import { handler, parseJson } from "@/lib/chat/route-helpers";
import { roomNameSchema } from "@/lib/chat/schemas";

export const GET = handler(async (_req, user) => {
  await ensureDemoRoom(user.id);
  return NextResponse.json({ rooms: await listRoomsForUser(user.id) });
});

export const POST = handler(async (req, user) => {
  const { name } = await parseJson(req, roomNameSchema);
  const id = await createRoom(user.id, name);
  const room = (await listRoomsForUser(user.id)).find((r) => r.id === id);
  return NextResponse.json({ room }, { status: 201 });
});
