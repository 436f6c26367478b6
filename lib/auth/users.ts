import "server-only";
import { randomInt } from "node:crypto";
import { getDb } from "@/lib/db/client";
import { dummyHash, hashPassword, verifyPassword } from "./password";
import type { Registration } from "./schemas";

export interface SessionUser {
  id: string;
  name: string | null;
  email: string | null;
  isGuest: boolean;
}

const toSessionUser = (u: { id: string; name: string | null; email: string | null; isGuest: boolean }) => ({
  id: u.id,
  name: u.name,
  email: u.email,
  isGuest: u.isGuest,
});

export async function createGuestUser(): Promise<SessionUser> {
  const user = await getDb().user.create({
    data: { name: `Guest ${randomInt(1000, 10000)}`, isGuest: true },
  });
  return toSessionUser(user);
}

export type RegisterResult = { ok: true; user: SessionUser } | { ok: false; reason: "email_taken" };

/** A guest who registers keeps their user row (and so their rooms); otherwise a new user is made. */
export async function registerUser(input: Registration, guestId?: string | null): Promise<RegisterResult> {
  const db = getDb();
  if (await db.user.findUnique({ where: { email: input.email } }))
    return { ok: false, reason: "email_taken" };
  const passwordHash = await hashPassword(input.password);
  const guest = guestId ? await db.user.findFirst({ where: { id: guestId, isGuest: true } }) : null;
  const data = { email: input.email, name: input.name, passwordHash, isGuest: false };
  try {
    const user = guest
      ? await db.user.update({ where: { id: guest.id }, data })
      : await db.user.create({ data });
    return { ok: true, user: toSessionUser(user) };
  } catch (error) {
    // Two registrations racing for one email: the unique index decides.
    if (error instanceof Error && "code" in error && error.code === "P2002")
      return { ok: false, reason: "email_taken" };
    throw error;
  }
}

/** Every attempt runs one scrypt check, against a dummy hash for unknown e-mails: equal timing. */
export async function authenticate(email: string, password: string): Promise<SessionUser | null> {
  const user = await getDb().user.findUnique({ where: { email } });
  const ok = await verifyPassword(password, user?.passwordHash ?? (await dummyHash()));
  return ok && user?.passwordHash ? toSessionUser(user) : null;
}

export async function findUser(id: string): Promise<SessionUser | null> {
  const user = await getDb().user.findUnique({ where: { id } });
  return user ? toSessionUser(user) : null;
}
