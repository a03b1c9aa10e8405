import type { PendingResponse, PendingStorage } from './types'

const PREFIX = 'yardstick:pending:'

/**
 * The unsent response of one (server, link, token), kept in `storage` (`localStorage`) so a
 * reload, a closed tab or a lost network never loses it. Storage that refuses to work (private
 * modes, quotas) degrades to memory: the response is then kept for this page only.
 *
 * @example
 * const pending = pendingStore(localStorage, 'https://ys.example|q8Xr|')
 * pending.save({ key, answers, savedAt: new Date().toISOString() })
 */
export function pendingStore(storage: PendingStorage | null, id: string) {
  const name = `${PREFIX}${id}`
  let memory: PendingResponse | null = null
  return {
    read(): PendingResponse | null {
      try {
        const raw = storage?.getItem(name)
        if (raw) return parsePending(raw)
      } catch {
        // Unreadable storage: fall back to what this page kept.
      }
      return memory
    },
    save(pending: PendingResponse): void {
      memory = pending
      try {
        storage?.setItem(name, JSON.stringify(pending))
      } catch {
        // Kept in memory; the page still retries it.
      }
    },
    clear(): void {
      memory = null
      try {
        storage?.removeItem(name)
      } catch {
        // Nothing stored to clear.
      }
    },
  }
}

function parsePending(raw: string): PendingResponse | null {
  try {
    const value = JSON.parse(raw) as Partial<PendingResponse>
    const valid =
      typeof value.key === 'string' &&
      typeof value.savedAt === 'string' &&
      typeof value.answers === 'object' &&
      value.answers !== null
    return valid ? (value as PendingResponse) : null
  } catch {
    return null
  }
}

/** A fresh `Idempotency-Key`: 128 random bits (also where `crypto.randomUUID` is missing: plain-HTTP intranets). */
export function newIdempotencyKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16))
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')
}
