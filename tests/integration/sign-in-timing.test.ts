import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hashPassword } from "@/lib/auth/password";
import { createDb } from "@/lib/db/client";
import { type RunningProcess, startProcess, tempSqliteUrl } from "./helpers/processes";
import { HttpSession } from "./helpers/session";

// The acceptance check that sign-in does not reveal which e-mails have accounts: an unknown
// e-mail is answered as slowly as a known one with a wrong password (one scrypt check each).
let app: RunningProcess;
const databaseUrl = tempSqliteUrl("sign-in-timing");

beforeAll(async () => {
  app = await startProcess("server.ts", {
    NODE_ENV: "production",
    DATABASE_URL: databaseUrl,
    AUTH_SECRET: "timing-test-secret",
    // Many failures on purpose: the throttle is tested in app-safety.
    AUTH_FAILURES_PER_ACCOUNT: "100000",
    AUTH_FAILURES_PER_IP: "100000",
  });
  const db = createDb(databaseUrl);
  await db.user.create({
    data: { email: "known@example.com", name: "Known", passwordHash: await hashPassword("the right one") },
  });
  await db.$disconnect();
});

afterAll(async () => {
  await app?.stop();
});

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
};

async function timedSignIn(session: HttpSession, email: string): Promise<number> {
  const csrf = (await (await session.fetch("/api/auth/csrf")).json()) as { csrfToken: string };
  const body = new URLSearchParams({
    csrfToken: csrf.csrfToken,
    email,
    password: "wrong password",
    callbackUrl: "/",
  });
  const start = performance.now();
  const res = await session.fetch("/api/auth/callback/credentials", {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body,
  });
  const ms = performance.now() - start;
  expect(res.headers.get("location")).toContain("error=CredentialsSignin");
  return ms;
}

describe("sign-in timing", () => {
  it("answers unknown and known e-mails within 20% of each other", async () => {
    const session = new HttpSession(app.baseUrl);
    const unknown = () => `nobody-${randomUUID()}@example.com`;
    // Warm up both paths (JIT, the dummy hash, the database connection).
    for (let i = 0; i < 3; i++) {
      await timedSignIn(session, unknown());
      await timedSignIn(session, "known@example.com");
    }
    const known: number[] = [];
    const unknownTimes: number[] = [];
    // Interleaved, so a slow moment on the shared machine hits both series alike.
    for (let i = 0; i < 15; i++) {
      unknownTimes.push(await timedSignIn(session, unknown()));
      known.push(await timedSignIn(session, "known@example.com"));
    }
    const [k, u] = [median(known), median(unknownTimes)];
    console.log(`sign-in median: known e-mail ${k.toFixed(1)} ms, unknown e-mail ${u.toFixed(1)} ms`);
    expect(Math.abs(k - u) / Math.max(k, u)).toBeLessThanOrEqual(0.2);
    // Both paths really ran scrypt (tens of milliseconds), rather than both being fast.
    expect(Math.min(k, u)).toBeGreaterThan(20);
  });
});
