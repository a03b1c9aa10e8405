import { createHash, randomBytes } from 'node:crypto'
import { normalizeToken, TOKEN_FORMAT } from '@yardstick/sdk'

/**
 * A new link slug: 16 random bytes in base64url (22 characters), so links cannot be guessed.
 *
 * @example
 * newSlug() // 'q8Xr0m3cV1pQ9sZ2aLk4Tw'
 */
export function newSlug(): string {
  return randomBytes(16).toString('base64url')
}

const { alphabet: ALPHABET, groups: GROUPS, groupLength: GROUP_LENGTH } = TOKEN_FORMAT

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
 * SHA-256 (hex) of a token in its canonical form (`normalizeToken`, the SDK's one rule shared
 * with the respondent page): the only thing the database keeps of it.
 */
export function hashRespondentToken(token: string): string {
  return createHash('sha256').update(normalizeToken(token)).digest('hex')
}
