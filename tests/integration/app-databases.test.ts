import { afterAll, describe, expect, it } from "vitest";
import { createDb } from "@/lib/db/client";
import { action, apiClient } from "./helpers/api";
import { freshPostgres } from "./helpers/postgres";
import { createKeyWithCli, type RunningProcess, startProcess, tempSqliteUrl } from "./helpers/processes";
import { HttpSession } from "./helpers/session";

const cleanups: (() => Promise<unknown>)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

async function roundTrip(databaseUrl: string) {
  const server: RunningProcess = await startProcess("server.ts", {
    NODE_ENV: "production",
    DATABASE_URL: databaseUrl,
    AUTH_SECRET: "integration-auth-secret",
  });
  cleanups.push(() => server.stop());

  // A user row written through the app...
  const person = new HttpSession(server.baseUrl);
  await person.signInAsGuest();
  const session = (
    await person.json<{ user?: { id: string; name: string; isGuest: boolean } }>("/api/auth/session")
  ).body;
  expect(session.user?.isGuest).toBe(true);
  expect(session.user?.name).toMatch(/^Guest \d{4}$/);
  // ...reads back from the database directly.
  const db = createDb(databaseUrl);
  cleanups.push(() => db.$disconnect());
  const row = await db.user.findUnique({ where: { id: session.user!.id } });
  expect(row).toMatchObject({ name: session.user!.name, isGuest: true });

  // The embedded engine serves under /v1 of the same process, on the same database.
  const key = createKeyWithCli(databaseUrl, "db-test");
  const call = apiClient(server.baseUrl, key);
  const opened = await call<{ thread: { id: string } }>(action("open_thread"));
  expect(opened.status).toBe(200);
  const submitted = await call(action("submit_messages"), {
    thread_id: opened.body.thread.id,
    messages: [{ sender: "Ana", content: "hello there" }],
  });
  expect(submitted.body.turn_epoch).toBe(1);

  // Pages are served by Next from the same process; protected ones redirect.
  const rooms = await fetch(`${server.baseUrl}/rooms`, { redirect: "manual" });
  expect(rooms.status).toBe(307);
  expect(rooms.headers.get("location")).toMatch(/\/login\?callbackUrl=/);

  // Graceful shutdown: SIGTERM drains and exits cleanly.
  expect(await server.stop("SIGTERM")).toBe(0);
}

describe("the app on each database", () => {
  it("starts on SQLite, migrates, and round-trips a user row", async () => {
    await roundTrip(tempSqliteUrl("app"));
  });

  it("starts on Postgres, migrates, and round-trips a user row", async (ctx) => {
    const database = await freshPostgres();
    if (!database) return ctx.skip();
    cleanups.push(database.drop);
    await roundTrip(database.url);
  });
});
