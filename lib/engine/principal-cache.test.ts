import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { eventually } from "@/lib/testing/eventually";
import { applyMigrations } from "../db/migrations";
import { createAccount, createApiKey, revokeApiKey } from "./keys";
import { PrincipalCache } from "./principal-cache";
import { openSql, type Sql } from "./store/sql";

const opened: Sql[] = [];

async function engineDatabase() {
  const url = `file:${path.join(mkdtempSync(path.join(tmpdir(), "roundtable-keys-")), "engine.db")}`;
  await applyMigrations(url);
  const sql = openSql(url);
  opened.push(sql);
  return { url, sql };
}

/** A second connection to the same file, as the keys CLI has. */
function otherConnection(url: string) {
  const sql = openSql(url);
  opened.push(sql);
  return sql;
}

afterEach(async () => {
  await Promise.all(opened.splice(0).map((sql) => sql.close()));
});

describe("PrincipalCache", () => {
  it("authenticates a key and refuses malformed and unknown ones", async () => {
    const { sql } = await engineDatabase();
    const account = await createAccount(sql, "acme", 50);
    const { key, id } = await createApiKey(sql, account, "server");
    const cache = new PrincipalCache(sql);
    const principal = await cache.authenticate(`Bearer ${key}`);
    expect(principal).toMatchObject({ accountId: account, keyId: id, creditsBalance: 50 });
    expect(principal?.scopes.has("turn-taking")).toBe(true);
    expect(await cache.authenticate(undefined)).toBeNull();
    expect(await cache.authenticate(`Token ${key}`)).toBeNull();
    expect(await cache.authenticate(`Bearer ${key}x`)).toBeNull();
  });

  it("stops accepting a key soon after another connection revokes it", async () => {
    const { url, sql } = await engineDatabase();
    const { key } = await createApiKey(sql, await createAccount(sql, "acme", 50), "server");
    const cache = new PrincipalCache(sql);
    expect(await cache.authenticate(`Bearer ${key}`)).not.toBeNull();
    expect(await revokeApiKey(otherConnection(url), key)).toBe(true);
    expect(await eventually(async () => (await cache.authenticate(`Bearer ${key}`)) === null, 1000)).toBe(
      true,
    );
  });

  it("keeps the balance after debits and reads the real one when it runs low", async () => {
    const { sql } = await engineDatabase();
    const account = await createAccount(sql, "acme", 5);
    const { key } = await createApiKey(sql, account, "server");
    const cache = new PrincipalCache(sql);
    expect((await cache.authenticate(`Bearer ${key}`))?.creditsBalance).toBe(5);
    cache.debit(account, 2);
    expect((await cache.authenticate(`Bearer ${key}`))?.creditsBalance).toBe(3);
    // These debits never reached the database: a low cached balance is checked against it.
    cache.debit(account, 2);
    expect((await cache.authenticate(`Bearer ${key}`))?.creditsBalance).toBe(5);
  });

  it("sees credits another connection grants", async () => {
    const { url, sql } = await engineDatabase();
    const account = await createAccount(sql, "acme", 5);
    const { key } = await createApiKey(sql, account, "server");
    const cache = new PrincipalCache(sql);
    expect((await cache.authenticate(`Bearer ${key}`))?.creditsBalance).toBe(5);
    await otherConnection(url).run(`UPDATE "EngineAccount" SET "creditsBalance" = ? WHERE "id" = ?`, [
      500,
      account,
    ]);
    expect(
      await eventually(async () => (await cache.authenticate(`Bearer ${key}`))?.creditsBalance === 500, 1000),
    ).toBe(true);
  });
});
