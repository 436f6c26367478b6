import { spawnSync } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT, tempSqliteUrl } from "./helpers/processes";

const databaseUrl = tempSqliteUrl("keys-cli");

/** The CLI as a person runs it, in its own process (so its exit status is the real one). */
function keys(...args: string[]) {
  return spawnSync(
    process.execPath,
    ["--import", "tsx", path.join("lib", "engine", "cli", "keys.ts"), ...args],
    {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: databaseUrl },
      encoding: "utf8",
    },
  );
}

describe("npm run engine:keys", () => {
  it("creates, lists and revokes keys, and exits with a status that says how it went", () => {
    const created = [1, 2, 3].map((n) => keys("create", "--name", `service-${n}`, "--credits", "50"));
    for (const result of created) {
      expect(result.status).toBe(0);
      expect(result.stdout.trim()).toMatch(/^ak_[A-Za-z0-9_-]{20,}$/);
      expect(result.stderr).not.toMatch(/panicked/);
    }
    const list = keys("list");
    expect(list.status).toBe(0);
    expect(list.stdout.trim().split("\n")).toHaveLength(3);
    expect(list.stdout).toContain("50 credits\tactive");
    // Only a prefix of each key is ever shown again.
    for (const result of created) expect(list.stdout).not.toContain(result.stdout.trim());

    expect(keys("revoke", created[0]!.stdout.trim()).status).toBe(0);
    expect(keys("list").stdout).toContain("\trevoked");
    expect(keys("revoke", "key_doesnotexist").status).toBe(1);
    expect(keys("create").status).toBe(2);
    expect(keys("nonsense").status).toBe(2);
  });
});
