import { queryRows, schema } from '@yardstick/db'
import { testStores } from '@yardstick/db/testing'
import { eq, sql } from 'drizzle-orm'
import ExcelJS from 'exceljs'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { createFixture, type Fixture } from '../../test/harness'
import { createUser } from '../orgs/org-tree'

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
const csv = (...lines: string[]) => new TextEncoder().encode(`${lines.join('\r\n')}\r\n`)

async function upload(
  f: Fixture,
  file: Uint8Array | FormData,
  { token, query = '', type = 'text/csv' }: { token?: string; query?: string; type?: string },
) {
  const headers: Record<string, string> = {}
  if (token) headers.authorization = `Bearer ${token}`
  if (!(file instanceof FormData)) headers['content-type'] = type
  const response = await f.app.request(`/api/orgs/import${query}`, {
    method: 'POST',
    body: file,
    headers,
  })
  const body: any = await response.json()
  return { status: response.status, body }
}

async function download(f: Fixture, format: 'csv' | 'xlsx', token: string, query = '') {
  const response = await f.app.request(`/api/orgs/export.${format}${query}`, {
    headers: { authorization: `Bearer ${token}` },
  })
  return { status: response.status, response, bytes: new Uint8Array(await response.arrayBuffer()) }
}

/** What an import may change: every unit (sorted) and the number of audit entries on units. */
async function state(f: Fixture) {
  const units = await f.database.db
    .select({
      id: schema.orgs.id,
      parentId: schema.orgs.parentId,
      name: schema.orgs.name,
      kind: schema.orgs.kind,
      unitType: schema.orgs.unitType,
      code: schema.orgs.code,
      path: schema.orgs.path,
    })
    .from(schema.orgs)
    .orderBy(schema.orgs.id)
  const [audit] = await queryRows<{ n: number }>(
    f.database.db,
    sql`select count(*)::int as n from audit_log where entity = 'org'`,
  )
  return { units, audit: audit?.n ?? 0 }
}

const unitNamed = async (f: Fixture, name: string) =>
  (await f.database.db.select().from(schema.orgs).where(eq(schema.orgs.name, name)))[0]

describe.each(await testStores())('organisation import and export on %s', (kind) => {
  let f: Fixture
  let admin: string
  afterEach(async () => {
    await f?.close()
  })
  const fresh = async () => {
    f = await createFixture(kind)
    admin = await f.login('admin')
  }

  it('dry-runs a file: creates, updates, unchanged and refusals by row and column, writing nothing', async () => {
    await fresh()
    const before = await state(f)
    const { status, body } = await upload(
      f,
      csv(
        '编码,名称,上级编码,上级,类型',
        ',第四党支部,FW3,,学校', // its parent comes later in the file
        'FW3,第三分工委,,,',
        ',第一党支部,,机关工委/第一分工委,企业',
        ',第二党支部,,第一分工委,企业',
        ',第五党支部,,第一分工委,食堂',
        ',第六党支部,,不存在的分工委,机关',
        ',,,第一分工委,机关',
      ),
      { token: admin, query: '?dryRun=true' },
    )
    expect(status).toBe(200)
    expect(body).toMatchObject({
      dryRun: true,
      applied: false,
      rootId: f.orgs.committee,
      counts: { create: 2, update: 1, unchanged: 1, refuse: 3 },
    })
    const byRow = Object.fromEntries(body.rows.map((r: { row: number }) => [r.row, r]))
    expect(byRow[2]).toMatchObject({ action: 'create', label: '第四党支部' })
    expect(byRow[3]).toMatchObject({ action: 'create', label: 'FW3 第三分工委' })
    expect(byRow[4]).toMatchObject({
      action: 'update',
      changes: { unitType: { before: 'organ', after: 'enterprise' } },
    })
    expect(byRow[5]).toMatchObject({ action: 'unchanged', issues: [] })
    expect(byRow[6]).toMatchObject({
      action: 'refuse',
      issues: [{ column: '类型', code: 'unknownUnitType' }],
    })
    expect(byRow[6].issues[0].message).toContain('食堂')
    expect(byRow[7]).toMatchObject({
      action: 'refuse',
      issues: [{ column: '上级', code: 'parentNotFound' }],
    })
    expect(byRow[8]).toMatchObject({
      action: 'refuse',
      issues: [{ column: '名称', code: 'nameRequired' }],
    })
    expect(await state(f)).toEqual(before)
  })

  it('refuses a duplicate code, a retired parent, a wrong level and a cycle, and applies nothing', async () => {
    await fresh()
    await f.database.db
      .update(schema.orgs)
      .set({ retiredAt: new Date() })
      .where(eq(schema.orgs.id, f.orgs.otherSub))
    await f.database.db
      .update(schema.orgs)
      .set({ code: 'S1' })
      .where(eq(schema.orgs.id, f.orgs.sub))
    const before = await state(f)
    const { status, body } = await upload(
      f,
      csv(
        '编码,名称,上级编码,上级,层级,类型',
        'D1,新一支部,,第一分工委,,机关',
        'D1,新二支部,,第一分工委,,机关',
        ',新三支部,,第二分工委,,机关',
        ',新四支部,,第一分工委/第一党支部,,机关',
        'X1,新分工委,,第一分工委,分工委,',
        'S1,第一分工委,X1,,分工委,',
        ',第一党支部,,第一分工委,分工委,机关',
      ),
      { token: admin, query: '?dryRun=false' },
    )
    expect(status).toBe(200)
    expect(body.applied).toBe(false)
    const issues = (row: number) =>
      body.rows
        .find((r: { row: number }) => r.row === row)
        .issues.map((i: { column: string; code: string }) => `${i.column}:${i.code}`)
    expect(issues(2)).toEqual([])
    expect(issues(3)).toEqual(['编码:duplicateCode'])
    expect(issues(4)).toEqual(['上级:parentRetired'])
    expect(issues(5)).toEqual(['上级:wrongKind'])
    expect(issues(7)).toEqual(['上级编码:cycle'])
    expect(issues(8)).toEqual(['层级:kindChange'])
    expect(body.counts.refuse).toBe(5)
    expect(await state(f)).toEqual(before)
  })

  it('applies a file in one go, paths from the parents, one audit entry per unit; the same file again changes nothing', async () => {
    await fresh()
    const file = csv(
      'code,name,parent code,parent,type',
      'B2,Branch two,S9,,school',
      'S9,第九分工委,,机关工委,',
      'B1,Branch one,S9,机关工委/第九分工委,Hospital',
      ',第一党支部,,第一分工委,企业',
    )
    const before = await state(f)
    const applied = await upload(f, file, { token: admin, query: '?dryRun=false' })
    expect(applied.status).toBe(200)
    expect(applied.body).toMatchObject({
      applied: true,
      counts: { create: 3, update: 1, unchanged: 0, refuse: 0 },
    })
    const sub = await unitNamed(f, '第九分工委')
    const b1 = await unitNamed(f, 'Branch one')
    expect(sub).toMatchObject({ kind: 'subcommittee', code: 'S9', parentId: f.orgs.committee })
    expect(sub?.path).toBe(`/${f.orgs.committee}/${sub?.id}/`)
    expect(b1).toMatchObject({ kind: 'branch', unitType: 'hospital', parentId: sub?.id })
    expect(b1?.path).toBe(`${sub?.path}${b1?.id}/`)
    expect((await unitNamed(f, '第一党支部'))?.unitType).toBe('enterprise')
    const after = await state(f)
    expect(after.units.length).toBe(before.units.length + 3)
    const audit = await queryRows<{ action: string; actor_id: number }>(
      f.database.db,
      sql`select action, actor_id from audit_log where entity = 'org' order by id`,
    )
    expect(audit.map((a) => a.action).sort()).toEqual([
      'org.create',
      'org.create',
      'org.create',
      'org.retype',
    ])
    expect(audit.every((a) => a.actor_id === f.users.admin.id)).toBe(true)

    const again = await upload(f, file, { token: admin, query: '?dryRun=false' })
    expect(again.body).toMatchObject({
      applied: true,
      counts: { create: 0, update: 0, unchanged: 4, refuse: 0 },
    })
    expect(await state(f)).toEqual(after)
  })

  it('applies a changed file as only what differs, moving a unit with its subtree', async () => {
    await fresh()
    const first = csv(
      '编码,名称,上级编码,类型',
      'S1,第一分工委,,',
      'S2,第二分工委,,',
      'B1,第一党支部,S1,机关',
      'B2,第二党支部,S1,企业',
      'B3,第三党支部,S2,学校',
    )
    const coded = await upload(f, first, { token: admin, query: '?dryRun=false' })
    expect(coded.body.counts).toEqual({ create: 0, update: 5, unchanged: 0, refuse: 0 })
    // 第一分工委 moves under 第二分工委 (its branches follow); 第三党支部 is renamed.
    const changed = csv(
      '编码,名称,上级编码,类型',
      'S1,第一分工委,S2,',
      'S2,第二分工委,,',
      'B1,第一党支部,S1,机关',
      'B2,第二党支部,S1,企业',
      'B3,第三党支部（学校）,S2,学校',
    )
    const dry = await upload(f, changed, { token: admin })
    expect(dry.body.dryRun).toBe(true)
    expect(dry.body.rows.map((r: { action: string }) => r.action)).toEqual([
      'update',
      'unchanged',
      'unchanged',
      'unchanged',
      'update',
    ])
    expect(dry.body.rows[0].changes).toEqual({
      parent: { before: '机关工委', after: '第二分工委' },
    })
    const applied = await upload(f, changed, { token: admin, query: '?dryRun=false' })
    expect(applied.body.applied).toBe(true)
    const { committee, sub, otherSub, branch1, branch2, branch3 } = f.orgs
    const paths = Object.fromEntries((await state(f)).units.map((u) => [u.id, u.path]))
    expect(paths[sub]).toBe(`/${committee}/${otherSub}/${sub}/`)
    expect(paths[branch1]).toBe(`/${committee}/${otherSub}/${sub}/${branch1}/`)
    expect(paths[branch2]).toBe(`/${committee}/${otherSub}/${sub}/${branch2}/`)
    expect(paths[branch3]).toBe(`/${committee}/${otherSub}/${branch3}/`)
    expect((await unitNamed(f, '第三党支部（学校）'))?.id).toBe(branch3)
    const moves = await queryRows<{ entity_id: string }>(
      f.database.db,
      sql`select entity_id from audit_log where action = 'org.move'`,
    )
    expect(moves).toEqual([{ entity_id: String(sub) }])
  })

  it('exports CSV and XLSX that import back as unchanged', async () => {
    await fresh()
    await f.database.db
      .update(schema.orgs)
      .set({ code: 'S-1', name: '-第一分工委' })
      .where(eq(schema.orgs.id, f.orgs.sub))
    const exported = await download(f, 'csv', admin)
    expect(exported.status).toBe(200)
    expect(exported.response.headers.get('content-type')).toContain('text/csv')
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(exported.bytes)
    expect(text.split('\r\n').slice(0, 3)).toEqual([
      '\uFEFF编码,名称,上级编码,上级,层级,类型,状态',
      ',机关工委,,,工委,,',
      "S-1,'-第一分工委,,机关工委,分工委,,",
    ])
    expect(text).toContain(',第一党支部,S-1,机关工委/-第一分工委,党支部,机关,')
    const csvBack = await upload(f, exported.bytes, { token: admin })
    expect(csvBack.body.counts).toEqual({ create: 0, update: 0, unchanged: 6, refuse: 0 })

    const xlsx = await download(f, 'xlsx', admin)
    expect(xlsx.response.headers.get('content-type')).toBe(XLSX)
    const xlsxBack = await upload(f, xlsx.bytes, { token: admin, type: XLSX })
    expect(xlsxBack.body.counts).toEqual({ create: 0, update: 0, unchanged: 6, refuse: 0 })
  })

  it('reads XLSX, GB18030 CSV and a multipart upload', async () => {
    await fresh()
    const workbook = new ExcelJS.Workbook()
    const sheet = workbook.addWorksheet('支部')
    sheet.addRow(['支部名称', '上级组织', '支部类型'])
    sheet.addRow(['第八党支部', '第一分工委', '科研院所'])
    const xlsx = new Uint8Array(await workbook.xlsx.writeBuffer())
    const fromXlsx = await upload(f, xlsx, { token: admin, type: XLSX })
    expect(fromXlsx.body.rows).toMatchObject([{ row: 2, action: 'create', label: '第八党支部' }])

    // 编码,名称,上级,类型 / ,第七党支部,第一分工委,学校 saved by Excel on Chinese Windows.
    const gb = Uint8Array.from([
      177, 224, 194, 235, 44, 195, 251, 179, 198, 44, 201, 207, 188, 182, 44, 192, 224, 208, 205,
      13, 10, 44, 181, 218, 198, 223, 181, 179, 214, 167, 178, 191, 44, 181, 218, 210, 187, 183,
      214, 185, 164, 206, 175, 44, 209, 167, 208, 163, 13, 10,
    ])
    const fromGb = await upload(f, gb, { token: admin })
    expect(fromGb.body.rows).toMatchObject([{ row: 2, action: 'create', label: '第七党支部' }])

    const form = new FormData()
    form.append('file', new Blob([csv('名称,上级,类型', '第九党支部,第一分工委,school')]), 'b.csv')
    const fromForm = await upload(f, form, { token: admin, query: '?dryRun=false' })
    expect(fromForm.status).toBe(200)
    expect(fromForm.body).toMatchObject({ applied: true, counts: { create: 1 } })
    expect((await unitNamed(f, '第九党支部'))?.parentId).toBe(f.orgs.sub)
  })

  it('answers 400 for a file without a name column or without a file', async () => {
    await fresh()
    const noName = await upload(f, csv('编码,类型', 'A,机关'), { token: admin })
    expect(noName.status).toBe(400)
    expect(noName.body.error.code).toBe('invalidBody')
    const form = new FormData()
    form.append('other', 'x')
    const noFile = await upload(f, form, { token: admin })
    expect(noFile.status).toBe(400)
  })

  it('lets only admins reaching the root import and export', async () => {
    await fresh()
    const file = csv('名称,上级,类型', '第十党支部,第一分工委,机关')
    const before = await state(f)
    for (const who of ['editor', 'reviewer', 'secretary', 'assessor', 'outsider'] as const) {
      const token = await f.login(who)
      const imported = await upload(f, file, { token, query: '?dryRun=false' })
      expect(imported.status, who).toBe(403)
      expect((await download(f, 'csv', token)).status, who).toBe(403)
    }
    expect((await upload(f, file, {})).status).toBe(401)
    expect((await f.app.request('/api/orgs/export.csv')).status).toBe(401)

    await createUser(f.database.db, {
      email: 'other-admin@example.org',
      name: 'other admin',
      password: 'test-password-1',
      grants: [{ role: 'admin', orgId: f.orgs.otherSub }],
    })
    const login = await f.call('POST', '/api/auth/login', {
      body: { email: 'other-admin@example.org', password: 'test-password-1' },
    })
    const other = login.body.token as string
    const refused = await upload(f, file, {
      token: other,
      query: `?dryRun=false&root=${f.orgs.committee}`,
    })
    expect(refused.status).toBe(403)
    expect((await download(f, 'csv', other, `?root=${f.orgs.sub}`)).status).toBe(403)
    expect(await state(f)).toEqual(before)

    // Their own root by default: 第一分工委 is not under 第二分工委.
    const own = await upload(f, file, { token: other })
    expect(own.body.rootId).toBe(f.orgs.otherSub)
    expect(own.body.rows[0].issues[0]).toMatchObject({ column: '上级', code: 'parentNotFound' })
    const ownExport = new TextDecoder().decode((await download(f, 'csv', other)).bytes)
    expect(ownExport).toContain('第三党支部')
    expect(ownExport).not.toContain('第一党支部')
    expect((await download(f, 'csv', admin, '?root=99999')).status).toBe(404)
  })
})

describe('planning a large file', () => {
  let f: Fixture
  beforeAll(async () => {
    f = await createFixture('pglite')
  })
  afterAll(() => f.close())

  it('places rows whose parents come later, in any order', async () => {
    const admin = await f.login('admin')
    const lines = ['编码,名称,上级编码,类型']
    for (let i = 20; i >= 1; i--) lines.push(`B${i},支部${i},S${(i % 4) + 1},机关`)
    for (let s = 4; s >= 1; s--) lines.push(`S${s},分工委${s},${s > 1 ? `S${s - 1}` : ''},`)
    const { body } = await upload(f, csv(...lines), { token: admin, query: '?dryRun=false' })
    expect(body).toMatchObject({ applied: true, counts: { create: 24, refuse: 0 } })
    const s4 = await unitNamed(f, '分工委4')
    const s3 = await unitNamed(f, '分工委3')
    expect(s4?.parentId).toBe(s3?.id)
    expect((await unitNamed(f, '支部3'))?.parentId).toBe(s4?.id)
  })
})
