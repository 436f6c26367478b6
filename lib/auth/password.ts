import { randomBytes, scrypt as scryptCb, timingSafeEqual } from "node:crypto";
import { availableParallelism } from "node:os";
import { promisify } from "node:util";
import { processSingleton } from "@/lib/async/process-singleton";
import { Semaphore } from "@/lib/async/semaphore";

const scrypt = promisify(scryptCb) as (
  pw: string,
  salt: Buffer,
  len: number,
  opts: object,
) => Promise<Buffer>;

// scrypt (RFC 7914) with OWASP's minimum cost; parameters are stored so they can be raised later.
const N = 2 ** 15;
const R = 8;
const P = 1;
const KEY_LEN = 32;
const MAX_MEM = 64 * 1024 * 1024;

/**
 * Async scrypt runs on libuv's threadpool (4 threads by default), never on the event loop.
 * At most one hash per spare core runs at once (one core is left to the event loop), so a
 * flood of sign-ins leaves CPU and threadpool room for every other request.
 */
const SCRYPT_SLOTS = Number(process.env.AUTH_SCRYPT_CONCURRENCY) || Math.max(1, availableParallelism() - 1);
const hashing = () => processSingleton("scrypt-slots", () => new Semaphore(SCRYPT_SLOTS));
const derive = (pw: string, salt: Buffer, len: number, opts: object) =>
  hashing().run(() => scrypt(pw, salt, len, opts));

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password, salt, KEY_LEN, { N, r: R, p: P, maxmem: MAX_MEM });
  return `scrypt$${N}$${R}$${P}$${salt.toString("base64url")}$${key.toString("base64url")}`;
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, saltB64, keyB64] = stored.split("$");
  if (scheme !== "scrypt" || !n || !r || !p || !saltB64 || !keyB64) return false;
  const expected = Buffer.from(keyB64, "base64url");
  const key = await derive(password, Buffer.from(saltB64, "base64url"), expected.length, {
    N: Number(n),
    r: Number(r),
    p: Number(p),
    maxmem: MAX_MEM,
  });
  return key.length === expected.length && timingSafeEqual(key, expected);
}

let dummy: Promise<string> | undefined;
/**
 * A hash of a random password with today's parameters: checking a password against it costs
 * what a real check costs, so an unknown e-mail takes as long as a known one.
 */
export function dummyHash(): Promise<string> {
  dummy ??= hashPassword(randomBytes(16).toString("base64url"));
  return dummy;
}
