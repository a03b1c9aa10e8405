import { useCallback } from 'react'
import { ApiError, errorOf } from '../api/client'
import { useSession } from '../auth/SessionProvider'

/**
 * Sends a file as `multipart/form-data` (field `file`) with the session cookie, as the imports
 * take it (`POST /api/orgs/import`, `POST /api/users/import`); answers the parsed JSON, or throws
 * the `ApiError` of the server's answer (status 0 for a network failure).
 *
 * @example
 * const upload = useUpload()
 * const report = await upload<ImportReport>('/api/orgs/import?dryRun=true', file)
 */
export function useUpload(): <T>(path: string, file: File) => Promise<T> {
  const { signOut } = useSession()
  return useCallback(
    async <T>(path: string, file: File): Promise<T> => {
      const body = new FormData()
      body.set('file', file, file.name)
      let response: Response
      try {
        response = await fetch(path, {
          method: 'POST',
          headers: { accept: 'application/json' },
          body,
          credentials: 'same-origin',
        })
      } catch (error) {
        throw new ApiError(0, 'network', (error as Error).message)
      }
      const text = await response.text()
      let parsed: unknown
      try {
        parsed = text ? JSON.parse(text) : undefined
      } catch {
        parsed = undefined
      }
      if (!response.ok) {
        if (response.status === 401) void signOut()
        throw errorOf(response, parsed)
      }
      return parsed as T
    },
    [signOut],
  )
}
