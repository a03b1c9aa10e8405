import type { User } from '@yardstick/contract'
import type { Db } from '@yardstick/db'
import { sitsOnOpenPanel } from '../campaigns/source-rules'

/**
 * The signed-in user as the API shows it (`User`): their grants, and whether a panel names them,
 * which gives a way in to `/assess` to someone without any role. Read only where the user is
 * shown (sign-in, `/api/me`, the session), not on every request.
 *
 * @example
 * return c.json(await userView(db, c.var.user), 200)
 */
export async function userView(db: Db, user: Omit<User, 'onPanel'>): Promise<User> {
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    grants: user.grants,
    onPanel: await sitsOnOpenPanel(db, user.id),
    mustChangePassword: user.mustChangePassword,
  }
}
