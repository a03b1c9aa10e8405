import { createHash, randomBytes } from 'node:crypto'

/**
 * A new link slug: 16 random bytes in base64url (22 characters), so links cannot be guessed.
 *
 * @example
 * newSlug() // 'q8Xr0m3cV1pQ9sZ2aLk4Tw'
 */
export function newSlug(): string {
  return randomBytes(16).toString('base64url')
}

// Crockford's base32: no I, L, O, U, so a token copied from paper by hand survives.
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'
const GROUPS = 4
const GROUP_LENGTH = 4

/**
 * A new one-time respondent token: 80 random bits as `XXXX-XXXX-XXXX-XXXX` in Crockford base32,
 * short enough to type from a printed slip.
 *
 * @example
 * newRespondentToken() // '7KQ2-M9XD-0RTB-4HZC'
 */
export function newRespondentToken(): string {
  const bytes = randomBytes(GROUPS * GROUP_LENGTH)
  const chars = [...bytes].map((byte) => ALPHABET[byte & 31])
  const groups = Array.from({ length: GROUPS }, (_, i) =>
    chars.slice(i * GROUP_LENGTH, (i + 1) * GROUP_LENGTH).join(''),
  )
  return groups.join('-')
}

/**
 * A token as typed (any case, with or without dashes or spaces, O for 0, I or L for 1) in its
 * one canonical form: what is hashed and what seeds a quiz draw.
 *
 * @example
 * normalizeToken('7kq2 m9xd orTb-4hzc') // '7KQ2-M9XD-0RTB-4HZC'
 */
export function normalizeToken(token: string): string {
  const plain = token.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1')
  if (plain.length !== GROUPS * GROUP_LENGTH) return plain
  return plain.match(new RegExp(`.{${GROUP_LENGTH}}`, 'g'))?.join('-') ?? plain
}

/** SHA-256 (hex) of a normalised token: the only thing the database keeps of it. */
export function hashRespondentToken(token: string): string {
  return createHash('sha256').update(normalizeToken(token)).digest('hex')
}
