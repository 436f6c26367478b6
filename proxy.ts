import NextAuth from "next-auth";
import { authConfig } from "@/auth.config";

const { auth } = NextAuth(authConfig);

// Redirects signed-out visitors of protected pages to /login (with a callbackUrl).
export default auth;

export const config = {
  matcher: ["/((?!api|v1|_next/static|_next/image|favicon.ico|.*\\.(?:png|svg|ico|woff2)$).*)"],
};
