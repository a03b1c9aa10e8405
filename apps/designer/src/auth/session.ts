import type { User } from '../api/types'

/** A signed-in session as the browser keeps it. */
export interface Session {
  token: string
  expiresAt: string
  user: User
}

const KEY = 'yardstick.session'

/** The stored session, unless missing, malformed or expired. */
export function loadSession(
  storage: Storage | undefined = globalThis.localStorage,
): Session | null {
  const raw = storage?.getItem(KEY)
  if (!raw) return null
  try {
    const session = JSON.parse(raw) as Session
    if (typeof session.token !== 'string' || !session.user) return null
    if (Date.parse(session.expiresAt) <= Date.now()) return null
    return session
  } catch {
    return null
  }
}

/** Keeps (or, with `null`, forgets) the session. */
export function saveSession(
  session: Session | null,
  storage: Storage | undefined = globalThis.localStorage,
): void {
  if (session) storage?.setItem(KEY, JSON.stringify(session))
  else storage?.removeItem(KEY)
}

/** Whether the user may change forms: an `editor` or `admin` grant (the server decides per form). */
export function canEdit(user: User): boolean {
  return user.grants.some((g) => g.role === 'editor' || g.role === 'admin')
}
