import type { Role } from '@yardstick/db'
import type { Fixture } from '../../test/harness'
import { PASSWORD } from '../../test/harness'
import { createUser } from '../orgs/org-tree'

/**
 * Adds a user with the given grants to a fixture and signs them in: for the cases the
 * fixture's six users do not cover (an editor of one sub-committee only, a second secretary).
 *
 * @example
 * const token = await signInAs(f, 'sub-editor', [{ role: 'editor', orgId: f.orgs.otherSub }])
 */
export async function signInAs(
  f: Fixture,
  name: string,
  grants: Array<{ role: Role; orgId: number }>,
): Promise<string> {
  const email = `${name}@example.org`
  await createUser(f.database.db, { email, name, password: PASSWORD, grants })
  const { status, body } = await f.call('POST', '/api/auth/login', {
    body: { email, password: PASSWORD },
  })
  if (status !== 200) throw new Error(`signInAs ${name}: ${status}`)
  return body.token as string
}

/** A small valid form: one scored yes/no question per name. */
export function yesNoForm(title: string, names: string[], yesScore = 1) {
  return {
    title,
    pages: [
      {
        name: 'p1',
        elements: names.map((name) => ({
          type: 'radiogroup',
          name,
          title: `是否${name}`,
          choices: [
            { value: 'yes', text: '是', score: yesScore },
            { value: 'no', text: '否', score: 0 },
          ],
        })),
      },
    ],
  }
}
