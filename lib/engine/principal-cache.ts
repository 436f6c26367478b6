import { PRICES } from "./credits";
import { bearerKey, findKey, type KeyRecord, type Principal } from "./keys";
import type { Sql } from "./store/sql";

const MAX_KEYS = 10_000;
/** Below this the cached balance is only a hint: the early 402 check reads the real one. */
const LOW_BALANCE = Math.max(...Object.values(PRICES));

/**
 * Bearer keys and account balances in memory, so a call does not read them from the
 * database. Only with SQLite: the engine process is then the only writer of balances,
 * and whatever another connection commits (the keys CLI revoking a key or granting
 * credits, the app) empties the cache within ~20 ms. With Postgres several engine
 * instances share the accounts, so every call reads them.
 */
export class PrincipalCache {
  private readonly keys = new Map<string, KeyRecord>();
  private readonly balances = new Map<string, number>();
  private readonly enabled: boolean;

  constructor(private readonly sql: Sql) {
    this.enabled = sql.dialect === "sqlite" && sql.onExternalChange !== undefined;
    sql.onExternalChange?.(() => this.clear());
  }

  /** Bearer header → principal, or null when missing, malformed, unknown or revoked. */
  async authenticate(header: string | undefined): Promise<Principal | null> {
    const key = bearerKey(header);
    if (!key) return null;
    let record = this.enabled ? this.keys.get(key) : undefined;
    if (record && (this.balances.get(record.accountId) ?? record.creditsBalance) < LOW_BALANCE) {
      this.forgetBalance(record.accountId);
      record = undefined;
    }
    if (!record) {
      // Unknown keys are not remembered: guessing must not fill memory.
      const found = await findKey(this.sql, key);
      if (!found) return null;
      record = found;
      if (this.enabled) this.remember(key, found);
    }
    if (record.revoked) return null;
    return {
      accountId: record.accountId,
      keyId: record.keyId,
      scopes: record.scopes,
      creditsBalance: this.balances.get(record.accountId) ?? record.creditsBalance,
    };
  }

  /** After a charge committed: the balance the next call sees. */
  debit(accountId: string, credits: number): void {
    const balance = this.balances.get(accountId);
    if (balance !== undefined) this.balances.set(accountId, balance - credits);
  }

  /** The database refused a charge: read the balance again next time. */
  forgetBalance(accountId: string): void {
    if (!this.balances.delete(accountId)) return;
    for (const [key, record] of this.keys) if (record.accountId === accountId) this.keys.delete(key);
  }

  private remember(key: string, record: KeyRecord): void {
    if (this.keys.size >= MAX_KEYS) this.clear();
    this.keys.set(key, record);
    if (!this.balances.has(record.accountId)) this.balances.set(record.accountId, record.creditsBalance);
  }

  private clear(): void {
    this.keys.clear();
    this.balances.clear();
  }
}
