import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import { type CommentThread, pollComments } from '../api/comments'
import { useApi } from '../api/useApi'
import { openCounts } from './threads'

/** How often the threads are asked for; a 304 costs a count on the server. */
export const COMMENTS_POLL_MS = 2000

/** A form's review threads, kept fresh, and what can be done to them. */
export interface Comments {
  threads: readonly CommentThread[]
  /** The last failed poll (kept until one succeeds). */
  error: Error | null
  loaded: boolean
  /** Open threads per element id. */
  counts: ReadonlyMap<string, number>
  open: (input: { elementId: string; elementName: string; body: string }) => Promise<void>
  reply: (threadId: number, body: string) => Promise<void>
  setResolved: (threadId: number, resolved: boolean) => Promise<void>
}

/**
 * Polls a form's threads every `COMMENTS_POLL_MS` with the last ETag (and at once when the tab
 * becomes visible or the browser comes back online; not at all while offline); the answer to
 * one's own comment is shown at once, without waiting.
 */
export function useCommentThreads(formId: number): Comments {
  const api = useApi()
  const [threads, setThreads] = useState<readonly CommentThread[]>([])
  const [error, setError] = useState<Error | null>(null)
  const [loaded, setLoaded] = useState(false)
  const etag = useRef<string | null>(null)

  useEffect(() => {
    etag.current = null
    const life = new AbortController()
    let request: AbortController | null = null
    let timer: ReturnType<typeof setTimeout> | null = null
    const poll = async () => {
      if (timer) clearTimeout(timer)
      timer = null
      // Offline, a request would only fail (and the browser logs every failed load): wait for
      // the `online` event instead, which polls at once.
      if (!navigator.onLine || life.signal.aborted) return
      request?.abort()
      const current = new AbortController()
      request = current
      try {
        const result = await pollComments(formId, {
          etag: etag.current,
          signal: current.signal,
        })
        if (result) {
          etag.current = result.etag
          setThreads(result.threads)
        }
        setLoaded(true)
        setError(null)
      } catch (caught) {
        if (current.signal.aborted) return
        setError(caught as Error)
      }
      if (!life.signal.aborted) timer = setTimeout(poll, COMMENTS_POLL_MS)
    }
    const onVisible = () => {
      if (document.visibilityState === 'visible') void poll()
    }
    const onOnline = () => void poll()
    const onOffline = () => request?.abort()
    void poll()
    document.addEventListener('visibilitychange', onVisible)
    window.addEventListener('online', onOnline)
    window.addEventListener('offline', onOffline)
    return () => {
      life.abort()
      request?.abort()
      if (timer) clearTimeout(timer)
      document.removeEventListener('visibilitychange', onVisible)
      window.removeEventListener('online', onOnline)
      window.removeEventListener('offline', onOffline)
    }
  }, [formId])

  const keep = useCallback((thread: CommentThread) => {
    setThreads((list) =>
      list.some((t) => t.id === thread.id)
        ? list.map((t) => (t.id === thread.id ? thread : t))
        : [thread, ...list],
    )
  }, [])

  const base = `/api/forms/${formId}/comments`
  const open = useCallback<Comments['open']>(
    async (input) => keep(await api<CommentThread>(base, { method: 'POST', body: input })),
    [api, base, keep],
  )
  const reply = useCallback<Comments['reply']>(
    async (threadId, body) =>
      keep(
        await api<CommentThread>(`${base}/${threadId}/replies`, { method: 'POST', body: { body } }),
      ),
    [api, base, keep],
  )
  const setResolved = useCallback<Comments['setResolved']>(
    async (threadId, resolved) =>
      keep(
        await api<CommentThread>(`${base}/${threadId}/${resolved ? 'resolve' : 'reopen'}`, {
          method: 'POST',
        }),
      ),
    [api, base, keep],
  )
  const counts = useMemo(() => openCounts(threads), [threads])
  return { threads, error, loaded, counts, open, reply, setResolved }
}
