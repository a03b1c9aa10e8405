import { ApiError } from './client'
import type { Page } from './types'

/** Who wrote or resolved a comment. */
export interface CommentPerson {
  id: number
  name: string
}

/** A reply in a review thread. */
export interface CommentReply {
  id: number
  body: string
  author: CommentPerson
  createdAt: string
}

/** A review thread on a form element (`GET /api/forms/:id/comments`). */
export interface CommentThread {
  id: number
  /** The element's id in the form's Yjs document. */
  elementId: string
  /** Its name when the thread was opened. */
  elementName: string
  body: string
  author: CommentPerson
  createdAt: string
  updatedAt: string
  resolved: boolean
  resolvedAt: string | null
  resolvedBy: CommentPerson | null
  replies: CommentReply[]
}

/** What one poll gave: the threads and their tag, or `null` when nothing changed. */
export type CommentsPoll = { threads: CommentThread[]; etag: string | null } | null

/** Threads per request: a page of the server's keyset paging. */
const PAGE = 100

/**
 * Reads all of a form's threads, newest first, unless they are unchanged since `etag`: the
 * server answers 304 then, so polling every few seconds costs a count on the server and a few
 * hundred bytes on the wire. A form with more than 100 threads is read page by page (by the
 * server's cursor) once it changed; the tag is the first page's, so a change made meanwhile is
 * read on the next poll.
 *
 * @example
 * const poll = await pollComments(7, { token, etag: last })
 * if (poll) show(poll.threads)
 */
export async function pollComments(
  formId: number,
  { token, etag, signal }: { token: string | null; etag: string | null; signal?: AbortSignal },
): Promise<CommentsPoll> {
  const first = await commentsPage(formId, { token, etag, cursor: null, signal })
  if (!first) return null
  const threads = [...first.page.items]
  for (let cursor = first.page.nextCursor; cursor !== null; ) {
    const next = await commentsPage(formId, { token, etag: null, cursor, signal })
    if (!next) break
    threads.push(...next.page.items)
    cursor = next.page.nextCursor
  }
  return { threads, etag: first.etag }
}

/** One page of threads, or `null` when `etag` still holds. */
async function commentsPage(
  formId: number,
  {
    token,
    etag,
    cursor,
    signal,
  }: { token: string | null; etag: string | null; cursor: string | null; signal?: AbortSignal },
): Promise<{ page: Page<CommentThread>; etag: string | null } | null> {
  const headers: Record<string, string> = { accept: 'application/json' }
  if (token) headers.authorization = `Bearer ${token}`
  if (etag) headers['if-none-match'] = etag
  const query = new URLSearchParams({ limit: String(PAGE) })
  if (cursor !== null) query.set('cursor', cursor)
  let response: Response
  try {
    response = await fetch(`/api/forms/${formId}/comments?${query}`, {
      headers,
      signal,
      credentials: 'same-origin',
      cache: 'no-store',
    })
  } catch (error) {
    if ((error as Error).name === 'AbortError') throw error
    throw new ApiError(0, 'network', (error as Error).message)
  }
  if (response.status === 304) return null
  const body = (await response.json().catch(() => undefined)) as
    | Page<CommentThread>
    | { error?: { code?: string; message?: string; details?: unknown } }
    | undefined
  if (!response.ok || !body || !('items' in body)) {
    const error = body && 'error' in body ? body.error : undefined
    throw new ApiError(
      response.status,
      error?.code ?? `http${response.status}`,
      error?.message ?? response.statusText,
      error?.details,
    )
  }
  return { page: body, etag: response.headers.get('etag') }
}
