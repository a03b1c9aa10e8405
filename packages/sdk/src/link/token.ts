/**
 * The shape of a one-time respondent token: 4 groups of 4 characters of Crockford's base32 (no I,
 * L, O, U, so a token copied from paper by hand survives), e.g. `7KQ2-M9XD-0RTB-4HZC`. The
 * server mints tokens in this shape; the respondent page checks what is typed against it.
 */
export const TOKEN_FORMAT = {
  alphabet: '0123456789ABCDEFGHJKMNPQRSTVWXYZ',
  groups: 4,
  groupLength: 4,
} as const

const LENGTH = TOKEN_FORMAT.groups * TOKEN_FORMAT.groupLength
const GROUP = new RegExp(`.{${TOKEN_FORMAT.groupLength}}`, 'g')
const WELL_FORMED = new RegExp(
  `^[${TOKEN_FORMAT.alphabet}]{${TOKEN_FORMAT.groupLength}}(-[${TOKEN_FORMAT.alphabet}]{${TOKEN_FORMAT.groupLength}}){${TOKEN_FORMAT.groups - 1}}$`,
)

/**
 * A token as typed or read aloud (any case, with or without dashes or spaces, O for 0, I or L
 * for 1) in its one canonical form: what the server hashes and what seeds a quiz draw. The
 * server and the respondent page both use this, so a token the page accepts is one the server
 * knows.
 *
 * @example
 * normalizeToken('7kq2 m9xd orTb-4hzc') // '7KQ2-M9XD-0RTB-4HZC'
 */
export function normalizeToken(token: string): string {
  const plain = token.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1')
  if (plain.length !== LENGTH) return plain
  return plain.match(GROUP)?.join('-') ?? plain
}

/**
 * Whether a normalised token has the shape of one (`normalizeToken` first): 16 characters of
 * the token alphabet in groups of 4. A page can say "check the token" before asking the server.
 *
 * @example
 * isWellFormedToken(normalizeToken('7kq2m9xd0rtb4hzc')) // true
 * isWellFormedToken('7KQ2-M9XD') // false
 */
export function isWellFormedToken(token: string): boolean {
  return WELL_FORMED.test(token)
}
