// `npm run test:vercel`: builds the app as Vercel does (`vercel build`, output in .vercel/output),
// offline. The CLI is pinned (newer ones do not install from this registry) and installed on first use
// into a folder of its own, so it adds nothing to `npm ci`. A project linked with `vercel link` keeps its own settings.
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

const VERCEL = "vercel@58.10.0";
const root = path.resolve(import.meta.dirname, "..");
const projectFile = path.join(root, ".vercel", "project.json");

if (!existsSync(projectFile)) {
  mkdirSync(path.dirname(projectFile), { recursive: true });
  const settings = {
    projectId: "prj_roundtable_local",
    orgId: "team_roundtable_local",
    settings: { framework: "nextjs" },
  };
  writeFileSync(projectFile, `${JSON.stringify(settings)}\n`);
  console.log("> wrote .vercel/project.json for an offline build (vercel link replaces it)");
}

// The CLI lives in a folder of its own, outside the project: its install must not touch our lock file,
// and npm's project-scoped settings (strict allowScripts) are not meant for it.
const cliDir = path.join(tmpdir(), `roundtable-${VERCEL.replace("@", "-")}`);
const cli = path.join(cliDir, "node_modules", ".bin", "vercel");
if (!existsSync(cli)) {
  mkdirSync(cliDir, { recursive: true });
  execFileSync("npm", ["install", "--no-save", "--no-audit", "--no-fund", "--ignore-scripts", VERCEL], {
    cwd: cliDir,
    stdio: "inherit",
  });
}
const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith("npm_")));
execFileSync(cli, ["build", "--yes"], {
  cwd: root,
  stdio: "inherit",
  env: { ...env, NEXT_TELEMETRY_DISABLED: "1", VERCEL_TELEMETRY_DISABLED: "1" },
});
if (!existsSync(path.join(root, ".vercel", "output", "config.json"))) {
  console.error("vercel build finished without .vercel/output/config.json");
  process.exit(1);
}
console.log("> vercel build: .vercel/output is ready");
