import { schema } from '@yardstick/db'
import { testStores } from '@yardstick/db/testing'
import { templates } from '@yardstick/sdk'
import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createFixture, type Fixture } from '../../test/harness'
import {
  campaignBody,
  completeAnswers,
  openCampaign,
  publishTemplate,
} from '../campaigns/test-fixture'
import { signInAs } from '../forms/test-helpers'

describe.each(await testStores())('assessors: reasons and their home on %s', (kind) => {
  let f: Fixture
  let versions: { members: number; superior: number }
  let campaign: Awaited<ReturnType<typeof openCampaign>>
  let assessor: string
  let otherAssessor: string
  let keys = 0
  const scorecard = completeAnswers(templates.scorecard)
  const submit = (slug: string, answers: unknown, token?: string, locale = 'zh-CN') =>
    f.call('POST', `/api/links/${slug}/responses`, {
      body: { answers },
      token,
      headers: { 'idempotency-key': `assess-${++keys}`, 'accept-language': locale },
    })
  const home = (token: string, query = '') => f.call('GET', `/api/assessments${query}`, { token })

  beforeAll(async () => {
    f = await createFixture(kind)
    versions = {
      members: await publishTemplate(f, 'satisfaction'),
      superior: await publishTemplate(f, 'scorecard'),
    }
    // The whole committee: branch1 and branch2 under the first sub-committee, branch3 under the other.
    campaign = await openCampaign(
      f,
      campaignBody(f, versions, { units: { subtree: f.orgs.committee } }),
    )
    assessor = await f.login('assessor')
    otherAssessor = await signInAs(f, 'other-assessor', [
      { role: 'assessor', orgId: f.orgs.otherSub },
    ])
  })
  afterAll(() => f.close())

  it('refuses a deduction or a veto without its reason: 422 reasonRequired at the question', async () => {
    const slug = campaign.slug(f.orgs.branch1, 'superior')
    const deducted = await submit(slug, { ...scorecard, deduction: 3 }, assessor)
    expect(deducted.status).toBe(422)
    expect(deducted.body.error.code).toBe('invalidAnswers')
    expect(deducted.body.error.details.errors).toEqual([
      { question: 'deduction', code: 'reasonRequired', message: '此项扣分或一票否决，须填写理由' },
    ])
    const vetoed = await submit(
      slug,
      { ...scorecard, veto: 'yes', 'veto-Comment': '  ' },
      assessor,
      'en',
    )
    expect(vetoed.status).toBe(422)
    expect(vetoed.body.error.details.errors).toEqual([
      {
        question: 'veto',
        code: 'reasonRequired',
        message: 'This item deducts points or vetoes the grade: give the reason',
      },
    ])
    const rows = await f.database.db
      .select()
      .from(schema.responses)
      .where(eq(schema.responses.campaignId, campaign.id))
    expect(rows).toEqual([])
  })

  it('stores a deduction with its reason in the answers, and a zero deduction needs none', async () => {
    const slug = campaign.slug(f.orgs.branch1, 'superior')
    const answers = { ...scorecard, deduction: 3, 'deduction-Comment': '年内被通报批评一次' }
    const stored = await submit(slug, answers, assessor)
    expect(stored.status).toBe(201)
    const [row] = await f.database.db
      .select()
      .from(schema.responses)
      .where(eq(schema.responses.id, stored.body.id))
    expect(row?.answers).toMatchObject({ deduction: 3, 'deduction-Comment': '年内被通报批评一次' })
    expect(row?.respondentId).toBe(f.users.assessor.id)
    expect(row?.score).toMatchObject({ score: 97 })
    const none = await submit(
      campaign.slug(f.orgs.branch3, 'superior'),
      { ...scorecard, deduction: 0 },
      otherAssessor,
    )
    expect(none.status).toBe(201)
  })

  it('asks no reason on a source members answer, whatever the form', async () => {
    const peers = await openCampaign(
      f,
      campaignBody(f, versions, {
        name: '成员打分',
        sources: [{ key: 'members', formVersion: versions.superior, weight: 1 }],
      }),
    )
    const slug = peers.slug(f.orgs.branch1, 'members')
    const { status } = await submit(
      slug,
      { ...scorecard, deduction: 2 },
      await f.login('secretary'),
    )
    expect(status).toBe(201)
  })

  it('shows each scorecard’s deductions and vetoes with their reasons in the unit’s detail', async () => {
    const admin = await f.login('admin')
    const { status, body } = await f.call(
      'GET',
      `/api/campaigns/${campaign.id}/results/units/${f.orgs.branch1}`,
      { token: admin },
    )
    expect(status).toBe(200)
    expect(body.scorecards).toEqual([
      {
        id: expect.any(Number),
        respondent: 'assessor',
        createdAt: expect.any(String),
        percent: 97,
        veto: false,
        items: [
          {
            question: 'deduction',
            title: { 'zh-CN': '负面清单扣分（最多扣10分）', en: 'Deductions (at most 10 points)' },
            deducted: 3,
            veto: false,
            reason: '年内被通报批评一次',
          },
        ],
      },
    ])
  })

  it('exports the reason beside its deduction in the raw responses', async () => {
    const admin = await f.login('admin')
    const response = await f.app.request(
      `/api/campaigns/${campaign.id}/responses.csv?source=superior`,
      { headers: { authorization: `Bearer ${admin}` } },
    )
    expect(response.status).toBe(200)
    const [header, ...rows] = (await response.text()).slice(1).trim().split('\r\n')
    const columns = header?.split(',') ?? []
    const at = columns.indexOf('负面清单扣分（最多扣10分）·理由')
    expect(at).toBeGreaterThan(0)
    const cells = rows.map((row) => row.split(','))
    expect(cells.map((row) => row[at])).toContain('年内被通报批评一次')
    expect(cells.map((row) => row[at - 1])).toContain('3')
  })

  it('lists the assessor’s branches, still to score first, with each link and the progress', async () => {
    const { status, body } = await home(assessor)
    expect(status).toBe(200)
    expect(body.campaigns).toEqual([
      {
        id: campaign.id,
        name: '2025年度综合评定',
        opensAt: expect.any(String),
        closesAt: expect.any(String),
        accepting: true,
        total: 2,
        scoredByMe: 1,
        scoredByAnyone: 1,
      },
    ])
    expect(body.total).toBe(2)
    expect(body.items.map((i: { unitName: string }) => i.unitName)).toEqual([
      '第二党支部',
      '第一党支部',
    ])
    const [todo, done] = body.items
    expect(todo).toMatchObject({
      campaignId: campaign.id,
      unitId: f.orgs.branch2,
      parentName: '第一分工委',
      unitType: 'enterprise',
      slug: campaign.slug(f.orgs.branch2, 'superior'),
      url: `/s/${campaign.slug(f.orgs.branch2, 'superior')}`,
      scoredByMe: false,
      myLastScoredAt: null,
      responses: 0,
    })
    expect(done).toMatchObject({ unitId: f.orgs.branch1, scoredByMe: true, responses: 1 })
    expect(Date.parse(done.myLastScoredAt)).not.toBeNaN()
  })

  it('pages by offset, filters what is left to score, and by campaign', async () => {
    const first = await home(assessor, '?limit=1')
    expect(first.body).toMatchObject({ total: 2, nextOffset: 1, nextCursor: null })
    expect(first.body.items).toHaveLength(1)
    const second = await home(assessor, '?limit=1&offset=1')
    expect(second.body.items[0].unitId).toBe(f.orgs.branch1)
    expect(second.body.nextOffset).toBeNull()
    const todo = await home(assessor, '?todo=true')
    expect(todo.body.items.map((i: { unitId: number }) => i.unitId)).toEqual([f.orgs.branch2])
    expect(todo.body.total).toBe(1)
    const other = await home(assessor, `?campaignId=${campaign.id + 1000}`)
    expect(other.body).toMatchObject({ campaigns: [], items: [], total: 0 })
    expect((await home(assessor, '?cursor=5')).status).toBe(400)
  })

  it('shows an assessor of another subtree only their own branches, nothing of ours', async () => {
    const { body } = await home(otherAssessor)
    expect(body.items.map((i: { unitId: number }) => i.unitId)).toEqual([f.orgs.branch3])
    expect(body.campaigns[0]).toMatchObject({ total: 1, scoredByMe: 1, scoredByAnyone: 1 })
  })

  it('lists every branch for an admin, and refuses users who score nothing', async () => {
    const admin = await home(await f.login('admin'))
    expect(admin.body.total).toBe(3)
    for (const who of ['secretary', 'editor', 'reviewer', 'outsider'] as const) {
      const { status, body } = await home(await f.login(who))
      expect(status, who).toBe(403)
      expect(body.error.code).toBe('forbidden')
    }
    expect((await f.call('GET', '/api/assessments')).status).toBe(401)
  })

  it('describes the route in OpenAPI, paged like every list', async () => {
    const spec = (await f.call('GET', '/api/openapi.json')).body
    const route = spec.paths['/api/assessments'].get
    expect(route.summary).toMatch(/待考评/)
    expect(route.parameters.map((p: { name: string }) => p.name)).toEqual(
      expect.arrayContaining(['limit', 'offset', 'campaignId', 'todo']),
    )
    expect(spec.components.schemas.UnitDetail.properties.scorecards).toBeDefined()
  })

  it('leaves out campaigns that are closed or have no assessor source', async () => {
    const admin = await f.login('admin')
    const closed = await openCampaign(f, campaignBody(f, versions, { name: '已结束' }))
    await f.call('POST', `/api/campaigns/${closed.id}/close`, { token: admin })
    const { body } = await home(assessor)
    const names = body.campaigns.map((c: { name: string }) => c.name)
    expect(names).toEqual(['2025年度综合评定'])
  })
})
