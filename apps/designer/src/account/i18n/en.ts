import type { accountZhCN } from './zh-CN'

/** One's own account in English (same keys as `accountZhCN`). */
export const accountEn: Record<keyof typeof accountZhCN, string> = {
  'nav.password': 'Change password',
  'password.title': 'Change password',
  'password.required':
    '{name}, you signed in with a temporary password from your admin. Set a password of your own to go on.',
  'password.changed': 'Your password was changed',
  'password.current': 'Current password',
  'password.new': 'New password',
  'password.again': 'New password again',
  'password.hint':
    'At least 10 characters; no common password, nothing close to your name or e-mail.',
  'password.mismatch': 'The two new passwords differ',
  'password.submit': 'Change password',
  'password.reason.tooShort': 'Too short: at least {n} characters',
  'password.reason.common': 'A common password, easily guessed',
  'password.reason.guessable':
    'Too easy to guess (close to your name or e-mail, or a simple pattern)',
}
