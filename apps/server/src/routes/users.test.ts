import { schema } from '@yardstick/db'
import { testStores } from '@yardstick/db/testing'
import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createFixture, type Fixture, PASSWORD } from '../../test/harness'
import { createUser } from '../orgs/org-tree'

const STRONG = 'Kx7p-Mq4z-Tr9w'

describe.each(await testStores())('the users API on %s', (kind) => {
  let f: Fixture
  /** Admin of 第一分工委 (sub) and of 第二分工委 (otherSub). */
  const admins = { sub: { id: 0, token: '' }, other: { id: 0, token: '' } }
  const signIn = async (email: string, password = PASSWORD) =>
    f.call('POST', '/api/auth/login', { body: { email, password } })
  const tokenOf = async (email: string, password = PASSWORD) => {
    const { status, body } = await signIn(email, password)
    if (status !== 200) throw new Error(`login ${email}: ${status}`)
    return body.token as string
  }
  const userRow = async (id: number) =>
    (await f.database.db.select().from(schema.users).where(eq(schema.users.id, id)))[0]
  const grantRows = async (userId: number) =>
    f.database.db.select().from(schema.roleGrants).where(eq(schema.roleGrants.userId, userId))
  const makeUser = async (email: string, grants: Array<{ role: any; orgId: number }>) =>
    (
      await createUser(f.database.db, {
        email,
        name: email.split('@')[0] ?? '',
        password: PASSWORD,
        grants,
      })
    ).id

  beforeAll(async () => {
    f = await createFixture(kind)
    admins.sub.id = await makeUser('sub-admin@example.org', [{ role: 'admin', orgId: f.orgs.sub }])
    admins.other.id = await makeUser('other-admin@example.org', [
      { role: 'admin', orgId: f.orgs.otherSub },
    ])
    admins.sub.token = await tokenOf('sub-admin@example.org')
    admins.other.token = await tokenOf('other-admin@example.org')
  })
  afterAll(() => f.close())

  describe('listUsers', () => {
    it('shows a root admin every user, those without a role included', async () => {
      const { status, body } = await f.call('GET', '/api/users?limit=100', {
        token: await f.login('admin'),
      })
      expect(status).toBe(200)
      const emails = body.items.map((u: { email: string }) => u.email)
      expect(emails).toEqual(
        expect.arrayContaining(['admin@example.org', 'editor@example.org', 'outsider@example.org']),
      )
      expect(body.total).toBe(body.items.length)
    })

    it('shows a sub-committee admin only the users holding a role in their subtree, and only those roles', async () => {
      const both = await makeUser('both@example.org', [
        { role: 'secretary', orgId: f.orgs.branch1 },
        { role: 'assessor', orgId: f.orgs.branch3 },
      ])
      const { body } = await f.call('GET', '/api/users?limit=100', { token: admins.sub.token })
      const emails = body.items.map((u: { email: string }) => u.email).sort()
      expect(emails).toEqual([
        'assessor@example.org',
        'both@example.org',
        'secretary@example.org',
        'sub-admin@example.org',
      ])
      const seen = body.items.find((u: { id: number }) => u.id === both)
      expect(seen.grants).toEqual([
        expect.objectContaining({
          role: 'secretary',
          orgId: f.orgs.branch1,
          orgName: '第一党支部',
        }),
      ])
      expect(seen.otherGrants).toBe(1)
      const other = await f.call('GET', '/api/users?limit=100', { token: admins.other.token })
      expect(other.body.items.map((u: { email: string }) => u.email).sort()).toEqual([
        'both@example.org',
        'other-admin@example.org',
      ])
    })

    it('filters by text, role, subtree and activity, and pages by cursor', async () => {
      const token = await f.login('admin')
      const byText = await f.call('GET', '/api/users?q=SECRET', { token })
      expect(byText.body.items.map((u: { email: string }) => u.email)).toEqual([
        'secretary@example.org',
      ])
      const byRole = await f.call('GET', `/api/users?role=admin&subtree=${f.orgs.sub}`, { token })
      expect(byRole.body.items.map((u: { email: string }) => u.email)).toEqual([
        'sub-admin@example.org',
      ])
      const inactive = await f.call('GET', '/api/users?active=false', { token })
      expect(inactive.body.items.every((u: { active: boolean }) => !u.active)).toBe(true)
      const first = await f.call('GET', '/api/users?limit=2', { token })
      expect(first.body.items).toHaveLength(2)
      const next = await f.call('GET', `/api/users?limit=2&cursor=${first.body.nextCursor}`, {
        token,
      })
      expect(next.body.items[0].id).toBeGreaterThan(first.body.items[1].id)
    })

    it('refuses a subtree outside the admin’s, an unknown one, and every role but admin', async () => {
      const outside = await f.call('GET', `/api/users?subtree=${f.orgs.branch3}`, {
        token: admins.sub.token,
      })
      expect(outside.status).toBe(403)
      const unknown = await f.call('GET', '/api/users?subtree=99999', { token: admins.sub.token })
      expect(unknown.status).toBe(404)
      for (const who of ['editor', 'reviewer', 'secretary', 'assessor', 'outsider'] as const) {
        const { status, body } = await f.call('GET', '/api/users', { token: await f.login(who) })
        expect(status, who).toBe(403)
        expect(body.error.code).toBe('forbidden')
      }
      expect((await f.call('GET', '/api/users')).status).toBe(401)
    })
  })

  describe('createUser', () => {
    it('creates a user with a role and a temporary password they must change', async () => {
      const { status, body } = await f.call('POST', '/api/users', {
        token: admins.sub.token,
        body: {
          email: 'New.Secretary@Example.org',
          name: '李书记',
          grants: [{ role: 'secretary', orgId: f.orgs.branch2 }],
        },
      })
      expect(status).toBe(201)
      expect(body.user).toMatchObject({
        email: 'new.secretary@example.org',
        name: '李书记',
        active: true,
        mustChangePassword: true,
        grants: [{ role: 'secretary', orgId: f.orgs.branch2 }],
      })
      expect(body.temporaryPassword).toMatch(/^[A-Za-z2-9]{4}(-[A-Za-z2-9]{4}){3}$/)
      const login = await signIn('new.secretary@example.org', body.temporaryPassword)
      expect(login.status).toBe(200)
      expect(login.body.user.mustChangePassword).toBe(true)
      const audit = await f.database.db
        .select()
        .from(schema.auditLog)
        .where(eq(schema.auditLog.entityId, String(body.user.id)))
      expect(audit.map((a) => a.action)).toContain('user.create')
      const everything = JSON.stringify(await f.database.db.select().from(schema.auditLog))
      expect(everything).not.toContain(body.temporaryPassword)
      expect(everything).not.toMatch(/scrypt\$/)
    })

    it('lets a root admin create a user without a role, and no one else', async () => {
      const root = await f.call('POST', '/api/users', {
        token: await f.login('admin'),
        body: { email: 'nobody@example.org', name: '无角色' },
      })
      expect(root.status).toBe(201)
      const sub = await f.call('POST', '/api/users', {
        token: admins.sub.token,
        body: { email: 'nobody2@example.org', name: '无角色' },
      })
      expect(sub.status).toBe(403)
    })

    it('refuses roles above or beside the admin’s subtree, unknown units, a taken e-mail and non-admins, creating nothing', async () => {
      const attempts = [
        { token: admins.sub.token, orgId: f.orgs.branch3, status: 403 },
        { token: admins.sub.token, orgId: f.orgs.committee, status: 403 },
        { token: admins.other.token, orgId: f.orgs.branch1, status: 403 },
        { token: admins.sub.token, orgId: 99999, status: 404 },
        { token: await f.login('editor'), orgId: f.orgs.branch1, status: 403 },
        { token: await f.login('secretary'), orgId: f.orgs.branch1, status: 403 },
      ]
      for (const [i, a] of attempts.entries()) {
        const { status, body } = await f.call('POST', '/api/users', {
          token: a.token,
          body: {
            email: `refused${i}@example.org`,
            name: 'x',
            grants: [{ role: 'editor', orgId: a.orgId }],
          },
        })
        expect(status, `attempt ${i}`).toBe(a.status)
        expect(body.error.message).toBeTruthy()
      }
      const taken = await f.call('POST', '/api/users', {
        token: admins.sub.token,
        body: {
          email: 'SECRETARY@example.org',
          name: 'x',
          grants: [{ role: 'editor', orgId: f.orgs.branch1 }],
        },
      })
      expect(taken.status).toBe(409)
      expect(taken.body.error.details).toEqual({ email: 'secretary@example.org' })
      const bad = await f.call('POST', '/api/users', {
        token: admins.sub.token,
        body: { email: 'not-an-email', name: '' },
      })
      expect(bad.status).toBe(400)
      const users = await f.database.db.select({ email: schema.users.email }).from(schema.users)
      expect(users.map((u) => u.email).filter((e) => e.startsWith('refused'))).toEqual([])
      expect((await grantRows(f.users.secretary.id)).map((g) => g.role)).toEqual(['secretary'])
      expect((await userRow(f.users.secretary.id))?.name).toBe('secretary')
    })
  })

  describe('updateUser', () => {
    it('renames and re-addresses a user the admin wholly manages', async () => {
      const id = await makeUser('rename@example.org', [{ role: 'assessor', orgId: f.orgs.branch1 }])
      const { status, body } = await f.call('PATCH', `/api/users/${id}`, {
        token: admins.sub.token,
        body: { name: '王伟', email: 'wang.wei@example.org' },
      })
      expect(status).toBe(200)
      expect(body).toMatchObject({ name: '王伟', email: 'wang.wei@example.org' })
      const [entry] = await f.database.db
        .select()
        .from(schema.auditLog)
        .where(eq(schema.auditLog.action, 'user.update'))
        .orderBy(schema.auditLog.id)
        .then((rows) => rows.filter((r) => r.entityId === String(id)))
      expect(entry).toMatchObject({
        actorId: admins.sub.id,
        before: { name: 'rename', email: 'rename@example.org' },
        after: { name: '王伟', email: 'wang.wei@example.org' },
      })
    })

    it('refuses a taken e-mail, a user with roles outside the admin’s reach, another subtree and non-admins', async () => {
      const id = await makeUser('keep@example.org', [{ role: 'assessor', orgId: f.orgs.branch1 }])
      const both = await makeUser('both2@example.org', [
        { role: 'editor', orgId: f.orgs.branch1 },
        { role: 'admin', orgId: f.orgs.committee },
      ])
      const cases = [
        { token: admins.sub.token, id, body: { email: 'editor@example.org' }, status: 409 },
        { token: admins.sub.token, id: both, body: { name: '接管' }, status: 403 },
        { token: admins.other.token, id, body: { name: '别处' }, status: 403 },
        { token: await f.login('editor'), id, body: { name: '编辑' }, status: 403 },
        { token: admins.sub.token, id: 99999, body: { name: '无' }, status: 404 },
        { token: admins.sub.token, id, body: {}, status: 400 },
      ]
      for (const [i, c] of cases.entries()) {
        const { status } = await f.call('PATCH', `/api/users/${c.id}`, {
          token: c.token,
          body: c.body,
        })
        expect(status, `case ${i}`).toBe(c.status)
      }
      expect(await userRow(id)).toMatchObject({ name: 'keep', email: 'keep@example.org' })
      expect(await userRow(both)).toMatchObject({ name: 'both2' })
    })
  })

  describe('deactivateUser and reactivateUser', () => {
    it('ends every session, refuses sign-in like a wrong password, and reactivates', async () => {
      const id = await makeUser('leaver@example.org', [{ role: 'editor', orgId: f.orgs.branch1 }])
      const token = await tokenOf('leaver@example.org')
      const other = await f.call('POST', `/api/users/${id}/deactivate`, {
        token: admins.other.token,
      })
      expect(other.status).toBe(403)
      expect((await f.call('GET', '/api/me', { token })).status).toBe(200)
      const { status, body } = await f.call('POST', `/api/users/${id}/deactivate`, {
        token: admins.sub.token,
      })
      expect(status).toBe(200)
      expect(body).toMatchObject({ active: false })
      expect((await f.call('GET', '/api/me', { token })).status).toBe(401)
      const refused = await signIn('leaver@example.org')
      const wrong = await signIn('editor@example.org', 'wrong-password')
      expect(refused.status).toBe(401)
      expect(refused.body).toEqual(wrong.body)
      const again = await f.call('POST', `/api/users/${id}/deactivate`, { token: admins.sub.token })
      expect(again.status).toBe(409)
      const listed = await f.call('GET', '/api/users?active=false', { token: admins.sub.token })
      expect(listed.body.items.map((u: { id: number }) => u.id)).toContain(id)
      const back = await f.call('POST', `/api/users/${id}/reactivate`, { token: admins.sub.token })
      expect(back.status).toBe(200)
      expect(back.body.active).toBe(true)
      expect((await signIn('leaver@example.org')).status).toBe(200)
      const twice = await f.call('POST', `/api/users/${id}/reactivate`, { token: admins.sub.token })
      expect(twice.status).toBe(409)
    })

    it('refuses deactivating oneself and non-admins', async () => {
      const self = await f.call('POST', `/api/users/${admins.sub.id}/deactivate`, {
        token: admins.sub.token,
      })
      expect(self.status).toBe(409)
      for (const who of ['editor', 'reviewer', 'secretary', 'assessor', 'outsider'] as const) {
        const { status } = await f.call('POST', `/api/users/${f.users.secretary.id}/deactivate`, {
          token: await f.login(who),
        })
        expect(status, who).toBe(403)
      }
      expect((await userRow(f.users.secretary.id))?.deactivatedAt).toBeNull()
      expect((await userRow(admins.sub.id))?.deactivatedAt).toBeNull()
    })
  })

  describe('resetPassword and changePassword', () => {
    it('forces a password change after a reset, then lets the user back in', async () => {
      const id = await makeUser('forgot@example.org', [
        { role: 'secretary', orgId: f.orgs.branch2 },
      ])
      const before = await tokenOf('forgot@example.org')
      const refused = await f.call('POST', `/api/users/${id}/reset-password`, {
        token: admins.other.token,
      })
      expect(refused.status).toBe(403)
      const reset = await f.call('POST', `/api/users/${id}/reset-password`, {
        token: admins.sub.token,
      })
      expect(reset.status).toBe(200)
      const temporary = reset.body.temporaryPassword as string
      expect((await f.call('GET', '/api/me', { token: before })).status).toBe(401)
      expect((await signIn('forgot@example.org')).status).toBe(401)

      const login = await signIn('forgot@example.org', temporary)
      expect(login.body.user.mustChangePassword).toBe(true)
      const token = login.body.token as string
      const elsewhere = await tokenOf('forgot@example.org', temporary)
      const blocked = await f.call('GET', '/api/orgs', { token })
      expect(blocked.status).toBe(403)
      expect(blocked.body.error.code).toBe('passwordChangeRequired')
      const me = await f.call('GET', '/api/me', { token })
      expect(me.status).toBe(200)
      expect(me.body.mustChangePassword).toBe(true)

      const weak = await f.call('POST', '/api/auth/password', {
        token,
        body: { currentPassword: temporary, newPassword: 'password123' },
      })
      expect(weak.status).toBe(422)
      expect(weak.body.error).toMatchObject({
        code: 'weakPassword',
        details: { reasons: ['common'], minLength: 10 },
      })
      const guessable = await f.call('POST', '/api/auth/password', {
        token,
        body: { currentPassword: temporary, newPassword: 'forgot12345' },
      })
      expect(guessable.body.error.details.reasons).toEqual(['guessable'])
      const wrong = await f.call('POST', '/api/auth/password', {
        token,
        body: { currentPassword: 'not-it-at-all', newPassword: STRONG },
      })
      expect(wrong.status).toBe(403)
      const same = await f.call('POST', '/api/auth/password', {
        token,
        body: { currentPassword: temporary, newPassword: temporary },
      })
      expect(same.status).toBe(400)
      expect((await userRow(id))?.mustChangePassword).toBe(true)

      const changed = await f.call('POST', '/api/auth/password', {
        token,
        body: { currentPassword: temporary, newPassword: STRONG },
      })
      expect(changed.status).toBe(200)
      expect(changed.body.mustChangePassword).toBe(false)
      expect((await f.call('GET', '/api/orgs', { token })).status).toBe(200)
      expect((await f.call('GET', '/api/me', { token: elsewhere })).status).toBe(401)
      expect((await signIn('forgot@example.org', STRONG)).body.user.mustChangePassword).toBe(false)
      expect((await userRow(id))?.passwordChangedAt).toBeInstanceOf(Date)
    })

    it('refuses resetting one’s own password, and non-admins', async () => {
      const self = await f.call('POST', `/api/users/${admins.sub.id}/reset-password`, {
        token: admins.sub.token,
      })
      expect(self.status).toBe(409)
      for (const who of ['editor', 'reviewer', 'secretary', 'assessor', 'outsider'] as const) {
        const { status } = await f.call(
          'POST',
          `/api/users/${f.users.assessor.id}/reset-password`,
          {
            token: await f.login(who),
          },
        )
        expect(status, who).toBe(403)
      }
      expect((await userRow(f.users.assessor.id))?.mustChangePassword).toBe(false)
    })
  })

  describe('grantRole and revokeRole', () => {
    it('grants any role inside the admin’s subtree, admin included, and revokes it', async () => {
      const id = await makeUser('helper@example.org', [{ role: 'assessor', orgId: f.orgs.branch1 }])
      const granted = await f.call('POST', `/api/users/${id}/grants`, {
        token: admins.sub.token,
        body: { role: 'admin', orgId: f.orgs.branch2 },
      })
      expect(granted.status).toBe(201)
      const grant = granted.body.grants.find((g: { role: string }) => g.role === 'admin')
      expect(grant).toMatchObject({ orgId: f.orgs.branch2 })
      const twice = await f.call('POST', `/api/users/${id}/grants`, {
        token: admins.sub.token,
        body: { role: 'admin', orgId: f.orgs.branch2 },
      })
      expect(twice.status).toBe(409)
      const revoked = await f.call('DELETE', `/api/users/${id}/grants/${grant.id}`, {
        token: admins.sub.token,
      })
      expect(revoked.status).toBe(200)
      expect(revoked.body.grants.map((g: { role: string }) => g.role)).toEqual(['assessor'])
      const actions = (await f.database.db.select().from(schema.auditLog))
        .filter((a) => a.entityId === String(grant.id))
        .map((a) => a.action)
      expect(actions).toEqual(['role.grant', 'role.revoke'])
    })

    it('never grants above or beside the admin’s subtree, on a retired unit, or to users they cannot see', async () => {
      const id = await makeUser('limited@example.org', [
        { role: 'assessor', orgId: f.orgs.branch1 },
      ])
      const retired = await f.database.db
        .insert(schema.orgs)
        .values({
          kind: 'branch',
          name: '已撤销支部',
          path: '/tmp/',
          parentId: f.orgs.sub,
          retiredAt: new Date(),
        })
        .returning()
      const retiredId = retired[0]?.id as number
      await f.database.db
        .update(schema.orgs)
        .set({ path: `/${f.orgs.committee}/${f.orgs.sub}/${retiredId}/` })
        .where(eq(schema.orgs.id, retiredId))
      const cases = [
        { token: admins.sub.token, userId: id, orgId: f.orgs.committee, status: 403 },
        { token: admins.sub.token, userId: id, orgId: f.orgs.branch3, status: 403 },
        { token: admins.sub.token, userId: id, orgId: retiredId, status: 409 },
        { token: admins.sub.token, userId: id, orgId: 99999, status: 404 },
        { token: admins.other.token, userId: id, orgId: f.orgs.branch3, status: 403 },
        { token: await f.login('editor'), userId: id, orgId: f.orgs.branch1, status: 403 },
        {
          token: admins.sub.token,
          userId: f.users.outsider.id,
          orgId: f.orgs.branch1,
          status: 403,
        },
      ]
      for (const [i, c] of cases.entries()) {
        const { status } = await f.call('POST', `/api/users/${c.userId}/grants`, {
          token: c.token,
          body: { role: 'editor', orgId: c.orgId },
        })
        expect(status, `case ${i}`).toBe(c.status)
      }
      expect((await grantRows(id)).map((g) => g.role)).toEqual(['assessor'])
      expect(await grantRows(f.users.outsider.id)).toEqual([])
    })

    it('revokes only grants inside the admin’s subtree, and never the admin’s own last admin role', async () => {
      const id = await makeUser('two-places@example.org', [
        { role: 'assessor', orgId: f.orgs.branch1 },
        { role: 'assessor', orgId: f.orgs.branch3 },
      ])
      const grants = await grantRows(id)
      const beside = grants.find((g) => g.orgId === f.orgs.branch3)
      const outside = await f.call('DELETE', `/api/users/${id}/grants/${beside?.id}`, {
        token: admins.sub.token,
      })
      expect(outside.status).toBe(403)
      const unknown = await f.call('DELETE', `/api/users/${id}/grants/99999`, {
        token: admins.sub.token,
      })
      expect(unknown.status).toBe(404)
      const [own] = await grantRows(admins.sub.id)
      const last = await f.call('DELETE', `/api/users/${admins.sub.id}/grants/${own?.id}`, {
        token: admins.sub.token,
      })
      expect(last.status).toBe(409)
      for (const who of ['editor', 'reviewer', 'secretary', 'assessor', 'outsider'] as const) {
        const { status } = await f.call('DELETE', `/api/users/${id}/grants/${grants[0]?.id}`, {
          token: await f.login(who),
        })
        expect(status, who).toBe(403)
      }
      expect(await grantRows(id)).toHaveLength(2)
      expect(await grantRows(admins.sub.id)).toHaveLength(1)
    })
  })

  it('answers getUser to an admin who sees the user, 403 to another subtree', async () => {
    const mine = await f.call('GET', `/api/users/${f.users.secretary.id}`, {
      token: admins.sub.token,
    })
    expect(mine.status).toBe(200)
    expect(mine.body.email).toBe('secretary@example.org')
    const theirs = await f.call('GET', `/api/users/${f.users.secretary.id}`, {
      token: admins.other.token,
    })
    expect(theirs.status).toBe(403)
    expect((await f.call('GET', '/api/users/99999', { token: admins.sub.token })).status).toBe(404)
  })
})
