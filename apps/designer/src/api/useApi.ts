import { useCallback } from 'react'
import { useSession } from '../auth/SessionProvider'
import { ApiError, type ApiOptions, apiFetch } from './client'

/** The API caller for signed-in pages: sends the token, and signs out when it has expired. */
export function useApi() {
  const { session, signOut } = useSession()
  const token = session?.token ?? null
  return useCallback(
    async <T>(path: string, options: Omit<ApiOptions, 'token'> = {}): Promise<T> => {
      try {
        return await apiFetch<T>(path, { ...options, token })
      } catch (error) {
        if (error instanceof ApiError && error.status === 401) void signOut()
        throw error
      }
    },
    [token, signOut],
  )
}
