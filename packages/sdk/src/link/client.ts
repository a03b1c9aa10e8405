import type { Locale } from '../text'
import type { Answers } from '../types'
import { newIdempotencyKey, pendingStore } from './pending'
import type {
  LinkError,
  LinkResult,
  LinkSubmitted,
  LinkView,
  LinkWaitReason,
  PendingResponse,
  PendingStorage,
} from './types'

/** Options of `createLinkClient`. */
export interface LinkClientOptions {
  /** The Yardstick server's origin, e.g. `https://yardstick.example.gov.cn`. */
  server: string
  /** The respondent link's slug. */
  link: string
  /** The one-time token of an anonymous survey. */
  token?: string
  /**
   * Language of the server's messages (validation errors); default 'zh-CN'. A function is read
   * at each request, so a page whose respondent switches language keeps one client.
   */
  locale?: Locale | (() => Locale)
  /** Default: the global `fetch`. */
  fetch?: typeof fetch
  /** Where an unsent response is kept; default `localStorage` where there is one. */
  storage?: PendingStorage | null
  /** First wait before a retry, in ms (default 1000); it doubles up to `maxRetryMs`. */
  retryMs?: number
  /** Longest wait between retries, in ms (default 30,000). */
  maxRetryMs?: number
}

/** Options of one `submit` or `resume`. */
export interface SendOptions {
  /** Stops retrying; the response stays saved and is sent by the next `resume`. */
  signal?: AbortSignal
  /** Told each time the response has to wait: offline (kept on this device) or retrying. */
  onWaiting?: (reason: LinkWaitReason) => void
}

/** Fetches, submits and retries through one respondent link. See `createLinkClient`. */
export interface LinkClient {
  /** The form behind the link (`GET /api/links/:slug`). */
  view(signal?: AbortSignal): Promise<LinkResult<LinkView>>
  /**
   * Starts this respondent's countdown on a timed link (`POST /api/links/:slug/attempts`; the
   * same respondent again keeps the first start) and answers the view with the questions.
   */
  startAttempt(signal?: AbortSignal): Promise<LinkResult<LinkView>>
  /** The response saved on this device and not yet acknowledged, if any. */
  pending(): PendingResponse | null
  /** Saves `answers` with a fresh `Idempotency-Key`, then sends them until the server answers. */
  submit(answers: Answers, options?: SendOptions): Promise<LinkResult<LinkSubmitted>>
  /** Sends the saved response, if any (after a reload or a lost network); null when none. */
  resume(options?: SendOptions): Promise<LinkResult<LinkSubmitted> | null>
}

/**
 * The one client of respondent links, shared by `<yardstick-survey>` and `<YardstickSurvey link>`.
 * A response is saved (with its `Idempotency-Key`) before the first attempt and cleared only once
 * the server has answered for good, so network failures are retried — immediately when the
 * browser comes back online — and a retry the server had already stored is replayed, never
 * counted twice. Results are values: a refusal carries the server's code, message and details.
 *
 * @example
 * const client = createLinkClient({ server: 'https://ys.example', link: 'q8Xr…', token })
 * const view = await client.view()
 * const sent = await client.submit({ study: 'satisfied' }, { onWaiting: (why) => show(why) })
 */
export function createLinkClient({
  server,
  link,
  token,
  locale = 'zh-CN',
  fetch: fetchFn = (...args) => globalThis.fetch(...args),
  storage = defaultStorage(),
  retryMs = 1000,
  maxRetryMs = 30_000,
}: LinkClientOptions): LinkClient {
  const base = `${server.replace(/\/+$/, '')}/api/links/${encodeURIComponent(link)}`
  const store = pendingStore(storage, `${server.replace(/\/+$/, '')}|${link}|${token ?? ''}`)
  const language = () => ({ 'accept-language': typeof locale === 'function' ? locale() : locale })

  async function send(
    pending: PendingResponse,
    { signal, onWaiting }: SendOptions,
  ): Promise<LinkResult<LinkSubmitted>> {
    const body = JSON.stringify(
      token === undefined ? { answers: pending.answers } : { answers: pending.answers, token },
    )
    for (let attempt = 0; ; attempt++) {
      if (signal?.aborted) return failure(aborted())
      let response: Response
      try {
        response = await fetchFn(`${base}/responses`, {
          method: 'POST',
          headers: {
            ...language(),
            'content-type': 'application/json',
            'idempotency-key': pending.key,
          },
          body,
          signal,
        })
      } catch {
        if (signal?.aborted) return failure(aborted())
        onWaiting?.('offline')
        await waitToRetry(Math.min(retryMs * 2 ** attempt, maxRetryMs), signal)
        continue
      }
      if (isTransient(response.status)) {
        onWaiting?.('retrying')
        await waitToRetry(Math.min(retryMs * 2 ** attempt, maxRetryMs), signal)
        continue
      }
      const read = await readJson(response)
      // The server has decided: stored, replayed, or refused for good (a changed answer is a new response).
      store.clear()
      if (!read.ok) return read
      if (!response.ok) return failure(apiError(response.status, read.value))
      const stored = read.value as Partial<LinkSubmitted> & { id: number }
      return {
        ok: true,
        value: {
          id: stored.id,
          // Absent where the campaign does not show respondents their score.
          score: stored.score ?? null,
          review: stored.review ?? null,
          replayed: response.headers.get('idempotent-replayed') === 'true',
        },
      }
    }
  }

  /** One request answered by a view: a value, the server's refusal, or a network error. */
  async function fetchView(url: string, init: RequestInit): Promise<LinkResult<LinkView>> {
    let response: Response
    try {
      response = await fetchFn(url, init)
    } catch (error) {
      return failure(init.signal?.aborted ? aborted() : networkError(error))
    }
    const read = await readJson(response)
    if (!read.ok) return read
    if (!response.ok) return failure(apiError(response.status, read.value))
    return { ok: true, value: read.value as LinkView }
  }

  return {
    view(signal) {
      const query = token === undefined ? '' : `?token=${encodeURIComponent(token)}`
      return fetchView(`${base}${query}`, { headers: language(), signal })
    },
    startAttempt(signal) {
      return fetchView(`${base}/attempts`, {
        method: 'POST',
        headers: { ...language(), 'content-type': 'application/json' },
        body: JSON.stringify(token === undefined ? {} : { token }),
        signal,
      })
    },
    pending: () => store.read(),
    submit(answers, options = {}) {
      const pending = { key: newIdempotencyKey(), answers, savedAt: new Date().toISOString() }
      store.save(pending)
      return send(pending, options)
    },
    async resume(options = {}) {
      const pending = store.read()
      return pending ? send(pending, options) : null
    },
  }
}

/** Statuses worth retrying with the same key: the server may not have decided. */
function isTransient(status: number): boolean {
  return status === 408 || status === 429 || status >= 500
}

// The SDK is typed without the DOM (it runs in Node too): the browser globals it may use.
interface BrowserGlobals {
  localStorage?: PendingStorage
  window?: {
    addEventListener(type: 'online', listener: () => void): void
    removeEventListener(type: 'online', listener: () => void): void
  }
}
const browser = globalThis as BrowserGlobals

function defaultStorage(): PendingStorage | null {
  try {
    return browser.localStorage ?? null
  } catch {
    return null // e.g. a sandboxed frame, where touching localStorage throws
  }
}

/** Waits `ms`, or less: until the browser says it is back online, or the signal aborts. */
function waitToRetry(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const target = browser.window
    const done = () => {
      clearTimeout(timer)
      target?.removeEventListener('online', done)
      signal?.removeEventListener('abort', done)
      resolve()
    }
    const timer = setTimeout(done, ms)
    target?.addEventListener('online', done)
    signal?.addEventListener('abort', done)
  })
}

async function readJson(response: Response): Promise<LinkResult<unknown>> {
  try {
    return { ok: true, value: await response.json() }
  } catch {
    return failure({
      code: 'badResponse',
      status: response.status,
      message: `The server answered ${response.status} without the API's JSON`,
      details: null,
    })
  }
}

function apiError(status: number, body: unknown): LinkError {
  const error = (body as { error?: Partial<LinkError> } | null)?.error
  return {
    code: typeof error?.code === 'string' ? error.code : 'badResponse',
    status,
    message: typeof error?.message === 'string' ? error.message : `HTTP ${status}`,
    details: error?.details ?? null,
  }
}

function networkError(error: unknown): LinkError {
  const why = error instanceof Error ? error.message : String(error)
  return {
    code: 'network',
    status: 0,
    message: `The server could not be reached: ${why}`,
    details: null,
  }
}

function aborted(): LinkError {
  return { code: 'aborted', status: 0, message: 'Stopped by the page', details: null }
}

function failure(error: LinkError): { ok: false; error: LinkError } {
  return { ok: false, error }
}
