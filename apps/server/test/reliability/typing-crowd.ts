// Editors who never stop typing while servers die under them: three typists and an observer on
// y-websocket's own provider, and what each of them typed, stored and saw.
import type { WebsocketProvider } from 'y-websocket'
import type * as Y from 'yjs'
import { connect, synced } from '../collab/collab-harness'

/** One keystroke: who typed it and its number, e.g. `b:17`. */
type Keystroke = string

/** A client of the crowd: its document, its provider and which server it is on. */
export interface CrowdClient {
  name: string
  doc: Y.Doc
  provider: WebsocketProvider
}

/**
 * What the crowd's keystrokes look like in a document: each typist's keystrokes are words of
 * its own text (`keys:a` holds `a:0 a:1 …`), and every keystroke is also a letter somewhere in
 * the shared text. Text only, as a designer's typing is (text edits skip the server's form-shape
 * check, which copies the document: `updateLimitIssue` in @yardstick/doc).
 */
export function keystrokesIn(
  doc: Y.Doc,
  typists: readonly string[],
): { keys: Keystroke[]; text: string } {
  return {
    keys: typists.flatMap((name) =>
      doc.getText(`keys:${name}`).toString().split(' ').filter(Boolean),
    ),
    text: doc.getText('typed').toString(),
  }
}

/**
 * Typists that each type a distinct keystroke every `everyMs` (a word at the end of their own
 * text, so every keystroke stays countable, and a letter at a random place of a shared text, so
 * edits build on each other's structs), whether the server is up or not, and an
 * observer that only reads. `serverUrl(client)` tells a client where to connect next after a
 * close, as a load balancer would.
 */
export class TypingCrowd {
  readonly typists: CrowdClient[] = []
  readonly observer: CrowdClient
  readonly typed = new Set<Keystroke>()
  /** Every close a client heard, in order (`a 1006 ws://…`), for a failure to show. */
  readonly closes: string[] = []
  private timers: NodeJS.Timeout[] = []

  constructor(
    firstUrl: (index: number) => string,
    formId: number,
    token: string,
    private readonly nextUrl: (current: string) => string,
    typists = 3,
  ) {
    for (let i = 0; i < typists; i++) {
      this.typists.push(this.client(String.fromCharCode(97 + i), firstUrl(i), formId, token))
    }
    this.observer = this.client('observer', firstUrl(typists), formId, token)
  }

  private client(name: string, url: string, formId: number, token: string): CrowdClient {
    const { doc, provider } = connect(url, formId, token)
    provider.on('connection-close', (event) => {
      this.closes.push(`${name} ${event?.code ?? 'local'} ${provider.serverUrl}`)
      provider.serverUrl = this.nextUrl(provider.serverUrl)
    })
    return { name, doc, provider }
  }

  get all(): CrowdClient[] {
    return [...this.typists, this.observer]
  }

  synced(timeoutMs?: number): Promise<void> {
    return Promise.all(this.all.map((c) => synced(c.provider, timeoutMs))).then(() => {})
  }

  /** Starts typing: each typist a keystroke every `everyMs`, offline or not. */
  startTyping(everyMs: number): void {
    for (const typist of this.typists) {
      let n = 0
      this.timers.push(
        setInterval(() => {
          const key = `${typist.name}:${n++}`
          const own = typist.doc.getText(`keys:${typist.name}`)
          const text = typist.doc.getText('typed')
          typist.doc.transact(() => {
            own.insert(own.length, `${key} `)
            text.insert(Math.floor(Math.random() * (text.length + 1)), typist.name)
          })
          this.typed.add(key)
        }, everyMs),
      )
    }
  }

  stopTyping(): void {
    for (const timer of this.timers) clearInterval(timer)
    this.timers = []
  }

  /** What is in `doc` of what was typed: counts, and any keystroke missing or duplicated. */
  account(doc: Y.Doc): {
    stored: number
    missing: Keystroke[]
    duplicated: number
    letters: number
  } {
    const { keys, text } = keystrokesIn(
      doc,
      this.typists.map((t) => t.name),
    )
    const seen = new Set(keys)
    return {
      stored: seen.size,
      missing: [...this.typed].filter((key) => !seen.has(key)),
      duplicated: keys.length - seen.size,
      letters: text.length,
    }
  }

  destroy(): void {
    this.stopTyping()
    for (const client of this.all) client.provider.destroy()
  }
}

/**
 * Ms each client took from `since` to sync with a server again, or `null` for a client that did
 * not within `timeoutMs` (cut off).
 */
export function resyncTimes(
  clients: readonly CrowdClient[],
  since: number,
  timeoutMs = 20_000,
): Promise<Array<number | null>> {
  return Promise.all(
    clients.map(
      (c) =>
        new Promise<number | null>((resolve) => {
          const timer = setTimeout(() => done(null), timeoutMs)
          const done = (ms: number | null) => {
            clearTimeout(timer)
            c.provider.off('sync', check)
            resolve(ms)
          }
          const check = (isSynced: boolean) => {
            if (isSynced) done(Date.now() - since)
          }
          c.provider.on('sync', check)
        }),
    ),
  )
}
