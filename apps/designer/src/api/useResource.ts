import { useCallback, useEffect, useState } from 'react'

/** What `useResource` holds: the data once loaded, the last error, and a way to load again. */
export interface Resource<T> {
  data: T | undefined
  error: Error | undefined
  loading: boolean
  reload: () => void
}

/**
 * Loads something when `key` changes (the latest load wins; an older answer is dropped).
 *
 * @example
 * const forms = useResource(`forms?${q}`, (signal) => api('/api/forms', { signal }))
 */
export function useResource<T>(
  key: string,
  load: (signal: AbortSignal) => Promise<T>,
): Resource<T> {
  const [state, setState] = useState<{ data?: T; error?: Error; loading: boolean }>({
    loading: true,
  })
  const [round, setRound] = useState(0)
  useEffect(() => {
    const controller = new AbortController()
    setState((s) => ({ ...s, loading: true }))
    load(controller.signal).then(
      (data) => {
        if (!controller.signal.aborted) setState({ data, loading: false })
      },
      (error: Error) => {
        if (!controller.signal.aborted) setState((s) => ({ ...s, error, loading: false }))
      },
    )
    return () => controller.abort()
  }, [key, round])
  const reload = useCallback(() => setRound((r) => r + 1), [])
  return { data: state.data, error: state.error, loading: state.loading, reload }
}
