import type { User } from '../api/types'

/**
 * A signed-in session as the designer knows it: who is signed in, as `GET /api/me` answers.
 * The session token itself lives only in the server's `HttpOnly` cookie, out of every script's
 * reach (an injected script cannot read it, nor send it elsewhere); the browser sends it with
 * each same-origin request and the co-editing socket's upgrade.
 */
export interface Session {
  user: User
}

/**
 * Removes the session earlier designers kept in localStorage (token included): readable by any
 * script on the page, it is exactly what the cookie-only session exists to prevent.
 */
export function forgetStoredSession(storage: Storage | undefined = globalThis.localStorage): void {
  storage?.removeItem('yardstick.session')
}

/** Whether the user may change forms: an `editor` or `admin` grant (the server decides per form). */
export function canEdit(user: User): boolean {
  return user.grants.some((g) => g.role === 'editor' || g.role === 'admin')
}
