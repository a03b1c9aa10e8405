import { schema } from '@yardstick/db'
import { testStores } from '@yardstick/db/testing'
import { templates } from '@yardstick/sdk'
import ExcelJS from 'exceljs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createFixture, type Fixture } from '../../test/harness'
import {
  campaignBody,
  completeAnswers,
  openCampaign,
  publishTemplate,
} from '../campaigns/test-fixture'
import { signInAs } from '../forms/test-helpers'
import { insertOrg } from '../orgs/org-tree'

describe.each(await testStores())('campaign participation on %s', (kind) => {
  let f: Fixture
  let campaign: Awaited<ReturnType<typeof openCampaign>>
  let formula: number
  let versions: { members: number; superior: number; self: number }
  let issued: string[]

  const get = (query = '', token = campaign.admin) =>
    f.call('GET', `/api/campaigns/${campaign.id}/participation${query}`, { token })
  const unitOf = (items: Array<{ unitId: number }>, id: number) =>
    items.find((item) => item.unitId === id) as Record<string, any>

  beforeAll(async () => {
    f = await createFixture(kind)
    // A branch whose name a spreadsheet would run as a formula.
    formula = (
      await insertOrg(f.database.db, {
        parentId: f.orgs.sub,
        kind: 'branch',
        name: '=HYPERLINK("http://evil.example","支部")',
        unitType: 'organ',
      })
    ).id
    versions = {
      members: await publishTemplate(f, 'satisfaction'),
      superior: await publishTemplate(f, 'scorecard'),
      self: await publishTemplate(f, 'selfCheck'),
    }
    campaign = await openCampaign(
      f,
      campaignBody(f, versions, {
        sources: [
          { key: 'self', formVersion: versions.self, weight: 2, required: true },
          {
            key: 'members',
            formVersion: versions.members,
            weight: 3,
            anonymous: true,
            minResponses: 5,
            measure: 'satisfactionRate',
          },
          { key: 'superior', formVersion: versions.superior, weight: 5 },
        ],
      }),
    )
    // branch1: 3 tokens issued, one used; a superior scorecard; a self-check announced.
    const tokens = await f.call('POST', `/api/campaigns/${campaign.id}/tokens`, {
      token: campaign.admin,
      body: { unitId: f.orgs.branch1, source: 'members', count: 3 },
    })
    issued = tokens.body.tokens
    const answered = await f.call(
      'POST',
      `/api/links/${campaign.slug(f.orgs.branch1, 'members')}/responses`,
      {
        body: { answers: completeAnswers(templates.satisfaction), token: issued[0] },
        headers: { 'idempotency-key': 'participation-1' },
      },
    )
    expect(answered.status).toBe(201)
    await f.database.db.insert(schema.responses).values({
      campaignId: campaign.id,
      unitId: f.orgs.branch1,
      sourceKey: 'superior',
      formVersionId: versions.superior,
      answers: {},
      score: {},
      percent: 90,
    })
    await f.database.db
      .insert(schema.selfChecks)
      .values({ campaignId: campaign.id, unitId: f.orgs.branch1, status: 'announced' })
  })
  afterAll(() => f.close())

  it('counts answered against expected per branch and source, saying why each is expected', async () => {
    const { status, body } = await get('?limit=100', campaign.admin)
    expect(status).toBe(200)
    expect(body.total).toBe(3)
    const first = unitOf(body.items, f.orgs.branch1)
    expect(first).toMatchObject({
      name: '第一党支部',
      parentName: '第一分工委',
      unitType: 'organ',
      pending: ['self', 'members'],
      sources: {
        self: {
          answered: 0,
          expected: 1,
          basis: 'selfCheck',
          status: 'none',
          selfCheck: 'announced',
        },
        members: {
          answered: 1,
          expected: 3,
          basis: 'tokens',
          status: 'partial',
          tokensIssued: 3,
          tokensUsed: 1,
        },
        superior: { answered: 1, expected: 1, basis: 'one', status: 'complete' },
      },
    })
    const second = unitOf(body.items, f.orgs.branch2)
    expect(second.sources.members).toMatchObject({
      answered: 0,
      expected: 5,
      basis: 'minResponses',
      status: 'none',
      tokensIssued: 0,
    })
    expect(second.sources.self.selfCheck).toBeNull()
    expect(second.pending).toEqual(['self', 'members', 'superior'])
    // The URLs to paste: the respondent page, and the self-check page for 自评.
    expect(first.sources.members.url).toBe(
      `http://localhost/s/${campaign.slug(f.orgs.branch1, 'members')}`,
    )
    expect(first.sources.self.url).toBe(
      `http://localhost/branch/campaigns/${campaign.id}/units/${f.orgs.branch1}`,
    )
    expect(body.summary).toEqual([
      { source: 'self', units: 3, complete: 0, partial: 0, none: 3, answered: 0, expected: 3 },
      { source: 'members', units: 3, complete: 0, partial: 1, none: 2, answered: 1, expected: 13 },
      { source: 'superior', units: 3, complete: 1, partial: 0, none: 2, answered: 1, expected: 3 },
    ])
  })

  it('lists only the branches still owing a source, on pages', async () => {
    const owing = await get('?pending=true&source=superior')
    expect(owing.body.items.map((u: { unitId: number }) => u.unitId).sort()).toEqual(
      [f.orgs.branch2, formula].sort(),
    )
    expect(
      owing.body.summary.find((s: { source: string }) => s.source === 'superior'),
    ).toMatchObject({ units: 2, complete: 0 })
    const page = await get('?pending=true&limit=1')
    expect(page.body).toMatchObject({ total: 3, nextOffset: 1 })
    expect(page.body.items).toHaveLength(1)
    const last = await get('?pending=true&limit=1&offset=2')
    expect(last.body.nextOffset).toBeNull()
    const organs = await get('?unitType=enterprise')
    expect(organs.body.items.map((u: { name: string }) => u.name)).toEqual(['第二党支部'])
    const named = await get(`?q=${encodeURIComponent('第一')}`)
    expect(named.body.items.map((u: { name: string }) => u.name)).toEqual(['第一党支部'])
  })

  it('exports the reminder list as CSV with the links, neutralising formulas', async () => {
    const response = await f.call(
      'GET',
      `/api/campaigns/${campaign.id}/participation.csv?pending=true&source=members`,
      { token: campaign.admin },
    )
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toContain('text/csv')
    expect(response.headers.get('content-disposition')).toContain('campaign-')
    const lines = (response.body as string)
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n')
    expect(lines[0]).toBe(
      '上级组织,支部,类型,评价来源,状态,已答,应答,应答依据,凭证已发,凭证已用,自查进度,答题链接',
    )
    expect(lines).toHaveLength(4)
    const first = lines.find((line) => line.includes('第一党支部'))
    expect(first).toBe(
      `第一分工委,第一党支部,机关,党员群众测评,部分作答,1,3,按已发凭证数,3,1,,http://localhost/s/${campaign.slug(f.orgs.branch1, 'members')}`,
    )
    const evil = lines.find((line) => line.includes('HYPERLINK')) as string
    expect(evil.split(',')[1]).toBe(`"'=HYPERLINK(""http://evil.example""`)
  })

  it('exports the whole participation as XLSX, one row per branch and source', async () => {
    const response = await f.app.request(`/api/campaigns/${campaign.id}/participation.xlsx`, {
      headers: { authorization: `Bearer ${campaign.admin}` },
    })
    expect(response.status).toBe(200)
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load(await response.arrayBuffer())
    const sheet = workbook.worksheets[0]
    expect(sheet?.name).toBe('参与情况')
    expect(sheet?.rowCount).toBe(1 + 3 * 3)
    const names = (sheet?.getColumn(2).values ?? []).slice(2)
    expect(names).toContain(`'=HYPERLINK("http://evil.example","支部")`)
    const self = sheet
      ?.getSheetValues()
      .find(
        (row) => Array.isArray(row) && row[2] === '第一党支部' && row[4] === '自评',
      ) as unknown[]
    expect(self?.[11]).toBe('已通报')
  })

  it('is for the office’s admins, editors and assessors, not a secretary or another office', async () => {
    expect((await get('', await f.login('editor'))).status).toBe(200)
    const assessor = await get('', await f.login('assessor'))
    expect(assessor.status).toBe(200)
    expect(assessor.body.total).toBe(3)
    const secretary = await get('', await f.login('secretary'))
    expect(secretary.status).toBe(403)
    expect(secretary.body.error.code).toBe('forbidden')
    const csv = await f.call('GET', `/api/campaigns/${campaign.id}/participation.csv`, {
      token: await f.login('secretary'),
    })
    expect(csv.status).toBe(403)
    const other = await signInAs(f, 'other-office', [{ role: 'admin', orgId: f.orgs.otherSub }])
    expect((await get('', other)).status).toBe(403)
    expect((await get('', await f.login('outsider'))).status).toBe(403)
    expect((await f.call('GET', `/api/campaigns/${campaign.id}/participation`)).status).toBe(401)
  })

  it('describes the participation routes in OpenAPI', async () => {
    const spec = (await f.call('GET', '/api/openapi.json')).body
    expect(Object.keys(spec.paths)).toEqual(
      expect.arrayContaining([
        '/api/campaigns/{id}/participation',
        '/api/campaigns/{id}/participation.csv',
        '/api/campaigns/{id}/participation.xlsx',
      ]),
    )
  })
})
