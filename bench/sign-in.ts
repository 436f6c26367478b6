// Does checking passwords block other requests? GET /api/rooms latency alone, then during a
// flood of wrong-password sign-ins (throttle off, so every attempt runs scrypt).
// Usage: npm run build && npm run bench:sign-in
import { hashPassword } from "@/lib/auth/password";
import { createDb } from "@/lib/db/client";
import { startProcess, tempSqliteUrl } from "../tests/integration/helpers/processes";
import { HttpSession } from "../tests/integration/helpers/session";
import { fmt, summarize, table } from "./lib/stats";

const READS = Number(process.env.BENCH_READS ?? 150);
const FLOODERS = Number(process.env.BENCH_FLOODERS ?? 16);

async function timeReads(session: HttpSession, n: number): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const start = performance.now();
    const res = await session.fetch("/api/rooms");
    await res.arrayBuffer();
    out.push(performance.now() - start);
  }
  return out;
}

async function main() {
  const databaseUrl = tempSqliteUrl("bench-sign-in");
  const app = await startProcess("server.ts", {
    NODE_ENV: "production",
    DATABASE_URL: databaseUrl,
    AUTH_SECRET: "bench-sign-in-secret",
    AUTH_FAILURES_PER_ACCOUNT: "10000000",
    AUTH_FAILURES_PER_IP: "10000000",
    // Compare caps: AUTH_SCRYPT_CONCURRENCY=4 lets the flood take the whole threadpool.
    ...(process.env.AUTH_SCRYPT_CONCURRENCY
      ? { AUTH_SCRYPT_CONCURRENCY: process.env.AUTH_SCRYPT_CONCURRENCY }
      : {}),
  });
  try {
    const db = createDb(databaseUrl);
    await db.user.create({
      data: { email: "known@example.com", name: "Known", passwordHash: await hashPassword("right password") },
    });
    await db.$disconnect();

    const reader = new HttpSession(app.baseUrl);
    await reader.signInAsGuest();
    await timeReads(reader, 20); // warm-up
    const alone = await timeReads(reader, READS);

    let stop = false;
    const signIns: number[] = [];
    const flood = Array.from({ length: FLOODERS }, async (_, i) => {
      const s = new HttpSession(app.baseUrl);
      const { csrfToken } = (await (await s.fetch("/api/auth/csrf")).json()) as { csrfToken: string };
      while (!stop) {
        const email = i % 2 === 0 ? "known@example.com" : `nobody${i}@example.com`;
        const start = performance.now();
        const res = await s.fetch("/api/auth/callback/credentials", {
          method: "POST",
          headers: { "content-type": "application/x-www-form-urlencoded" },
          body: new URLSearchParams({ csrfToken, email, password: "wrong password", callbackUrl: "/" }),
        });
        await res.arrayBuffer();
        signIns.push(performance.now() - start);
      }
    });
    await new Promise((r) => setTimeout(r, 1000)); // let the flood fill the queue
    const floodStart = performance.now();
    const during = await timeReads(reader, READS);
    const floodSeconds = (performance.now() - floodStart) / 1000;
    stop = true;
    await Promise.all(flood);

    const row = (name: string, samples: number[]) => {
      const s = summarize(samples);
      return [name, s.n, fmt(s.p50, 1), fmt(s.p99, 1), fmt(s.max, 1)];
    };
    const cap = process.env.AUTH_SCRYPT_CONCURRENCY ?? "default";
    console.log(
      `\n## Sign-in benchmark (${FLOODERS} clients sending wrong passwords, throttle off, scrypt cap ${cap})\n`,
    );
    console.log(
      table(
        ["measure", "n", "median ms", "p99 ms", "max ms"],
        [
          row("GET /api/rooms, no sign-ins", alone),
          row(`GET /api/rooms during the flood`, during),
          row("wrong-password sign-in during the flood", signIns),
        ],
      ),
    );
    console.log(`\nsign-ins answered: ${(signIns.length / floodSeconds).toFixed(1)}/s during the read run`);
  } finally {
    await app.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
