import type { CommentPerson, CommentReply, Page, Thread } from '@yardstick/contract'
import { ApiError, errorOf } from './client'

// The review threads' shapes are the server's contract (type-only: erased from the bundle).
export type { CommentPerson, CommentReply }
/** A review thread on a form element (`GET /api/forms/:id/comments`). */
export type CommentThread = Thread

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
 * const poll = await pollComments(7, { etag: last })
 * if (poll) show(poll.threads)
 */
export async function pollComments(
  formId: number,
  { etag, signal }: { etag: string | null; signal?: AbortSignal },
): Promise<CommentsPoll> {
  const first = await commentsPage(formId, { etag, cursor: null, signal })
  if (!first) return null
  const threads = [...first.page.items]
  for (let cursor = first.page.nextCursor; cursor !== null; ) {
    const next = await commentsPage(formId, { etag: null, cursor, signal })
    if (!next) break
    threads.push(...next.page.items)
    cursor = next.page.nextCursor
  }
  return { threads, etag: first.etag }
}

/** One page of threads, or `null` when `etag` still holds. */
async function commentsPage(
  formId: number,
  { etag, cursor, signal }: { etag: string | null; cursor: string | null; signal?: AbortSignal },
): Promise<{ page: Page<CommentThread>; etag: string | null } | null> {
  const headers: Record<string, string> = { accept: 'application/json' }
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
  const body: unknown = await response.json().catch(() => undefined)
  if (!response.ok || !isPage(body)) throw errorOf(response, body)
  return { page: body, etag: response.headers.get('etag') }
}

// The page is typed by the contract (`ThreadListSchema`); only its shape's presence is checked.
function isPage(body: unknown): body is Page<CommentThread> {
  return typeof body === 'object' && body !== null && Array.isArray((body as Page<unknown>).items)
}
