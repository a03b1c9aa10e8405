import { type Db, schema } from '@yardstick/db'
import { eq } from 'drizzle-orm'
import { recordAudit } from '../audit/record'
import type { UserConnections } from '../collab/user-connections'
import { AppError } from '../http/errors'
import { hashPassword, verifyPassword } from './password'
import { assertStrongPassword } from './password-policy'
import { revokeUserSessions, type SessionUser } from './sessions'

/** What `changeOwnPassword` takes: the two passwords and this process's sockets. */
export interface PasswordChange {
  currentPassword: string
  newPassword: string
  sockets?: UserConnections
}

/**
 * `POST /api/auth/password`: checks the current password (403 `forbidden` when wrong: a 401
 * would sign the client out), refuses a new one equal to it (400) or that the policy refuses
 * (422 `weakPassword`), then stores it, clears `mustChangePassword` and ends the user's other
 * sessions and their sockets. Written to the audit log without either password.
 *
 * @example
 * await changeOwnPassword(db, user, token, { currentPassword, newPassword })
 */
export async function changeOwnPassword(
  db: Db,
  user: SessionUser,
  token: string,
  { currentPassword, newPassword, sockets }: PasswordChange,
): Promise<void> {
  const [row] = await db
    .select({ passwordHash: schema.users.passwordHash })
    .from(schema.users)
    .where(eq(schema.users.id, user.id))
  if (!row || !(await verifyPassword(currentPassword, row.passwordHash))) {
    throw new AppError('forbidden', 'The current password is not right', {
      field: 'currentPassword',
    })
  }
  if (newPassword === currentPassword) {
    throw new AppError('badRequest', 'The new password must differ from the current one', {
      field: 'newPassword',
    })
  }
  await assertStrongPassword(newPassword, [user.email, user.name])
  const passwordHash = await hashPassword(newPassword)
  await db.transaction(async (tx) => {
    await tx
      .update(schema.users)
      .set({ passwordHash, mustChangePassword: false, passwordChangedAt: new Date() })
      .where(eq(schema.users.id, user.id))
    const ended = await revokeUserSessions(tx, user.id, token)
    await recordAudit(tx, {
      actorId: user.id,
      action: 'user.changePassword',
      entity: 'user',
      entityId: user.id,
      orgPath: null,
      after: { mustChangePassword: false, otherSessionsEnded: ended },
    })
  })
  sockets?.closeUserConnections(user.id, 'unauthenticated', token)
}
