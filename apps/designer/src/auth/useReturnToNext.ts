import { useEffect, useState } from 'react'
import { ApiError, apiFetch } from '../api/client'
import { isServerPage, safeNextPath } from './next-path'
import { useSession } from './SessionProvider'

function nextOfAddress(): string | null {
  return safeNextPath(new URLSearchParams(location.search).get('next'), location.origin)
}

/**
 * Goes back to the link that sent the user to sign in (`/?next=…`, a path of this site only,
 * see `safeNextPath`) once they are signed in — right after signing in, or at once when they
 * already were. A page the server answers (the respondent page `/s/:slug`) is opened by a full
 * navigation; it reads the session from its cookie, so a session this browser kept but whose
 * cookie is gone is signed out here first, to be signed in again instead of sent back and forth.
 *
 * @returns true while leaving (render nothing of the designer's own pages meanwhile)
 * @example
 * const leaving = useReturnToNext()
 */
export function useReturnToNext(): boolean {
  const { session, signOut } = useSession()
  // Derived while rendering, so not one frame of the designer's own pages shows meanwhile.
  const next = session === null ? null : nextOfAddress()
  const [, settled] = useState(0)
  useEffect(() => {
    if (next === null) return
    if (!isServerPage(next)) {
      history.replaceState(null, '', next)
      window.dispatchEvent(new PopStateEvent('popstate'))
      settled((n) => n + 1)
      return
    }
    const controller = new AbortController()
    // Without a bearer token: the cookie alone, as the page behind `next` will send it.
    apiFetch('/api/me', { signal: controller.signal }).then(
      () => location.assign(next),
      (error: unknown) => {
        if (controller.signal.aborted) return
        if (error instanceof ApiError && error.status === 401) void signOut()
        else location.assign(next)
      },
    )
    return () => controller.abort()
  }, [next, signOut])
  return next !== null
}

/**
 * Whether the sign-in page was opened to return somewhere afterwards (`?next=` of this site).
 *
 * @example
 * const returning = hasNext()
 */
export function hasNext(): boolean {
  return nextOfAddress() !== null
}
