import { randomInt } from 'node:crypto'
import type { WeakPasswordReason } from '@yardstick/contract'
import type { ZxcvbnFactory } from '@zxcvbn-ts/core'
import { AppError } from '../http/errors'

/** Fewer characters than this is refused (`tooShort`). */
export const PASSWORD_MIN_LENGTH = 10
/** zxcvbn's score (0–4) a password must reach: 3 is "safely unguessable" (about 10^8 guesses and up). */
export const PASSWORD_MIN_SCORE = 3

/** The verdict on a password: accepted, or the closed reasons it is refused for. */
export type PasswordVerdict = { ok: true } | { ok: false; reasons: WeakPasswordReason[] }

// The dictionaries are a few MB: loaded on the first check, once per process.
let estimator: Promise<ZxcvbnFactory> | undefined
function loadEstimator(): Promise<ZxcvbnFactory> {
  estimator ??= Promise.all([import('@zxcvbn-ts/core'), import('@zxcvbn-ts/language-common')]).then(
    ([{ ZxcvbnFactory }, common]) =>
      new ZxcvbnFactory({
        dictionary: common.dictionary,
        graphs: common.adjacencyGraphs,
        // Catches near-misses of a whole common password (`passw0rd1`).
        useLevenshteinDistance: true,
      }),
  )
  return estimator
}

/**
 * Judges a password by the one policy (docs/ARCHITECTURE.md, "sessions, sign-in"): at least
 * `PASSWORD_MIN_LENGTH` characters, not a common password of @zxcvbn-ts/language-common's
 * dictionaries, and a zxcvbn score of at least `PASSWORD_MIN_SCORE` with the user's own e-mail
 * and name (`userInputs`) counted against it.
 *
 * @example
 * await checkPassword('password123') // { ok: false, reasons: ['common'] }
 * await checkPassword('Kx7p-Mq4z-Tr9w', ['wang@example.org', '王伟']) // { ok: true }
 */
export async function checkPassword(
  password: string,
  userInputs: readonly string[] = [],
): Promise<PasswordVerdict> {
  const reasons: WeakPasswordReason[] = []
  if ([...password].length < PASSWORD_MIN_LENGTH) reasons.push('tooShort')
  const zxcvbn = await loadEstimator()
  const inputs = userInputs.flatMap((input) => {
    const value = input.trim().toLowerCase()
    // An e-mail's local part is what people put in passwords.
    const local = value.includes('@') ? value.slice(0, value.indexOf('@')) : ''
    return [value, local].filter((v) => v.length > 0)
  })
  const result = zxcvbn.check(password, inputs)
  const common = result.sequence.some(
    (match) =>
      match.pattern === 'dictionary' &&
      String(match.dictionaryName).startsWith('passwords') &&
      match.token.length === password.length,
  )
  if (common) reasons.push('common')
  else if (result.score < PASSWORD_MIN_SCORE) reasons.push('guessable')
  return reasons.length === 0 ? { ok: true } : { ok: false, reasons }
}

/**
 * Throws 422 `weakPassword` (details `{ reasons, minLength }`) unless `checkPassword` accepts.
 *
 * @example
 * await assertStrongPassword(body.newPassword, [user.email, user.name])
 */
export async function assertStrongPassword(
  password: string,
  userInputs: readonly string[] = [],
): Promise<void> {
  const verdict = await checkPassword(password, userInputs)
  if (!verdict.ok) {
    throw new AppError('weakPassword', `The password is refused: ${verdict.reasons.join(', ')}`, {
      reasons: verdict.reasons,
      minLength: PASSWORD_MIN_LENGTH,
    })
  }
}

// Readable on paper and on a phone: no 0/O, 1/l/I.
const READABLE = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789'

/**
 * A temporary password from the CSPRNG: four groups of four readable characters
 * (`Kx7p-Mq4z-Tr9w-Bn3v`, about 93 bits), checked against the policy like any other.
 *
 * @example
 * const temporaryPassword = await generateTemporaryPassword()
 */
export async function generateTemporaryPassword(): Promise<string> {
  for (;;) {
    const groups = Array.from({ length: 4 }, () =>
      Array.from({ length: 4 }, () => READABLE[randomInt(READABLE.length)]).join(''),
    )
    const password = groups.join('-')
    if ((await checkPassword(password)).ok) return password
  }
}
