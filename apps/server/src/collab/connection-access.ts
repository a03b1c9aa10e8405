import type { WebSocket } from 'ws'
import { hashToken } from '../auth/sessions'
import type { Admission } from './authorize'
import { closeWith } from './close-codes'
import { type DocKind, targetOfName } from './doc-kinds'
import type { DocRegistry } from './doc-registry'
import type { SessionsEnded } from './redis-fan-out'
import type { Connection, SharedDoc } from './shared-doc'

/**
 * A socket between its upgrade and joining its document; `userId` once admitted. `recheck` is set
 * when a user's sessions ended while it was still being admitted and its user was not yet known:
 * it may be theirs, so its admission is asked again before it joins.
 */
export interface Admitting {
  socket: WebSocket
  token: string | null
  userId: number | null
  recheck: boolean
}

/**
 * Who may stay connected to one document, asked again: what the document mirrors is read again
 * first, then each connection's token is admitted anew — refused access is closed, and a writer
 * who may now only read is closed `forbidden` (it reconnects read-only). A check that fails is
 * not a refusal: the connection stays until a check can answer.
 *
 * @example
 * await revalidateDoc(docs, kinds, docs.get('form:12'))
 */
export async function revalidateDoc(
  docs: DocRegistry,
  kinds: readonly DocKind[],
  shared: SharedDoc,
): Promise<void> {
  const { kind, id } = targetOfName(kinds, shared.name)
  // A document that mirrors a row catches up with it first (a self-check approved
  // meanwhile freezes, COL25).
  await docs
    .bindingOf(shared)
    ?.refresh()
    .catch((error) =>
      console.error(`collab: refreshing ${shared.name} failed: ${(error as Error).message}`),
    )
  // One check per token: a user's several tabs share it, and every check queues in front
  // of the document's appends.
  const checks = new Map<string, Promise<Admission | null>>()
  for (const conn of [...shared.conns.values()]) {
    let check = checks.get(conn.token)
    if (!check) {
      check = kind.admit(conn.token, id).catch((error) => {
        console.error(`collab: revalidating ${shared.name} failed: ${(error as Error).message}`)
        return null
      })
      checks.set(conn.token, check)
    }
    const admission = await check
    if (!admission) continue
    if ('refused' in admission) shared.close(conn, admission.refused)
    else if (conn.canWrite && !admission.canWrite) shared.close(conn, 'forbidden')
  }
}

/**
 * Closes this process's sockets of ended sessions ([COL9]) — joined to a document, or admitted a
 * moment before and still loading (their `connect` then finds them closed) — and returns how
 * many. A socket whose admission is still being read when a user's sessions end is marked to be
 * admitted again (`recheck`): whose it is is not known yet.
 *
 * @example
 * closeEndedSessions(docs, admitting, { tokenHash, reason: 'unauthenticated' }) // 3
 */
export function closeEndedSessions(
  docs: DocRegistry,
  admitting: ReadonlySet<Admitting>,
  ended: SessionsEnded,
): number {
  type Signed = Pick<Connection, 'token'> & { user: Pick<Connection['user'], 'id'> }
  const matches =
    'tokenHash' in ended
      ? (conn: Signed) => hashToken(conn.token) === ended.tokenHash
      : (conn: Signed) =>
          conn.user.id === ended.userId &&
          (ended.keepTokenHash === undefined || hashToken(conn.token) !== ended.keepTokenHash)
  let closed = 0
  for (const shared of docs.loaded()) {
    for (const conn of [...shared.conns.values()]) {
      if (!matches(conn)) continue
      shared.close(conn, ended.reason)
      closed++
    }
  }
  for (const pending of admitting) {
    if (pending.userId === null && !('tokenHash' in ended)) pending.recheck = true
    if (!matches({ token: pending.token ?? '', user: { id: pending.userId ?? -1 } })) continue
    closeWith(pending.socket, ended.reason)
    closed++
  }
  return closed
}
