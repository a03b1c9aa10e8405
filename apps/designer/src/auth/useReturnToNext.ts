import { useEffect, useState } from 'react'
import { isServerPage, safeNextPath } from './next-path'
import { useSession } from './SessionProvider'

function nextOfAddress(): string | null {
  return safeNextPath(new URLSearchParams(location.search).get('next'), location.origin)
}

/**
 * Goes back to the link that sent the user to sign in (`/?next=…`, a path of this site only,
 * see `safeNextPath`) once they are signed in — right after signing in, or at once when they
 * already were. A page the server answers (the respondent page `/s/:slug`) is opened by a full
 * navigation; it reads the same session cookie the designer is signed in by.
 *
 * @returns true while leaving (render nothing of the designer's own pages meanwhile)
 * @example
 * const leaving = useReturnToNext()
 */
export function useReturnToNext(): boolean {
  const { session } = useSession()
  // Derived while rendering, so not one frame of the designer's own pages shows meanwhile.
  const next = session === null ? null : nextOfAddress()
  const [, settled] = useState(0)
  useEffect(() => {
    if (next === null) return
    if (isServerPage(next)) {
      location.assign(next)
      return
    }
    history.replaceState(null, '', next)
    window.dispatchEvent(new PopStateEvent('popstate'))
    settled((n) => n + 1)
  }, [next])
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
