import type { NextConfig } from "next";
import { devOrigins } from "./lib/config/dev-origins";

const nextConfig: NextConfig = {
  // Native or Node-only packages stay outside the bundle.
  serverExternalPackages: [
    "@libsql/client",
    "libsql",
    "@prisma/adapter-libsql",
    "@prisma/adapter-pg",
    "pg",
    "ws",
  ],
  poweredByHeader: false,
  // `npm run dev` opened at 127.0.0.1 or from another machine on the network must hydrate too.
  allowedDevOrigins: devOrigins(),
  async headers() {
    // Pages also get a nonce-based CSP (with frame-ancestors 'none') from proxy.ts.
    return [
      {
        source: "/:path*",
        headers: [
          { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
          { key: "X-Frame-Options", value: "DENY" },
          { key: "X-Content-Type-Options", value: "nosniff" },
        ],
      },
    ];
  },
};

export default nextConfig;
