import { randomBytes } from "node:crypto";
import { appendFileSync, existsSync, readFileSync } from "node:fs";
import path from "node:path";

/**
 * Secrets a newcomer should never have to create by hand: generated once into
 * .env.local (git-ignored) and reused on every later start.
 */
export function ensureLocalSecret(name: string, make: () => string, root = process.cwd()): string {
  const existing = process.env[name];
  if (existing) return existing;
  const file = path.join(root, ".env.local");
  const text = existsSync(file) ? readFileSync(file, "utf8") : "";
  const match = text.match(new RegExp(`^${name}=(.+)$`, "m"));
  const value = match?.[1]?.trim().replace(/^"|"$/g, "") ?? make();
  if (!match) appendFileSync(file, `${text && !text.endsWith("\n") ? "\n" : ""}${name}=${value}\n`);
  process.env[name] = value;
  return value;
}

export const randomSecret = () => randomBytes(32).toString("base64url");
