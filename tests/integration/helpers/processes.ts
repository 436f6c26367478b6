import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";

export const ROOT = path.resolve(__dirname, "..", "..", "..");

/** What production runs: the entry points compiled by scripts/build-server.mjs (the integration globalSetup builds them). */
const COMPILED: Record<string, string> = {
  "server.ts": "dist/server.js",
  "lib/engine/main.ts": "dist/engine.js",
  "lib/engine/cli/keys.ts": "dist/engine-keys.js",
};

export function compiledEntry(entry: string): string {
  const file = COMPILED[entry];
  if (!file) throw new Error(`no compiled entry point for ${entry}: add it to scripts/build-server.mjs`);
  return path.join(ROOT, file);
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() =>
        typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port")),
      );
    });
  });
}

export function tempSqliteUrl(name = "test"): string {
  const dir = mkdtempSync(path.join(tmpdir(), "roundtable-"));
  return `file:${path.join(dir, `${name}.db`)}`;
}

export interface RunningProcess {
  child: ChildProcess;
  port: number;
  baseUrl: string;
  output: () => string;
  stop: (signal?: NodeJS.Signals) => Promise<number | null>;
}

/** Starts an entry point (server.ts, lib/engine/main.ts) as compiled for production and waits for its ready line. */
export async function startProcess(
  entry: string,
  env: Record<string, string | undefined>,
  ready = /ready on|engine on/i,
  timeoutMs = 90_000,
): Promise<RunningProcess> {
  return startCommand([compiledEntry(entry)], env, ready, timeoutMs);
}

/** The app as `next start` runs it (no custom server, no embedded engine), as on Vercel or behind a load balancer. */
export async function startNextApp(
  env: Record<string, string | undefined>,
  timeoutMs = 90_000,
): Promise<RunningProcess> {
  const port = Number(env.PORT ?? (await freePort()));
  const next = path.join(ROOT, "node_modules", "next", "dist", "bin", "next");
  return startCommand(
    [next, "start", "-p", String(port), "-H", "127.0.0.1"],
    { ...env, PORT: String(port) },
    /ready/i,
    timeoutMs,
  );
}

/** Runs `node ARGS` with the app's environment and waits for its ready line. */
async function startCommand(
  args: string[],
  env: Record<string, string | undefined>,
  ready: RegExp,
  timeoutMs: number,
): Promise<RunningProcess> {
  const label = path.basename(args[0] ?? "node");
  const port = Number(env.PORT ?? env.ENGINE_PORT ?? (await freePort()));
  const child = spawn(process.execPath, ["--enable-source-maps", ...args], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(port), ENGINE_PORT: String(port), HOST: "127.0.0.1", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  child.stdout?.on("data", (d) => {
    out += d;
  });
  child.stderr?.on("data", (d) => {
    out += d;
  });
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`${label} not ready in ${timeoutMs} ms:\n${out}`)),
      timeoutMs,
    );
    const check = () => {
      if (ready.test(out)) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout?.on("data", check);
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`${label} exited with ${code}:\n${out}`));
    });
  });
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  return {
    child,
    port,
    baseUrl: `http://127.0.0.1:${port}`,
    output: () => out,
    async stop(signal = "SIGTERM") {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return exited;
    },
  };
}

/** Runs the key CLI against a database and returns the printed key. */
export function createKeyWithCli(databaseUrl: string, name: string, extra: string[] = []): string {
  const result = spawnSync(
    process.execPath,
    [compiledEntry("lib/engine/cli/keys.ts"), "create", "--name", name, ...extra],
    {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: databaseUrl },
      encoding: "utf8",
    },
  );
  if (result.status !== 0) throw new Error(`key CLI failed: ${result.stderr}`);
  return result.stdout.trim();
}

export function revokeKeyWithCli(databaseUrl: string, key: string): void {
  const result = spawnSync(process.execPath, [compiledEntry("lib/engine/cli/keys.ts"), "revoke", key], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: databaseUrl },
    encoding: "utf8",
  });
  if (result.status !== 0) throw new Error(`key CLI failed: ${result.stderr}`);
}

/** `npm run db:migrate` as a deploy's release step runs it (compiled). */
export function migrateWithCli(databaseUrl: string): void {
  const result = spawnSync(process.execPath, [path.join(ROOT, "dist", "migrate.js")], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: databaseUrl },
    encoding: "utf8",
  });
  if (result.status !== 0) throw new Error(`db:migrate failed: ${result.stderr}${result.stdout}`);
}
