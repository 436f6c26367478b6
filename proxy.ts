import { NextResponse } from "next/server";
import NextAuth from "next-auth";
import { authConfig, isPublicPath } from "@/auth.config";
import { contentSecurityPolicy, socketOrigins } from "@/lib/http/csp";

const { auth } = NextAuth(authConfig);

const connect = [
  ...socketOrigins(process.env.HUMALIKE_API_URL),
  ...socketOrigins(process.env.ENGINE_PUBLIC_WS_URL),
];
const formActions =
  process.env.AUTH_GITHUB_ID && process.env.AUTH_GITHUB_SECRET ? ["https://github.com"] : [];

/**
 * Every page: signed-out visitors of protected pages go to /login with a relative callbackUrl
 * (Auth.js's own redirect uses an absolute one, which the sign-in redirect check refuses), and
 * each response gets a nonce-based CSP that Next applies to its scripts.
 */
export default auth((req) => {
  const { pathname, search } = req.nextUrl;
  if (!req.auth?.user && !isPublicPath(pathname)) {
    const login = new URL("/login", req.nextUrl);
    login.search = `?callbackUrl=${encodeURIComponent(pathname + search)}`;
    return NextResponse.redirect(login);
  }
  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
  const csp = contentSecurityPolicy({
    nonce,
    dev: process.env.NODE_ENV !== "production",
    connect,
    formActions,
  });
  const headers = new Headers(req.headers);
  headers.set("x-nonce", nonce);
  headers.set("content-security-policy", csp);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("content-security-policy", csp);
  return response;
});

export const config = {
  matcher: ["/((?!api|v1|_next/static|_next/image|favicon.ico|.*\\.(?:png|svg|ico|woff2)$).*)"],
};
