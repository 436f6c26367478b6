import { apiClient } from "./api";
import { createKeyWithCli, freePort, type RunningProcess, startProcess, tempSqliteUrl } from "./processes";

export const GRANT_SECRET = "integration-test-grant-secret";

/** A standalone engine process on a fresh SQLite file, plus keys made with the real CLI. */
export async function startEngine(
  databaseUrl = tempSqliteUrl("engine"),
  port?: number,
  env: Record<string, string> = {},
) {
  const proc = await startProcess("lib/engine/main.ts", {
    DATABASE_URL: databaseUrl,
    ENGINE_PORT: String(port ?? (await freePort())),
    ENGINE_GRANT_SECRET: GRANT_SECRET,
    ENGINE_INITIAL_CREDITS: "100000",
    ENGINE_WS_PING_MS: "1000",
    ENGINE_SILENCE_MS: "1500",
    ...env,
  });
  return { proc, databaseUrl };
}

export function keyFor(databaseUrl: string, name: string, extra: string[] = []) {
  return createKeyWithCli(databaseUrl, name, extra);
}

export function clientFor(proc: RunningProcess, key: string | null) {
  return apiClient(proc.baseUrl, key);
}
