import { schema } from '@yardstick/db'
import { testStores } from '@yardstick/db/testing'
import { max } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createFixture, type Fixture, PASSWORD } from '../../test/harness'
import { recordAudit } from '../audit/record'
import { createUser } from '../orgs/org-tree'

type Entry = { id: number; action: string; actorId: number | null; actorName: string | null }

describe.each(await testStores())('GET /api/audit on %s', (kind) => {
  let f: Fixture
  const tokens: Record<string, string> = {}
  let evilId: number
  /** The last entry before the test's own (the fixture's users write entries of their own). */
  let baseline: number
  beforeAll(async () => {
    f = await createFixture(kind)
    const { db } = f.database
    await createUser(db, {
      email: 'subadmin@example.org',
      name: '第二分工委管理员',
      password: PASSWORD,
      grants: [{ role: 'admin', orgId: f.orgs.otherSub }],
    })
    // An admin whose name a spreadsheet would run as a formula.
    evilId = (
      await createUser(db, {
        email: 'evil@example.org',
        name: '=HYPERLINK("http://evil")',
        password: PASSWORD,
        grants: [{ role: 'admin', orgId: f.orgs.sub }],
      })
    ).id
    for (const who of ['admin', 'editor', 'reviewer', 'secretary', 'assessor', 'outsider'] as const)
      tokens[who] = await f.login(who)
    for (const [who, email] of [
      ['subAdmin', 'subadmin@example.org'],
      ['evil', 'evil@example.org'],
    ]) {
      const login = await f.call('POST', '/api/auth/login', { body: { email, password: PASSWORD } })
      tokens[who as string] = login.body.token
    }
    const [last] = await db.select({ id: max(schema.auditLog.id) }).from(schema.auditLog)
    baseline = Number(last?.id ?? 0)
    const rename = (who: string, id: number, name: string) =>
      f.call('PATCH', `/api/orgs/${id}`, { token: tokens[who], body: { name } })
    expect((await rename('admin', f.orgs.branch1, '一支部')).status).toBe(200)
    expect((await rename('subAdmin', f.orgs.branch3, '三支部')).status).toBe(200)
    expect((await rename('evil', f.orgs.branch2, '二支部')).status).toBe(200)
    // Entries of no organisation, and one by the system.
    await recordAudit(
      db,
      {
        actorId: f.users.outsider.id,
        action: 'user.changePassword',
        entity: 'user',
        entityId: f.users.outsider.id,
        orgPath: null,
      },
      {
        actorId: null,
        action: 'org.create',
        entity: 'org',
        entityId: f.orgs.branch3,
        orgPath: `/${f.orgs.committee}/${f.orgs.otherSub}/${f.orgs.branch3}/`,
        after: { name: '第三党支部' },
      },
    )
  })
  afterAll(() => f.close())

  const list = async (who: string, query = '') => {
    const answer = await f.call('GET', `/api/audit${query}`, { token: tokens[who] })
    return answer as {
      status: number
      body: { items: Entry[]; total: number; nextOffset: number | null }
    }
  }
  const mine = (items: Entry[]) => items.filter((e) => e.id > baseline)
  const actions = (items: Entry[]) => mine(items).map((e) => e.action)

  it('gives an admin of the top committee every entry, newest first, with actor names', async () => {
    const { status, body } = await list('admin', '?limit=100')
    expect(status).toBe(200)
    expect(actions(body.items)).toEqual([
      'org.create',
      'user.changePassword',
      'org.rename',
      'org.rename',
      'org.rename',
    ])
    expect(body.items[0]).toMatchObject({ actorId: null, actorName: null, entity: 'org' })
    expect(body.items[1]).toMatchObject({ actorName: 'outsider', orgPath: null })
    expect(body.items[4]).toMatchObject({
      actorName: 'admin',
      entity: 'org',
      entityId: String(f.orgs.branch1),
      before: { name: '第一党支部' },
      after: { name: '一支部' },
    })
    expect(body.items.map((e) => e.id)).toEqual(
      [...body.items.map((e) => e.id)].sort((a, b) => b - a),
    )
  })

  it('gives an admin of a sub-committee only entries within its subtree, none without one', async () => {
    const { status, body } = await list('subAdmin', '?limit=100')
    expect(status).toBe(200)
    const other = `/${f.orgs.committee}/${f.orgs.otherSub}/`
    expect(body.items.every((e) => (e as { orgPath?: string }).orgPath?.startsWith(other))).toBe(
      true,
    )
    expect(mine(body.items).map((e) => [e.action, e.actorName])).toEqual([
      ['org.create', null],
      ['org.rename', '第二分工委管理员'],
    ])
  })

  it('refuses every role but admin, and anyone not signed in', async () => {
    for (const who of ['editor', 'reviewer', 'secretary', 'assessor', 'outsider']) {
      const { status, body } = await f.call('GET', '/api/audit', { token: tokens[who] })
      expect(status, who).toBe(403)
      expect((body as { error: { code: string } }).error.code).toBe('forbidden')
      const csv = await f.call('GET', '/api/audit.csv', { token: tokens[who] })
      expect(csv.status, who).toBe(403)
    }
    expect((await f.call('GET', '/api/audit')).status).toBe(401)
    expect((await f.call('GET', '/api/audit.csv')).status).toBe(401)
  })

  it('filters by entity, action, actor, time and subtree, and pages', async () => {
    const users = (await list('admin', '?entity=user&limit=100')).body.items
    expect(users.every((e) => (e as { entity?: string }).entity === 'user')).toBe(true)
    expect(actions(users)).toEqual(['user.changePassword'])
    expect((await list('admin', '?action=org.rename')).body.total).toBe(3)
    const byActor = await list('admin', `?actorId=${evilId}&limit=100`)
    expect(byActor.body.items.map((e) => e.actorId)).toEqual([evilId])
    const all = (await list('admin', '?limit=100')).body.total
    const tomorrow = encodeURIComponent(new Date(Date.now() + 86_400_000).toISOString())
    expect((await list('admin', `?from=${tomorrow}`)).body.total).toBe(0)
    expect((await list('admin', '?to=2000-01-01T00:00:00Z')).body.total).toBe(0)
    expect((await list('admin', `?from=2000-01-01T00:00:00Z&to=${tomorrow}`)).body.total).toBe(all)
    const sub = await list('admin', `?subtree=${f.orgs.sub}&limit=100`)
    const subPath = `/${f.orgs.committee}/${f.orgs.sub}/`
    expect(
      sub.body.items.every((e) => (e as { orgPath?: string }).orgPath?.startsWith(subPath)),
    ).toBe(true)
    expect(mine(sub.body.items).map((e) => e.actorName)).toEqual([
      '=HYPERLINK("http://evil")',
      'admin',
    ])
    // A subtree beyond the reader's reach narrows to nothing, it does not widen.
    expect((await list('subAdmin', `?subtree=${f.orgs.sub}`)).body.total).toBe(0)
    expect((await list('admin', '?subtree=99999')).status).toBe(404)
    expect((await list('admin', '?from=yesterday')).status).toBe(400)
    const first = await list('admin', '?limit=2')
    expect(first.body).toMatchObject({ total: all, nextOffset: 2 })
    const last = await list('admin', `?limit=2&offset=${all - 1}`)
    expect(last.body.items).toHaveLength(1)
    expect(last.body.nextOffset).toBeNull()
  })

  it('exports the same entries as CSV, formulas neutralised, with the same filters', async () => {
    const response = await f.app.request(`/api/audit.csv?subtree=${f.orgs.sub}&action=org.rename`, {
      headers: { authorization: `Bearer ${tokens.admin}` },
    })
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8')
    expect(response.headers.get('content-disposition')).toContain('audit.csv')
    const bytes = new Uint8Array(await response.arrayBuffer())
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    const lines = new TextDecoder().decode(bytes).trim().split('\r\n')
    expect(lines[0]).toBe('编号,时间（北京时间）,操作人,操作,对象,对象编号,组织路径,修改前,修改后')
    expect(lines).toHaveLength(3)
    expect(lines[1]).toContain(`"'=HYPERLINK(""http://evil"")"`)
    expect(lines[1]).toContain('"{""name"":""第二党支部""}"')
    expect(lines[2]).toContain(',admin,org.rename,org,')
    // The other sub-committee's admin gets only its own subtree's renames.
    const sub = await f.app.request('/api/audit.csv?action=org.rename', {
      headers: { authorization: `Bearer ${tokens.subAdmin}` },
    })
    const subLines = (await sub.text()).trim().split('\r\n')
    expect(subLines).toHaveLength(2)
    expect(subLines[1]).toContain('第二分工委管理员')
  })
})
