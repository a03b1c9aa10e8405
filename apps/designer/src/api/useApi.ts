import { useCallback } from 'react'
import { useSession } from '../auth/SessionProvider'
import { ApiError, type ApiOptions, apiFetch } from './client'

/** The API caller for signed-in pages: signs out when the session has ended (401). */
export function useApi() {
  const { signOut } = useSession()
  return useCallback(
    async <T>(path: string, options: ApiOptions = {}): Promise<T> => {
      try {
        return await apiFetch<T>(path, options)
      } catch (error) {
        if (error instanceof ApiError && error.status === 401) void signOut()
        throw error
      }
    },
    [signOut],
  )
}
