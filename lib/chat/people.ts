import "server-only";
import { getDb } from "@/lib/db/client";
import { roomBus } from "./bus";
import { roomMembers } from "./room-detail";

/**
 * A person's display name as others see it. The database is the truth: the session
 * token keeps the name from sign-in, so a rename in Settings would not reach it.
 */
export async function displayNameOf(user: { id: string; name: string }): Promise<string> {
  const row = await getDb().user.findUnique({ where: { id: user.id }, select: { name: true } });
  return nameOrFallback(row?.name, user.name);
}

/** A stored display name, or the session's name when none is set. */
export function nameOrFallback(stored: string | null | undefined, fallback: string): string {
  return stored?.trim() || fallback;
}

/** Renames a person and tells every room they are in, so the member lists update at once. */
export async function setDisplayName(userId: string, name: string): Promise<void> {
  const db = getDb();
  await db.user.update({ where: { id: userId }, data: { name } });
  const rooms = await db.roomMember.findMany({ where: { userId }, select: { roomId: true } });
  await Promise.all(
    rooms.map(async ({ roomId }) =>
      roomBus().publish(roomId, { type: "presence", members: await roomMembers(roomId) }),
    ),
  );
}
