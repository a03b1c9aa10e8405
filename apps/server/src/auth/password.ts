import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto'
import { availableParallelism } from 'node:os'
import { promisify } from 'node:util'
import pLimit from 'p-limit'

const scryptAsync = promisify(scrypt) as (
  password: string,
  salt: Buffer,
  keylen: number,
  options: { N: number; r: number; p: number; maxmem: number },
) => Promise<Buffer>

const PARAMS = { N: 16384, r: 8, p: 1, maxmem: 64 * 1024 * 1024 }
const KEY_LENGTH = 32

/**
 * scrypt runs on libuv's thread pool (4 threads), which would take every core during a sign-in
 * burst and starve the event loop that answers everything else (200 parallel sign-ins pushed
 * `/api/health` p95 from 5 to 278 ms on 2 cores, RELIABILITY.md). One core is left free; the
 * rest of a burst waits its turn here.
 */
const HASHING = pLimit(Math.max(1, availableParallelism() - 1))

function hashWithLimit(password: string, salt: Buffer, keylen: number, params: typeof PARAMS) {
  return HASHING(() => scryptAsync(password, salt, keylen, params))
}

/**
 * Hashes a password with scrypt and a random salt: `scrypt$N$r$p$salt$hash` (base64url).
 *
 * @example
 * const stored = await hashPassword('s3cret-pass')
 */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16)
  const key = await hashWithLimit(password, salt, KEY_LENGTH, PARAMS)
  return [
    'scrypt',
    PARAMS.N,
    PARAMS.r,
    PARAMS.p,
    salt.toString('base64url'),
    key.toString('base64url'),
  ].join('$')
}

/** Checks a password against a stored hash in constant time; a malformed hash never matches. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, hash] = stored.split('$')
  if (scheme !== 'scrypt' || !salt || !hash) return false
  const expected = Buffer.from(hash, 'base64url')
  const params = { N: Number(n), r: Number(r), p: Number(p), maxmem: PARAMS.maxmem }
  const key = await hashWithLimit(password, Buffer.from(salt, 'base64url'), expected.length, params)
  return key.length === expected.length && timingSafeEqual(key, expected)
}

let dummyHash: Promise<string> | undefined

/**
 * Spends what checking a real password costs, for a sign-in with an unknown e-mail: the refusal
 * then takes as long as a wrong password's, so its timing does not tell whether an account
 * exists. Always false.
 *
 * @example
 * const matches = user ? await verifyPassword(password, user.passwordHash) : await verifyAgainstDummy(password)
 */
export async function verifyAgainstDummy(password: string): Promise<false> {
  // A hash of a random secret nobody knows, with the same parameters as every stored one.
  dummyHash ??= hashPassword(randomBytes(32).toString('base64url'))
  await verifyPassword(password, await dummyHash)
  return false
}
