import type { NextAuthConfig } from "next-auth";

export const PUBLIC_PATHS = ["/", "/login", "/register"];

export const isPublicPath = (pathname: string) =>
  PUBLIC_PATHS.includes(pathname) || pathname.startsWith("/api/auth");

/** The part of the Auth.js config the proxy can use: no database, no providers. */
export const authConfig = {
  pages: { signIn: "/login" },
  session: { strategy: "jwt" },
  providers: [],
  logger: {
    // A wrong password is the user's mistake, not the server's: one line, no stack trace.
    error(error) {
      // `type` survives minification; class names do not.
      if ((error as { type?: string }).type === "CredentialsSignin")
        console.warn(
          (error as { code?: string }).code === "throttled"
            ? "[auth] sign-in refused: too many failed attempts"
            : "[auth] sign-in refused: wrong email or password",
        );
      else console.error("[auth]", error);
    },
  },
  callbacks: {
    authorized({ auth, request }) {
      return isPublicPath(request.nextUrl.pathname) || Boolean(auth?.user);
    },
    jwt({ token, user }) {
      if (user) {
        token.id = user.id;
        token.isGuest = (user as { isGuest?: boolean }).isGuest ?? false;
      }
      return token;
    },
    session({ session, token }) {
      if (session.user) {
        session.user.id = String(token.id ?? token.sub);
        session.user.isGuest = Boolean(token.isGuest);
      }
      return session;
    },
  },
} satisfies NextAuthConfig;
