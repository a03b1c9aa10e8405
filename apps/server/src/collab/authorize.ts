import type { IncomingMessage } from 'node:http'
import type { TLSSocket } from 'node:tls'
import { type Db, schema } from '@yardstick/db'
import { eq } from 'drizzle-orm'
import { reaches } from '../auth/access'
import { tokenOfHeaders } from '../auth/middleware'
import { type AuthUser, userForToken } from '../auth/sessions'
import { isOwnOrigin, originReached } from '../http/public-origin'
import type { CloseReason } from './close-codes'

/** Who may open a form's document, and whether they may change it. */
export type Admission = { user: AuthUser; canWrite: boolean } | { refused: CloseReason }

/**
 * What an upgrade request brings: its session token (the cookie a browser sends, or an
 * `Authorization: Bearer` header from another program; a `?token=` in the URL is ignored) and
 * whether its `Origin` is this server's own. No `Origin` is a program, not a browser page: it is
 * let through, and admission still asks for a valid session like any other.
 *
 * @example
 * const { origin, token } = upgradeCredentials(request) // { origin: 'own', token: 'q8Xr…' }
 */
export function upgradeCredentials(request: IncomingMessage): {
  origin: 'own' | 'foreign' | 'none'
  token: string | null
} {
  const header = (name: string) => {
    const value = request.headers[name]
    return Array.isArray(value) ? value.join(', ') : value
  }
  const token = tokenOfHeaders(header) ?? null
  const origin = header('origin')
  if (origin === undefined) return { origin: 'none', token }
  const protocol = (request.socket as TLSSocket).encrypted ? 'https:' : 'http:'
  return { origin: isOwnOrigin(origin, originReached(header, protocol)) ? 'own' : 'foreign', token }
}

/**
 * The signed-in user a socket speaks for: a valid, unexpired, unrevoked token of an active user
 * who has no password change pending (the API refuses them everything else too:
 * `passwordChangeRequired`), or why not.
 *
 * @example
 * const who = await socketUser(db, token)
 * if ('refused' in who) return who
 */
export async function socketUser(
  db: Db,
  token: string | null,
): Promise<{ user: AuthUser } | { refused: CloseReason }> {
  if (!token) return { refused: 'unauthenticated' }
  const user = await userForToken(db, token)
  if (!user) return { refused: 'unauthenticated' }
  if (user.mustChangePassword) return { refused: 'forbidden' }
  return { user }
}

/**
 * Decides a co-editing connection: a valid, unexpired, unrevoked token; a form that exists; an
 * `editor`/`admin` role reaching its office writes, a `reviewer` reads; anyone else is refused.
 * An archived form is read-only for everybody, as the REST routes refuse its changes ([COL3]).
 */
export async function admitToForm(
  db: Db,
  token: string | null,
  formId: number,
): Promise<Admission> {
  const who = await socketUser(db, token)
  if ('refused' in who) return who
  const { user } = who
  const [form] = await db
    .select({ path: schema.orgs.path, archivedAt: schema.forms.archivedAt })
    .from(schema.forms)
    .innerJoin(schema.orgs, eq(schema.orgs.id, schema.forms.orgId))
    .where(eq(schema.forms.id, formId))
  if (!form) return { refused: 'notFound' }
  if (reaches(user, form.path, ['editor'])) return { user, canWrite: form.archivedAt === null }
  if (reaches(user, form.path, ['reviewer'])) return { user, canWrite: false }
  return { refused: 'forbidden' }
}
