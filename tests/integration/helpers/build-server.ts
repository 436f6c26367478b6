// Vitest globalSetup for the integration project: the tests start the servers as production
// runs them, compiled to dist/ (quick: esbuild, a fraction of a second).
import { execFileSync } from "node:child_process";
import path from "node:path";

export default function setup(): void {
  const root = path.resolve(__dirname, "..", "..", "..");
  execFileSync(process.execPath, [path.join(root, "scripts", "build-server.mjs")], {
    cwd: root,
    stdio: "inherit",
  });
}
