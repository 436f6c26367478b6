import { PrismaAdapter } from "@auth/prisma-adapter";
import NextAuth, { CredentialsSignin, type DefaultSession } from "next-auth";
import type { Provider } from "next-auth/providers";
import Credentials from "next-auth/providers/credentials";
import GitHub from "next-auth/providers/github";
import { authConfig } from "@/auth.config";
import { credentialsSchema } from "@/lib/auth/schemas";
import { guardSignIn } from "@/lib/auth/sign-in-throttle";
import { authenticate, createGuestUser } from "@/lib/auth/users";
import { getDb } from "@/lib/db/client";
import { clientIp } from "@/lib/http/client-ip";

declare module "next-auth" {
  interface Session {
    user: { id: string; isGuest: boolean } & DefaultSession["user"];
  }
}

/** Too many failed sign-ins for this e-mail or IP (the redirect carries `code=throttled`). */
export class SignInThrottled extends CredentialsSignin {
  code = "throttled";
}

const providers: Provider[] = [
  Credentials({
    id: "credentials",
    name: "Email and password",
    credentials: { email: { type: "email" }, password: { type: "password" } },
    async authorize(raw, request) {
      const parsed = credentialsSchema.safeParse(raw);
      if (!parsed.success) return null;
      const { email, password } = parsed.data;
      const result = await guardSignIn(email, clientIp(request.headers), () => authenticate(email, password));
      if (result.status === "throttled") throw new SignInThrottled();
      return result.status === "ok" ? result.user : null;
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
