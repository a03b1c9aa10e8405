import {
  createContext,
  type ReactNode,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useState,
} from 'react'
import { apiFetch } from '../api/client'
import type { LoginResult, SessionState, User } from '../api/types'
import { forgetStoredSession, type Session } from './session'

interface SessionContextValue {
  session: Session | null
  /** Whether the first `GET /api/auth/session` is still out (nothing is known about the session yet). */
  checking: boolean
  signIn: (email: string, password: string) => Promise<void>
  signOut: () => Promise<void>
  /** Keeps the signed-in user as the server now answers it (after changing one's password). */
  updateUser: (user: User) => void
}

const SessionContext = createContext<SessionContextValue | null>(null)

/**
 * Holds who is signed in. The session itself is the server's `HttpOnly` cookie: on load the
 * designer asks `GET /api/auth/session` whom it signs in, and never stores or reads the token.
 */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [session, setSession] = useState<Session | null>(null)
  const [checking, setChecking] = useState(true)
  useEffect(() => {
    forgetStoredSession()
    const controller = new AbortController()
    apiFetch<SessionState>('/api/auth/session', { signal: controller.signal }).then(
      ({ user }) => {
        setSession(user ? { user } : null)
        setChecking(false)
      },
      () => {
        // The server unreachable: the sign-in page shows, and its own request says why.
        if (!controller.signal.aborted) setChecking(false)
      },
    )
    return () => controller.abort()
  }, [])
  const signIn = useCallback(async (email: string, password: string) => {
    // The answer carries the token too, for programs; the designer keeps only the user.
    const result = await apiFetch<LoginResult>('/api/auth/login', {
      method: 'POST',
      body: { email, password },
    })
    setSession({ user: result.user })
  }, [])
  const signOut = useCallback(async () => {
    // The cookie is out of script reach: only the server's answer ends the session, so the page
    // shows the sign-in form once it has answered (already ended, 401, or unreachable: the page
    // is signed out either way).
    await apiFetch('/api/auth/logout', { method: 'POST' }).catch(() => {})
    setSession(null)
  }, [])
  const updateUser = useCallback((user: User) => {
    setSession((current) => (current ? { user } : current))
  }, [])
  const value = useMemo(
    () => ({ session, checking, signIn, signOut, updateUser }),
    [session, checking, signIn, signOut, updateUser],
  )
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>
}

/** The session context. */
export function useSession(): SessionContextValue {
  const value = useContext(SessionContext)
  if (!value) throw new Error('useSession outside SessionProvider')
  return value
}

/** The signed-in session; only for pages shown after sign-in. */
export function useSignedIn(): Session {
  const { session } = useSession()
  if (!session) throw new Error('useSignedIn without a session')
  return session
}
