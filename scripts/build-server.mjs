// Compiles the Node entry points (custom server, standalone engine, keys CLI and the
// engine's worker threads) to plain JavaScript in dist/, so production runs no tsx.
// Packages stay external: they are installed next to the build, as Next's own are.
import { rmSync } from "node:fs";
import path from "node:path";
import { build } from "esbuild";

const root = path.resolve(import.meta.dirname, "..");
const outdir = path.join(root, "dist");

// Workers are started by file name from the bundle's own folder (lib/engine/store/start-worker.ts).
const entryPoints = {
  server: "server.ts",
  engine: "lib/engine/main.ts",
  "engine-keys": "lib/engine/cli/keys.ts",
  migrate: "scripts/migrate.ts",
  "sqlite-writer-worker": "lib/engine/store/sqlite-writer-worker.ts",
  "sqlite-checkpoint-worker": "lib/engine/store/sqlite-checkpoint-worker.ts",
};

rmSync(outdir, { recursive: true, force: true });
const started = Date.now();
await build({
  absWorkingDir: root,
  entryPoints,
  outdir,
  bundle: true,
  platform: "node",
  target: "node20",
  format: "cjs",
  packages: "external",
  sourcemap: true,
  logLevel: "warning",
  // `server-only` throws outside React's server condition; these entry points are server code by definition.
  alias: { "server-only": path.join(root, "scripts", "server-only-noop.cjs") },
  // The generated Prisma clients are ES modules that read import.meta.url; CommonJS output has __filename.
  define: { "import.meta.url": "__import_meta_url" },
  banner: { js: 'const __import_meta_url = require("node:url").pathToFileURL(__filename).href;' },
});
console.log(
  `> compiled ${Object.keys(entryPoints).length} entry points to dist/ in ${Date.now() - started} ms`,
);
