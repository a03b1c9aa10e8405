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

/**
 * Reads a form's threads (the first 100, newest first) unless they are unchanged since `etag`:
 * the server answers 304 then, so polling every few seconds costs a count on the server and a
 * few hundred bytes on the wire.
 *
 * @example
 * const poll = await pollComments(7, { token, etag: last })
 * if (poll) show(poll.threads)
 */
export async function pollComments(
  formId: number,
  { token, etag, signal }: { token: string | null; etag: string | null; signal?: AbortSignal },
): Promise<CommentsPoll> {
  const headers: Record<string, string> = { accept: 'application/json' }
  if (token) headers.authorization = `Bearer ${token}`
  if (etag) headers['if-none-match'] = etag
  let response: Response
  try {
    response = await fetch(`/api/forms/${formId}/comments?limit=100`, {
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
  return { threads: body.items, etag: response.headers.get('etag') }
}
