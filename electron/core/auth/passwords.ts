import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';

/** scrypt's work factors: memory and time grow with N·r, p runs that many times over. */
export interface PasswordCost {
  N: number;
  r: number;
  p: number;
}

/** OWASP's current recommendation for scrypt (Password Storage Cheat Sheet): 128 MiB and about 0.4 s here. */
export const PASSWORD_COST: PasswordCost = { N: 2 ** 17, r: 8, p: 1 };

const KEY_LENGTH = 64;
const SALT_LENGTH = 16;

/** A stored hash read back: the parameters it was made with travel with it. */
interface StoredHash {
  cost: PasswordCost;
  salt: Buffer;
  key: Buffer;
}

function derive(password: string, salt: Buffer, cost: PasswordCost): Promise<Buffer> {
  // scrypt needs about 128·N·r bytes (128 MiB at N=2^17), above Node's default ceiling of 32 MiB.
  const maxmem = 2 * 128 * cost.N * cost.r * cost.p;
  return new Promise((resolve, reject) =>
    // Asynchronous: the hashing runs on libuv's thread pool, and the shell keeps answering meanwhile.
    scrypt(password.normalize('NFC'), salt, KEY_LENGTH, { ...cost, maxmem }, (err, key) => (err ? reject(err) : resolve(key))),
  );
}

/**
 * "scrypt$N$r$p$salt$hash" (salt and hash base64url). Hashes from before the cost was raised are
 * "scrypt$N$salt$hash" with r=8, p=1: both are read.
 */
function parse(stored: string): StoredHash | null {
  const parts = stored.split('$');
  if (parts[0] !== 'scrypt') return null;
  const [n, r, p, salt, key] = parts.length === 6 ? parts.slice(1) : parts.length === 4 ? [parts[1], '8', '1', parts[2], parts[3]] : [];
  const cost = { N: Number(n), r: Number(r), p: Number(p) };
  if (!salt || !key || ![cost.N, cost.r, cost.p].every((x) => Number.isSafeInteger(x) && x > 0)) return null;
  return { cost, salt: Buffer.from(salt, 'base64url'), key: Buffer.from(key, 'base64url') };
}

function format(cost: PasswordCost, salt: Buffer, key: Buffer): string {
  return `scrypt$${cost.N}$${cost.r}$${cost.p}$${salt.toString('base64url')}$${key.toString('base64url')}`;
}

/** A new hash with its own random salt, at `cost`. */
export async function hashPassword(password: string, cost: PasswordCost): Promise<string> {
  const salt = randomBytes(SALT_LENGTH);
  return format(cost, salt, await derive(password, salt, cost));
}

/** Whether `password` is the one `stored` was made from; the hashing runs at the stored hash's own cost. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const hash = parse(stored);
  if (!hash) return false;
  const key = await derive(password, hash.salt, hash.cost);
  return key.length === hash.key.length && timingSafeEqual(key, hash.key);
}

/** A hash made at a lower cost than `cost` (or unreadable): the next successful sign-in replaces it. */
export function needsRehash(stored: string, cost: PasswordCost): boolean {
  const hash = parse(stored);
  return !hash || hash.cost.N * hash.cost.r * hash.cost.p < cost.N * cost.r * cost.p;
}

/**
 * A hash no password matches (random salt and key), at `cost`: checking a password against it costs
 * exactly what checking a real account's does, so an unknown username answers in the same time.
 */
export function unmatchableHash(cost: PasswordCost): string {
  return format(cost, randomBytes(SALT_LENGTH), randomBytes(KEY_LENGTH));
}
