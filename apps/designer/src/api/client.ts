import { isErrorBody } from '@yardstick/contract/errors'

/** An error the API answered with (`{ error: { code, message, details } }`), or a network failure. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message)
    this.name = 'ApiError'
  }
}

/** Options of `apiFetch`. */
export interface ApiOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'
  body?: unknown
  signal?: AbortSignal
}

/**
 * Calls the API with JSON, signed in by the session cookie the browser sends (same origin);
 * answers the parsed body, or throws an `ApiError` carrying the server's code (status 0 for a
 * network failure).
 *
 * @example
 * const forms = await apiFetch<FormList>('/api/forms?limit=20')
 */
export async function apiFetch<T>(
  path: string,
  { method = 'GET', body, signal }: ApiOptions = {},
): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' }
  if (body !== undefined) headers['content-type'] = 'application/json'
  let response: Response
  try {
    response = await fetch(path, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      signal,
      credentials: 'same-origin',
    })
  } catch (error) {
    if ((error as Error).name === 'AbortError') throw error
    throw new ApiError(0, 'network', (error as Error).message)
  }
  if (response.status === 204) return undefined as T
  const text = await response.text()
  const parsed = text ? safeJson(text) : undefined
  if (!response.ok) throw errorOf(response, parsed)
  // A success body is typed by the caller's contract type (`apiFetch<Form>`), not parsed again:
  // the server built it from the same contract, and parsing in the browser would bundle zod
  // and the schemas, and cost a pass over every large page of results.
  return parsed as T
}

/**
 * The `ApiError` of a failed answer: the API's error JSON with a code of the contract's closed
 * set, or `http<status>` with the status text for anything else (a proxy's page, a code this
 * designer does not know).
 *
 * @example
 * errorOf(new Response(null, { status: 502, statusText: 'Bad Gateway' }), undefined).code // 'http502'
 */
export function errorOf(response: Response, body: unknown): ApiError {
  if (isErrorBody(body)) {
    const { code, message, details } = body.error
    return new ApiError(response.status, code, message, details)
  }
  return new ApiError(response.status, `http${response.status}`, response.statusText)
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    return undefined
  }
}

/** A query string from the defined entries of an object. */
export function query(params: Record<string, string | number | boolean | undefined>): string {
  const search = new URLSearchParams()
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== '') search.set(key, String(value))
  }
  const text = search.toString()
  return text ? `?${text}` : ''
}
