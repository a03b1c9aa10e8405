import { Redis } from 'ioredis'
import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import type { CloseReason } from './close-codes'
import type { DocFanOut } from './shared-doc'

const KIND = { update: 0, awareness: 1 } as const

/** The channel (after the prefix) on which processes tell each other which sessions ended. */
const SESSIONS_ENDED = 'sessions-ended'

/**
 * Sessions another process ended (by the SHA-256 of their token, as the database keeps it, never
 * the token itself): one signed out, or every session of a user but `keepTokenHash`.
 */
export type SessionsEnded = { reason: CloseReason } & (
  | { tokenHash: string }
  | { userId: number; keepTokenHash?: string }
)

/** A message from another process about a document. */
export type FanOutMessage =
  | { kind: 'update'; updateId: number; payload: Uint8Array }
  | { kind: 'awareness'; payload: Uint8Array }

/**
 * Shares documents between server processes through Redis pub/sub: each update is relayed ONCE,
 * as the bytes already made durable by the sending process with its row id, tagged with the
 * process so it ignores its own (docs/COLLABORATION.md item 14: no chatty state-vector exchange).
 */
export class RedisFanOut implements DocFanOut {
  private readonly pub: Redis
  private readonly sub: Redis
  private readonly handlers = new Map<string, (message: FanOutMessage) => void>()
  private sessionsEnded: ((ended: SessionsEnded) => void) | null = null

  constructor(
    url: string,
    private readonly processId: string,
    private readonly prefix = 'yardstick:collab:',
  ) {
    this.pub = new Redis(url, { maxRetriesPerRequest: null, lazyConnect: false })
    this.sub = new Redis(url, { maxRetriesPerRequest: null, lazyConnect: false })
    this.sub.on('messageBuffer', (channel: Buffer, message: Buffer) =>
      this.receive(channel.toString(), message),
    )
    for (const client of [this.pub, this.sub]) {
      client.on('error', (error) => console.error(`redis: ${error.message}`))
    }
  }

  /** Starts listening for a document; resolves once Redis confirmed the subscription. */
  async subscribe(docName: string, handler: (message: FanOutMessage) => void): Promise<void> {
    this.handlers.set(docName, handler)
    await this.sub.subscribe(this.prefix + docName)
  }

  async unsubscribe(docName: string): Promise<void> {
    this.handlers.delete(docName)
    await this.sub.unsubscribe(this.prefix + docName)
  }

  /**
   * Hears the sessions other processes end (sign-out, deactivation, a password change), so this
   * process closes their sockets at once too ([COL9]); resolves once subscribed.
   */
  async onSessionsEnded(handler: (ended: SessionsEnded) => void): Promise<void> {
    this.sessionsEnded = handler
    await this.sub.subscribe(this.prefix + SESSIONS_ENDED)
  }

  /** Tells the other processes that sessions ended. */
  publishSessionsEnded(ended: SessionsEnded): void {
    const message = JSON.stringify({ from: this.processId, ended })
    void this.pub.publish(this.prefix + SESSIONS_ENDED, message)
  }

  publishUpdate(docName: string, updateId: number, update: Uint8Array): void {
    this.publish(docName, KIND.update, updateId, update)
  }

  publishAwareness(docName: string, update: Uint8Array): void {
    this.publish(docName, KIND.awareness, 0, update)
  }

  private publish(docName: string, kind: number, updateId: number, payload: Uint8Array): void {
    const encoder = encoding.createEncoder()
    encoding.writeVarString(encoder, this.processId)
    encoding.writeVarUint(encoder, kind)
    encoding.writeVarUint(encoder, updateId)
    encoding.writeVarUint8Array(encoder, payload)
    void this.pub.publish(this.prefix + docName, Buffer.from(encoding.toUint8Array(encoder)))
  }

  private receive(channel: string, message: Buffer): void {
    if (channel === this.prefix + SESSIONS_ENDED) {
      const { from, ended } = JSON.parse(message.toString()) as {
        from: string
        ended: SessionsEnded
      }
      if (from !== this.processId) this.sessionsEnded?.(ended)
      return
    }
    const handler = this.handlers.get(channel.slice(this.prefix.length))
    if (!handler) return
    const decoder = decoding.createDecoder(new Uint8Array(message))
    if (decoding.readVarString(decoder) === this.processId) return
    const kind = decoding.readVarUint(decoder)
    const updateId = decoding.readVarUint(decoder)
    const payload = decoding.readVarUint8Array(decoder)
    handler(
      kind === KIND.update ? { kind: 'update', updateId, payload } : { kind: 'awareness', payload },
    )
  }

  async close(): Promise<void> {
    this.handlers.clear()
    await Promise.allSettled([this.pub.quit(), this.sub.quit()])
  }
}
