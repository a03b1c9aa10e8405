import { createContext, type ReactNode, useCallback, useContext, useMemo, useState } from 'react'
import { apiFetch } from '../api/client'
import type { LoginResult, User } from '../api/types'
import { loadSession, type Session, saveSession } from './session'

interface SessionContextValue {
  session: Session | null
  signIn: (email: string, password: string) => Promise<void>
  signOut: () => Promise<void>
  /** Keeps the signed-in user as the server now answers it (after changing one's password). */
  updateUser: (user: User) => void
}

const SessionContext = createContext<SessionContextValue | null>(null)

/** Holds the signed-in session (token and user), kept in localStorage across reloads. */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [session, setSession] = useState<Session | null>(() => loadSession())
  const signIn = useCallback(async (email: string, password: string) => {
    const result = await apiFetch<LoginResult>('/api/auth/login', {
      method: 'POST',
      body: { email, password },
    })
    const next = { token: result.token, expiresAt: result.expiresAt, user: result.user }
    saveSession(next)
    setSession(next)
  }, [])
  const signOut = useCallback(async () => {
    const token = loadSession()?.token
    saveSession(null)
    setSession(null)
    if (token) await apiFetch('/api/auth/logout', { method: 'POST', token }).catch(() => {})
  }, [])
  const updateUser = useCallback((user: User) => {
    setSession((current) => {
      if (!current) return current
      const next = { ...current, user }
      saveSession(next)
      return next
    })
  }, [])
  const value = useMemo(
    () => ({ session, signIn, signOut, updateUser }),
    [session, signIn, signOut, updateUser],
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
