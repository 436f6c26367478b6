import { PrismaAdapter } from "@auth/prisma-adapter";
import NextAuth, { type DefaultSession } from "next-auth";
import type { Provider } from "next-auth/providers";
import Credentials from "next-auth/providers/credentials";
import GitHub from "next-auth/providers/github";
import { authConfig } from "@/auth.config";
import { credentialsSchema } from "@/lib/auth/schemas";
import { authenticate, createGuestUser } from "@/lib/auth/users";
import { getDb } from "@/lib/db/client";

declare module "next-auth" {
  interface Session {
    user: { id: string; isGuest: boolean } & DefaultSession["user"];
  }
}

const providers: Provider[] = [
  Credentials({
    id: "credentials",
    name: "Email and password",
    credentials: { email: { type: "email" }, password: { type: "password" } },
    async authorize(raw) {
      const parsed = credentialsSchema.safeParse(raw);
      if (!parsed.success) return null;
      return authenticate(parsed.data.email, parsed.data.password);
    },
  }),
  Credentials({
    id: "guest",
    name: "Guest",
    credentials: {},
    authorize: () => createGuestUser(),
  }),
];
if (process.env.AUTH_GITHUB_ID && process.env.AUTH_GITHUB_SECRET) providers.push(GitHub);

export const githubEnabled = () => Boolean(process.env.AUTH_GITHUB_ID && process.env.AUTH_GITHUB_SECRET);

export const { handlers, auth, signIn, signOut } = NextAuth({
  ...authConfig,
  adapter: PrismaAdapter(getDb()),
  providers,
});
