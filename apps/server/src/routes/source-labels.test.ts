import { schema } from '@yardstick/db'
import { testStores } from '@yardstick/db/testing'
import { templates } from '@yardstick/sdk'
import { count, eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { csvRows, readXlsx } from '../../test/export-files'
import { createFixture, type Fixture } from '../../test/harness'
import {
  campaignBody,
  completeAnswers,
  openCampaign,
  publishTemplate,
} from '../campaigns/test-fixture'

/**
 * A campaign's own source names (labels) in every export, and one-time tokens for a source the
 * office added that members answer: what the office reads is the name it gave, never a key.
 */
describe.each(await testStores())('source labels and tokens of an own source on %s', (kind) => {
  let f: Fixture
  let campaign: Awaited<ReturnType<typeof openCampaign>>
  const download = async (path: string) =>
    f.app.request(`/api/campaigns/${campaign.id}${path}`, {
      headers: { authorization: `Bearer ${campaign.admin}` },
    })
  const tokenCount = async () => {
    const [row] = await f.database.db
      .select({ n: count() })
      .from(schema.respondentTokens)
      .where(eq(schema.respondentTokens.campaignId, campaign.id))
    return Number(row?.n ?? 0)
  }

  beforeAll(async () => {
    f = await createFixture(kind)
    const members = await publishTemplate(f, 'satisfaction')
    const superior = await publishTemplate(f, 'scorecard')
    const body = campaignBody(f, { members, superior })
    body.sources = [
      ...body.sources.map((source) =>
        source.key === 'superior'
          ? { ...source, label: { 'zh-CN': '上级党委考评', en: 'Party committee review' } }
          : source,
      ),
      {
        key: 'clients',
        answeredBy: 'members',
        anonymous: true,
        label: { 'zh-CN': '服务对象评议', en: 'Service users’ review' },
        formVersion: members,
        weight: 2,
      },
    ]
    campaign = await openCampaign(f, body)
  })
  afterAll(() => f.close())

  it('names each source by its own label in the results CSV and XLSX headers', async () => {
    const [csvHeader] = await csvRows(await download('/results.csv'))
    expect(csvHeader).toEqual(
      expect.arrayContaining(['党员群众测评得分', '上级党委考评得分', '服务对象评议得分']),
    )
    expect(csvHeader?.join()).not.toMatch(/clients|上级考评得分/)
    const [xlsxHeader] = await readXlsx(await download('/results.xlsx'))
    expect(xlsxHeader).toEqual(expect.arrayContaining(['服务对象评议份数', '上级党委考评份数']))
  })

  it('names a source by its label in the dimension columns and the participation rows', async () => {
    const [header] = await csvRows(await download('/dimensions.csv'))
    expect(header).toContain('上级党委考评·基本保障得分率')
    expect(header?.join()).not.toContain('上级考评·')
    const [columns, ...rows] = await csvRows(await download('/participation.csv'))
    const at = columns?.indexOf('评价来源') ?? -1
    expect(new Set(rows.map((row) => row[at]))).toEqual(
      new Set(['党员群众测评', '上级党委考评', '服务对象评议']),
    )
  })

  it('names the responses file and sheet by the source’s label', async () => {
    const response = await download('/responses.xlsx?source=clients')
    expect(response.status).toBe(200)
    expect(decodeURIComponent(response.headers.get('content-disposition') ?? '')).toContain(
      '服务对象评议答卷.xlsx',
    )
  })

  it('changes an existing source’s minimum responses (or clears it) before any response', async () => {
    const patch = (minResponses: number | null) =>
      f.call('PATCH', `/api/campaigns/${campaign.id}`, {
        token: campaign.admin,
        body: { sources: [{ key: 'clients', minResponses }] },
      })
    const minimumOf = async () => {
      const detail = await f.call('GET', `/api/campaigns/${campaign.id}`, { token: campaign.admin })
      return detail.body.sources.find((s: { key: string }) => s.key === 'clients').minResponses
    }
    expect((await patch(4)).status).toBe(200)
    expect(await minimumOf()).toBe(4)
    expect((await patch(null)).status).toBe(200)
    expect(await minimumOf()).toBeNull()
    const bad = await patch(-1)
    expect(bad.status).toBe(400)
    expect(bad.body.error.details.issues[0].path).toMatch(/^sources\.0\.minResponses/)
    expect(await minimumOf()).toBeNull()
  })

  it('issues one-time tokens for the own members source, and a token answers its link', async () => {
    const issued = await f.call('POST', `/api/campaigns/${campaign.id}/tokens`, {
      token: campaign.admin,
      body: { unitId: f.orgs.branch1, source: 'clients', count: 3 },
    })
    expect(issued.status).toBe(201)
    expect(issued.body.source).toBe('clients')
    expect(issued.body.slug).toBe(campaign.slug(f.orgs.branch1, 'clients'))
    expect(issued.body.tokens).toHaveLength(3)
    const answered = await f.call('POST', `/api/links/${issued.body.slug}/responses`, {
      body: { answers: completeAnswers(templates.satisfaction), token: issued.body.tokens[0] },
      headers: { 'idempotency-key': 'clients-token-1' },
    })
    expect(answered.status).toBe(201)
  })

  it('refuses tokens for a signed-in source with a typed 400 at `source`, storing none', async () => {
    const before = await tokenCount()
    const refused = await f.call('POST', `/api/campaigns/${campaign.id}/tokens`, {
      token: campaign.admin,
      body: { unitId: f.orgs.branch1, source: 'superior', count: 3 },
    })
    expect(refused.status).toBe(400)
    expect(refused.body.error.code).toBe('invalidBody')
    expect(refused.body.error.details.issues[0].path).toBe('source')
    expect(await tokenCount()).toBe(before)
  })

  it('refuses to change a minimum once the campaign has a response (409 responsesExist)', async () => {
    const refused = await f.call('PATCH', `/api/campaigns/${campaign.id}`, {
      token: campaign.admin,
      body: { sources: [{ key: 'clients', minResponses: 2 }] },
    })
    expect(refused.status).toBe(409)
    expect(refused.body.error.code).toBe('responsesExist')
    expect(refused.body.error.details.fields).toEqual(['sources.0.minResponses'])
  })
})
