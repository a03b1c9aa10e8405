import type { ImportReport } from '@yardstick/contract'
import { schema } from '@yardstick/db'
import { testStores } from '@yardstick/db/testing'
import { eq } from 'drizzle-orm'
import ExcelJS from 'exceljs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createFixture, type Fixture, PASSWORD } from '../../test/harness'
import { createUser } from '../orgs/org-tree'

const csv = (lines: string[]) => `\uFEFF${lines.join('\n')}\n`

describe.each(await testStores())('POST /api/users/import on %s', (kind) => {
  let f: Fixture
  let subAdmin = ''
  const upload = (token: string, body: string, dryRun = true) =>
    f.call('POST', `/api/users/import?dryRun=${dryRun}`, {
      token,
      body,
      headers: { 'content-type': 'text/csv' },
    })
  const count = async () => (await f.database.db.select().from(schema.users)).length

  beforeAll(async () => {
    f = await createFixture(kind)
    await createUser(f.database.db, {
      email: 'sub-admin@example.org',
      name: '分工委管理员',
      password: PASSWORD,
      grants: [{ role: 'admin', orgId: f.orgs.sub }],
    })
    const { body } = await f.call('POST', '/api/auth/login', {
      body: { email: 'sub-admin@example.org', password: PASSWORD },
    })
    subAdmin = body.token
  })
  afterAll(() => f.close())

  it('dry-runs a file with bad rows, refuses to apply it, then applies the fixed file once', async () => {
    const bad = csv([
      '姓名,邮箱,单位,角色',
      '张三,zhang@example.org,第一党支部,书记',
      '李四,li@example.org,第三党支部,考评员',
      '王五,wang@example.org,第一分工委/第二党支部,组长',
      '张三,zhang@example.org,第二党支部,考评员',
      '赵六,zhao@example.org,,编辑',
    ])
    const before = await count()
    const dry = await upload(subAdmin, bad)
    expect(dry.status).toBe(200)
    expect(dry.body).toMatchObject({
      dryRun: true,
      applied: false,
      counts: { create: 1, update: 1, unchanged: 0, refuse: 3 },
    })
    expect(dry.body.rows.map((r: { row: number; action: string }) => [r.row, r.action])).toEqual([
      [2, 'create'],
      [3, 'refuse'],
      [4, 'refuse'],
      [5, 'update'],
      [6, 'refuse'],
    ])
    expect(dry.body.rows[1].issues).toEqual([
      expect.objectContaining({ column: '单位', code: 'unitNotFound' }),
    ])
    expect(dry.body.rows[2].issues).toEqual([
      expect.objectContaining({ column: '角色', code: 'unknownRole' }),
    ])
    expect(dry.body.rows[4].issues[0].code).toBe('unitRequired')
    expect(dry.body.credentials).toBeUndefined()
    const refused = await upload(subAdmin, bad, false)
    expect(refused.body).toMatchObject({ dryRun: false, applied: false })
    expect(await count()).toBe(before)

    const fixed = csv([
      'name,email,unit,role',
      '张三,zhang@example.org,第一党支部,书记',
      '王五,wang@example.org,第一分工委/第二党支部,secretary',
      '张三,zhang@example.org,第二党支部,考评员',
      'secretary,SECRETARY@example.org,第二党支部,考评员',
    ])
    const applied = await upload(subAdmin, fixed, false)
    expect(applied.status).toBe(200)
    expect(applied.body).toMatchObject({
      applied: true,
      counts: { create: 2, update: 2, unchanged: 0, refuse: 0 },
    })
    expect(applied.body.credentials.map((c: { email: string }) => c.email)).toEqual([
      'zhang@example.org',
      'wang@example.org',
    ])
    expect(await count()).toBe(before + 2)
    const zhang = applied.body.credentials[0]
    const login = await f.call('POST', '/api/auth/login', {
      body: { email: 'zhang@example.org', password: zhang.temporaryPassword },
    })
    expect(login.body.user.mustChangePassword).toBe(true)
    expect(login.body.user.grants.map((g: { orgId: number }) => g.orgId).sort()).toEqual(
      [f.orgs.branch1, f.orgs.branch2].sort(),
    )
    // The existing user got a role, not a new password.
    const secretary = await f.call('POST', '/api/auth/login', {
      body: { email: 'secretary@example.org', password: PASSWORD },
    })
    expect(secretary.body.user.mustChangePassword).toBe(false)
    expect(secretary.body.user.grants.map((g: { role: string }) => g.role).sort()).toEqual([
      'assessor',
      'secretary',
    ])
    const audit = JSON.stringify(await f.database.db.select().from(schema.auditLog))
    expect(audit).not.toContain(zhang.temporaryPassword)

    const again = await upload(subAdmin, fixed, false)
    expect(again.body).toMatchObject({
      applied: true,
      counts: { create: 0, update: 0, unchanged: 4, refuse: 0 },
      credentials: [],
    })
    expect(await count()).toBe(before + 2)
  })

  it('reads an XLSX sent as a multipart file, with unit codes', async () => {
    await f.database.db
      .update(schema.orgs)
      .set({ code: 'ZB-003' })
      .where(eq(schema.orgs.id, f.orgs.branch3))
    const workbook = new ExcelJS.Workbook()
    const sheet = workbook.addWorksheet('人员')
    sheet.addRow(['姓名', '邮箱', '单位编码', '角色'])
    sheet.addRow(['孙七', 'sun@example.org', 'ZB-003', '考评员'])
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer())
    const form = new FormData()
    form.append(
      'file',
      new File([bytes], 'people.xlsx', {
        type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      }),
    )
    const send = async (token: string) => {
      const response = await f.app.request('/api/users/import?dryRun=true', {
        method: 'POST',
        body: form,
        headers: { authorization: `Bearer ${token}` },
      })
      return { status: response.status, body: (await response.json()) as ImportReport }
    }
    const root = await send(await f.login('admin'))
    expect(root.status).toBe(200)
    expect(root.body.rows[0]).toMatchObject({ action: 'create', label: 'sun@example.org' })
    // The sub-committee admin does not reach 第三党支部: its code names nothing for them.
    const sub = await send(subAdmin)
    expect(sub.body.rows[0]).toMatchObject({
      action: 'refuse',
      issues: [expect.objectContaining({ column: '单位编码', code: 'unitNotFound' })],
    })
  })

  it('refuses non-admins and a file without the required columns', async () => {
    for (const who of ['editor', 'reviewer', 'secretary', 'assessor', 'outsider'] as const) {
      const { status } = await upload(await f.login(who), csv(['姓名,邮箱,单位,角色']))
      expect(status, who).toBe(403)
    }
    const missing = await upload(subAdmin, csv(['姓名,单位', '张三,第一党支部']))
    expect(missing.status).toBe(400)
    expect(missing.body.error.details.issues.map((i: { path: string }) => i.path)).toEqual([
      'columns.email',
      'columns.role',
    ])
  })
})
