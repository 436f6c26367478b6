// Benchmarks measure what production runs: the compiled entry points (scripts/build-server.mjs),
// and for the app also Next's production build, built here when it is missing.
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";

export const ROOT = path.resolve(__dirname, "..", "..");

export function compiled(name: "server" | "engine"): string {
  execFileSync(process.execPath, [path.join(ROOT, "scripts", "build-server.mjs")], {
    cwd: ROOT,
    stdio: "inherit",
  });
  if (name === "server" && !existsSync(path.join(ROOT, ".next", "BUILD_ID"))) {
    console.error("> no production build of the app yet: running next build");
    execFileSync(path.join(ROOT, "node_modules", ".bin", "next"), ["build"], {
      cwd: ROOT,
      stdio: "inherit",
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
    });
  }
  return path.join(ROOT, "dist", `${name}.js`);
}
