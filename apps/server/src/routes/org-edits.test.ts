import { schema } from '@yardstick/db'
import { testStores } from '@yardstick/db/testing'
import { asc, eq, like } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createFixture, type Fixture, PASSWORD } from '../../test/harness'
import { createUser, insertOrg } from '../orgs/org-tree'

describe.each(await testStores())('editing the organisation tree on %s', (kind) => {
  let f: Fixture
  let tokens: Record<string, string>
  beforeAll(async () => {
    f = await createFixture(kind)
    // An admin of the other sub-committee: manages only its subtree.
    await createUser(f.database.db, {
      email: 'subadmin@example.org',
      name: 'subadmin',
      password: PASSWORD,
      grants: [{ role: 'admin', orgId: f.orgs.otherSub }],
    })
    tokens = {}
    for (const who of ['admin', 'editor', 'reviewer', 'secretary', 'assessor', 'outsider'] as const)
      tokens[who] = await f.login(who)
    const login = await f.call('POST', '/api/auth/login', {
      body: { email: 'subadmin@example.org', password: PASSWORD },
    })
    tokens.subAdmin = login.body.token
  })
  afterAll(() => f.close())

  const db = () => f.database.db
  const org = async (id: number) =>
    (await db().select().from(schema.orgs).where(eq(schema.orgs.id, id)))[0]
  const allOrgs = () => db().select().from(schema.orgs).orderBy(asc(schema.orgs.id))
  const audit = () => db().select().from(schema.auditLog).orderBy(asc(schema.auditLog.id))
  const as = (who: string) => ({ token: tokens[who] })
  /** Runs a refused call and checks that neither the tree nor the audit log changed. */
  const refused = async (call: () => Promise<{ status: number; body: any }>) => {
    const [orgsBefore, auditBefore] = [await allOrgs(), await audit()]
    const answer = await call()
    expect(await allOrgs()).toEqual(orgsBefore)
    expect(await audit()).toEqual(auditBefore)
    return answer
  }
  const branchUnder = async (parentId: number, name: string, extra: object = {}) =>
    insertOrg(db(), { parentId, kind: 'branch', name, unitType: 'organ', ...extra })

  describe('POST /api/orgs (createOrg)', () => {
    it('creates a branch under a sub-committee with its type and code, and records it', async () => {
      const { status, body } = await f.call('POST', '/api/orgs', {
        ...as('admin'),
        body: {
          parentId: f.orgs.sub,
          kind: 'branch',
          name: '  第四党支部 ',
          unitType: 'school',
          code: ' 0104 ',
        },
      })
      expect(status).toBe(201)
      expect(body).toMatchObject({
        parentId: f.orgs.sub,
        kind: 'branch',
        name: '第四党支部',
        unitType: 'school',
        unitTypeLabel: { 'zh-CN': '学校' },
        code: '0104',
        retiredAt: null,
      })
      expect(body.path).toBe(`/${f.orgs.committee}/${f.orgs.sub}/${body.id}/`)
      expect(await org(body.id)).toMatchObject({ name: '第四党支部', code: '0104' })
      const entry = (await audit()).at(-1)
      expect(entry).toMatchObject({
        actorId: f.users.admin.id,
        action: 'org.create',
        entity: 'org',
        entityId: String(body.id),
        orgPath: body.path,
        before: null,
      })
      expect(entry?.after).toMatchObject({ name: '第四党支部', code: '0104' })
    })

    it('refuses a unit under a branch (wrongKind), naming the parent', async () => {
      const { status, body } = await refused(() =>
        f.call('POST', '/api/orgs', {
          ...as('admin'),
          body: { parentId: f.orgs.branch1, kind: 'branch', name: 'x', unitType: 'organ' },
        }),
      )
      expect(status).toBe(409)
      expect(body.error).toMatchObject({ code: 'treeRule', details: { rule: 'wrongKind' } })
      expect(body.error.message).toContain('第一党支部')
    })

    it('refuses a branch without its type and a sub-committee with one', async () => {
      const noType = await refused(() =>
        f.call('POST', '/api/orgs', {
          ...as('admin'),
          body: { parentId: f.orgs.sub, kind: 'branch', name: 'x' },
        }),
      )
      expect(noType.body.error.details.rule).toBe('unitTypeRequired')
      const typed = await refused(() =>
        f.call('POST', '/api/orgs', {
          ...as('admin'),
          body: { parentId: f.orgs.sub, kind: 'subcommittee', name: 'x', unitType: 'organ' },
        }),
      )
      expect(typed.body.error.details.rule).toBe('unitTypeNotAllowed')
    })

    it('refuses a code another unit of the committee holds (409 conflict naming both)', async () => {
      await f.call('PATCH', `/api/orgs/${f.orgs.branch3}`, { ...as('admin'), body: { code: 'C3' } })
      const { status, body } = await refused(() =>
        f.call('POST', '/api/orgs', {
          ...as('admin'),
          body: { parentId: f.orgs.sub, kind: 'branch', name: 'x', unitType: 'organ', code: 'C3' },
        }),
      )
      expect(status).toBe(409)
      expect(body.error).toMatchObject({
        code: 'conflict',
        details: { rule: 'duplicateCode', orgCode: 'C3', holder: { id: f.orgs.branch3 } },
      })
      expect(body.error.message).toContain('第三党支部')
    })

    it('refuses an unknown parent, a blank name and a committee (400)', async () => {
      for (const bad of [
        { parentId: 99_999, kind: 'branch', name: 'x', unitType: 'organ' },
        { parentId: f.orgs.sub, kind: 'branch', name: '   ', unitType: 'organ' },
        { parentId: f.orgs.sub, kind: 'committee', name: 'x' },
        {
          parentId: f.orgs.sub,
          kind: 'branch',
          name: 'x',
          unitType: 'organ',
          code: 'c'.repeat(65),
        },
      ]) {
        const { status, body } = await refused(() =>
          f.call('POST', '/api/orgs', { ...as('admin'), body: bad }),
        )
        expect(status, JSON.stringify(bad)).toBe(400)
        expect(body.error.code).toBe('invalidBody')
      }
    })

    it('lets only an admin reaching the parent create (every role, another subtree, no sign-in)', async () => {
      const attempt = (token?: string) =>
        f.call('POST', '/api/orgs', {
          ...(token ? { token } : {}),
          body: { parentId: f.orgs.sub, kind: 'branch', name: '授权测试', unitType: 'organ' },
        })
      for (const who of ['editor', 'reviewer', 'secretary', 'assessor', 'outsider', 'subAdmin']) {
        const { status, body } = await refused(() => attempt(tokens[who]))
        expect(status, who).toBe(403)
        expect(body.error.code).toBe('forbidden')
      }
      expect((await refused(() => attempt())).status).toBe(401)
      const own = await f.call('POST', '/api/orgs', {
        ...as('subAdmin'),
        body: { parentId: f.orgs.otherSub, kind: 'branch', name: '本级新建', unitType: 'hospital' },
      })
      expect(own.status).toBe(201)
    })
  })

  describe('PATCH /api/orgs/{id} (updateOrg)', () => {
    it('renames, changes the type and sets the code, one audit entry per field', async () => {
      const unit = await branchUnder(f.orgs.sub, '改名前')
      const before = (await audit()).length
      const { status, body } = await f.call('PATCH', `/api/orgs/${unit.id}`, {
        ...as('admin'),
        body: { name: '改名后', unitType: 'research', code: 'R-1' },
      })
      expect(status).toBe(200)
      expect(body).toMatchObject({ name: '改名后', unitType: 'research', code: 'R-1' })
      const entries = (await audit()).slice(before)
      expect(entries.map((e) => [e.action, e.before, e.after])).toEqual([
        ['org.rename', { name: '改名前' }, { name: '改名后' }],
        ['org.retype', { unitType: 'organ' }, { unitType: 'research' }],
        ['org.recode', { code: null }, { code: 'R-1' }],
      ])
      const cleared = await f.call('PATCH', `/api/orgs/${unit.id}`, {
        ...as('admin'),
        body: { code: null },
      })
      expect(cleared.body.code).toBeNull()
      expect((await org(unit.id))?.code).toBeNull()
    })

    it('refuses a branch type on a sub-committee, a taken code, an empty body, an unknown id', async () => {
      await f.call('PATCH', `/api/orgs/${f.orgs.branch2}`, { ...as('admin'), body: { code: 'B2' } })
      const typed = await refused(() =>
        f.call('PATCH', `/api/orgs/${f.orgs.sub}`, { ...as('admin'), body: { unitType: 'organ' } }),
      )
      expect(typed.body.error).toMatchObject({
        code: 'treeRule',
        details: { rule: 'unitTypeNotAllowed' },
      })
      const taken = await refused(() =>
        f.call('PATCH', `/api/orgs/${f.orgs.branch1}`, { ...as('admin'), body: { code: 'B2' } }),
      )
      expect(taken.status).toBe(409)
      expect(taken.body.error.details).toMatchObject({
        orgCode: 'B2',
        holder: { id: f.orgs.branch2 },
      })
      const empty = await refused(() =>
        f.call('PATCH', `/api/orgs/${f.orgs.branch1}`, { ...as('admin'), body: {} }),
      )
      expect(empty.status).toBe(400)
      const unknown = await refused(() =>
        f.call('PATCH', '/api/orgs/99999', { ...as('admin'), body: { name: 'x' } }),
      )
      expect(unknown.status).toBe(404)
    })

    it('lets only an admin reaching the unit edit it', async () => {
      for (const who of ['editor', 'reviewer', 'secretary', 'assessor', 'outsider', 'subAdmin']) {
        const { status } = await refused(() =>
          f.call('PATCH', `/api/orgs/${f.orgs.branch1}`, { ...as(who), body: { name: 'x' } }),
        )
        expect(status, who).toBe(403)
      }
      const own = await f.call('PATCH', `/api/orgs/${f.orgs.branch3}`, {
        ...as('subAdmin'),
        body: { name: '第三党支部' },
      })
      expect(own.status).toBe(200)
    })
  })

  describe('POST /api/orgs/{id}/move (moveOrg)', () => {
    it('moves a sub-committee with its subtree, rewriting every path; grants follow', async () => {
      const mid = await insertOrg(db(), {
        parentId: f.orgs.sub,
        kind: 'subcommittee',
        name: '中间层',
      })
      const leaf = await branchUnder(mid.id, '叶支部')
      const { status, body } = await f.call('POST', `/api/orgs/${mid.id}/move`, {
        ...as('admin'),
        body: { parentId: f.orgs.otherSub },
      })
      expect(status).toBe(200)
      const newPath = `/${f.orgs.committee}/${f.orgs.otherSub}/${mid.id}/`
      expect(body).toMatchObject({ parentId: f.orgs.otherSub, path: newPath })
      expect(await org(leaf.id)).toMatchObject({ parentId: mid.id, path: `${newPath}${leaf.id}/` })
      expect(
        await db()
          .select()
          .from(schema.orgs)
          .where(like(schema.orgs.path, `/${f.orgs.committee}/${f.orgs.sub}/${mid.id}/%`)),
      ).toEqual([])
      expect((await audit()).at(-1)).toMatchObject({
        action: 'org.move',
        orgPath: newPath,
        before: { parentId: f.orgs.sub },
        after: { parentId: f.orgs.otherSub, path: newPath, units: 2 },
      })
      // The admin of the other sub-committee now reaches the moved subtree.
      const seen = await f.call('GET', `/api/orgs/${leaf.id}`, as('subAdmin'))
      expect(seen.status).toBe(200)
    })

    it('refuses a cycle, the top committee, a branch parent, a retired parent', async () => {
      const outer = await insertOrg(db(), {
        parentId: f.orgs.sub,
        kind: 'subcommittee',
        name: '外层',
      })
      const inner = await insertOrg(db(), {
        parentId: outer.id,
        kind: 'subcommittee',
        name: '内层',
      })
      const retired = await insertOrg(db(), {
        parentId: f.orgs.sub,
        kind: 'subcommittee',
        name: '已撤销',
      })
      await f.call('POST', `/api/orgs/${retired.id}/retire`, as('admin'))
      const cases: Array<[number, number, string]> = [
        [outer.id, inner.id, 'cycle'],
        [outer.id, outer.id, 'cycle'],
        [f.orgs.committee, f.orgs.sub, 'topCommittee'],
        [f.orgs.branch2, f.orgs.branch1, 'wrongKind'],
        [f.orgs.branch2, retired.id, 'parentRetired'],
      ]
      for (const [id, parentId, rule] of cases) {
        const { status, body } = await refused(() =>
          f.call('POST', `/api/orgs/${id}/move`, { ...as('admin'), body: { parentId } }),
        )
        expect(status, rule).toBe(409)
        expect(body.error).toMatchObject({ code: 'treeRule', details: { rule } })
      }
    })

    it('refuses a move whose subtree brings a code the new committee already has', async () => {
      const top = await insertOrg(db(), { kind: 'committee', name: '另一党委' })
      const there = await insertOrg(db(), {
        parentId: top.id,
        kind: 'branch',
        name: '那边',
        unitType: 'organ',
        code: 'SAME',
      })
      const here = await branchUnder(f.orgs.sub, '这边', { code: 'SAME' })
      const { status, body } = await refused(() =>
        f.call('POST', `/api/orgs/${here.id}/move`, { ...as('admin'), body: { parentId: top.id } }),
      )
      // The admin of committee 1 does not reach the other committee: 403 before any rule.
      expect(status).toBe(403)
      await createUser(db(), {
        email: 'admin@example.org',
        name: 'admin',
        password: PASSWORD,
        grants: [{ role: 'admin', orgId: top.id }],
      })
      const both = (
        await f.call('POST', '/api/auth/login', {
          body: { email: 'admin@example.org', password: PASSWORD },
        })
      ).body.token
      const clash = await refused(() =>
        f.call('POST', `/api/orgs/${here.id}/move`, { token: both, body: { parentId: top.id } }),
      )
      expect(clash.status).toBe(409)
      expect(clash.body.error).toMatchObject({
        code: 'conflict',
        details: { rule: 'duplicateCode' },
      })
      expect(body.error.code).toBe('forbidden')
      expect(there.code).toBe('SAME')
    })

    it('needs an admin reaching both the unit and the new parent', async () => {
      const unit = await branchUnder(f.orgs.sub, '授权移动')
      for (const who of ['editor', 'reviewer', 'secretary', 'assessor', 'outsider', 'subAdmin']) {
        const { status } = await refused(() =>
          f.call('POST', `/api/orgs/${unit.id}/move`, {
            ...as(who),
            body: { parentId: f.orgs.otherSub },
          }),
        )
        expect(status, who).toBe(403)
      }
      // The other sub-committee's admin reaches the unit below but not the parent above.
      const own = await branchUnder(f.orgs.otherSub, '本级支部')
      const up = await refused(() =>
        f.call('POST', `/api/orgs/${own.id}/move`, {
          ...as('subAdmin'),
          body: { parentId: f.orgs.sub },
        }),
      )
      expect(up.status).toBe(403)
    })
  })

  describe('POST /api/orgs/{id}/retire and /restore (retireOrg, restoreOrg)', () => {
    it('retires a unit with its subtree at one instant and restores exactly those', async () => {
      const mid = await insertOrg(db(), {
        parentId: f.orgs.sub,
        kind: 'subcommittee',
        name: '撤销层',
      })
      const a = await branchUnder(mid.id, '甲')
      const b = await branchUnder(mid.id, '乙')
      // Retired on its own before: stays retired when the parent is restored.
      await f.call('POST', `/api/orgs/${b.id}/retire`, as('admin'))
      const { status, body } = await f.call('POST', `/api/orgs/${mid.id}/retire`, as('admin'))
      expect(status).toBe(200)
      expect(body.retiredAt).toEqual(expect.any(String))
      expect((await org(a.id))?.retiredAt?.toISOString()).toBe(body.retiredAt)
      expect((await audit()).at(-1)).toMatchObject({
        action: 'org.retire',
        after: { units: [mid.id, a.id] },
      })
      // A retired unit takes no new units.
      const under = await refused(() =>
        f.call('POST', '/api/orgs', {
          ...as('admin'),
          body: { parentId: mid.id, kind: 'branch', name: 'x', unitType: 'organ' },
        }),
      )
      expect(under.body.error.details.rule).toBe('parentRetired')
      // The tree shows it retired.
      const tree = await f.call('GET', `/api/orgs/${mid.id}`, as('admin'))
      expect(tree.body.retiredAt).toBe(body.retiredAt)
      const restored = await f.call('POST', `/api/orgs/${mid.id}/restore`, as('admin'))
      expect(restored.status).toBe(200)
      expect(restored.body.retiredAt).toBeNull()
      expect((await org(a.id))?.retiredAt).toBeNull()
      expect((await org(b.id))?.retiredAt).not.toBeNull()
    })

    it('refuses the top committee, a retired unit, restoring an active one or under a retired parent', async () => {
      const mid = await insertOrg(db(), {
        parentId: f.orgs.sub,
        kind: 'subcommittee',
        name: '父层',
      })
      const child = await branchUnder(mid.id, '子支部')
      await f.call('POST', `/api/orgs/${child.id}/retire`, as('admin'))
      await f.call('POST', `/api/orgs/${mid.id}/retire`, as('admin'))
      const cases: Array<[string, string]> = [
        [`/api/orgs/${f.orgs.committee}/retire`, 'topCommittee'],
        [`/api/orgs/${mid.id}/retire`, 'alreadyRetired'],
        [`/api/orgs/${f.orgs.branch1}/restore`, 'notRetired'],
        [`/api/orgs/${child.id}/restore`, 'parentRetired'],
      ]
      for (const [path, rule] of cases) {
        const { status, body } = await refused(() => f.call('POST', path, as('admin')))
        expect(status, path).toBe(409)
        expect(body.error.details.rule).toBe(rule)
      }
      expect(
        (await refused(() => f.call('POST', '/api/orgs/99999/retire', as('admin')))).status,
      ).toBe(404)
    })

    it('lets only an admin reaching the unit retire or restore it', async () => {
      for (const who of ['editor', 'reviewer', 'secretary', 'assessor', 'outsider', 'subAdmin']) {
        const { status } = await refused(() =>
          f.call('POST', `/api/orgs/${f.orgs.branch1}/retire`, as(who)),
        )
        expect(status, who).toBe(403)
      }
      const own = await branchUnder(f.orgs.otherSub, '本级撤销')
      expect((await f.call('POST', `/api/orgs/${own.id}/retire`, as('subAdmin'))).status).toBe(200)
      expect((await f.call('POST', `/api/orgs/${own.id}/restore`, as('subAdmin'))).status).toBe(200)
    })
  })
})
