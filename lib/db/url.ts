import path from "node:path";

export type DatabaseProvider = "sqlite" | "postgres";

export const DEFAULT_SQLITE_FILE = path.join("data", "roundtable.db");

/** Unset means a SQLite file under data/; postgres:// or postgresql:// selects Postgres. */
export function databaseProvider(url: string | undefined): DatabaseProvider {
  return url && /^postgres(ql)?:\/\//i.test(url) ? "postgres" : "sqlite";
}

/** libsql wants `file:` URLs; accept a bare path too. */
export function sqliteFileUrl(url: string | undefined): string {
  if (!url) return `file:${DEFAULT_SQLITE_FILE}`;
  if (url.startsWith("file:") || url.startsWith("libsql:")) return url;
  return `file:${url}`;
}

export function sqliteFilePath(url: string | undefined): string | null {
  const u = sqliteFileUrl(url);
  if (!u.startsWith("file:")) return null;
  return u.slice("file:".length).replace(/^\/\/(?=\/)/, "");
}
