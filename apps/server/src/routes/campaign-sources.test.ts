import { schema } from '@yardstick/db'
import { testStores } from '@yardstick/db/testing'
import { type Answers, evaluate, type SourceResponse, templates } from '@yardstick/sdk'
import { count, eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createFixture, type Fixture } from '../../test/harness'
import {
  campaignBody,
  completeAnswers,
  openCampaign,
  publishTemplate,
} from '../campaigns/test-fixture'
import { signInAs } from '../forms/test-helpers'

type Item = { campaignId: number; unitId: number; slug: string; url: string; scoredByMe: boolean }

/** A 述职评议 panel rating each unit, as 好 / 较好 / 一般 / 差 on every item. */
const rated = (choice: string): Answers => ({
  responsibility: choice,
  organization: choice,
  integrity: choice,
  service: choice,
  overall: choice,
})

describe.each(await testStores())('campaign sources: a 述职评议 panel on %s', (kind) => {
  let f: Fixture
  let versions: Record<'self' | 'members' | 'superior' | 'debriefing', number>
  let panelists: Array<{ id: number; token: string }>
  let keys = 0
  const submit = (slug: string, answers: Answers, token?: string, key = `panel-${++keys}`) =>
    f.call('POST', `/api/links/${slug}/responses`, {
      body: { answers },
      token,
      headers: { 'idempotency-key': key },
    })
  const fourSources = (panel: number[] | undefined, extra: Record<string, unknown> = {}) => [
    { key: 'self', formVersion: versions.self, weight: 2 },
    {
      key: 'members',
      formVersion: versions.members,
      weight: 3,
      measure: 'satisfactionRate',
    },
    { key: 'superior', formVersion: versions.superior, weight: 3 },
    {
      key: 'debriefing',
      answeredBy: 'panel',
      label: { 'zh-CN': '述职评议', en: 'Debriefing review' },
      panel,
      formVersion: versions.debriefing,
      weight: 2,
      minResponses: 2,
      ...extra,
    },
  ]
  const campaignCount = async () => {
    const [row] = await f.database.db.select({ n: count() }).from(schema.campaigns)
    return Number(row?.n ?? 0)
  }

  beforeAll(async () => {
    f = await createFixture(kind)
    versions = {
      self: await publishTemplate(f, 'selfCheck'),
      members: await publishTemplate(f, 'satisfaction'),
      superior: await publishTemplate(f, 'scorecard'),
      debriefing: await publishTemplate(f, 'debriefing'),
    }
    // Neither has any role: being named on the panel is what lets them rate.
    panelists = [
      { id: f.users.outsider.id, token: await f.login('outsider') },
      {
        id: 0,
        token: await signInAs(f, 'panel-two', []),
      },
    ]
    const [second] = await f.database.db
      .select({ id: schema.users.id })
      .from(schema.users)
      .where(eq(schema.users.email, 'panel-two@example.org'))
    panelists[1] = { id: second?.id as number, token: panelists[1]?.token as string }
  })
  afterAll(() => f.close())

  it('grades four sources — self, members, superior and a panel — as the SDK’s evaluate does', async () => {
    const panel = panelists.map((p) => p.id)
    const campaign = await openCampaign(
      f,
      campaignBody(f, versions, { sources: fourSources(panel) }),
    )
    const { branch1, branch2 } = f.orgs
    const detail = await f.call('GET', `/api/campaigns/${campaign.id}`, { token: campaign.admin })
    expect(
      detail.body.sources.map((s: Record<string, unknown>) => [s.key, s.answeredBy, s.panel]),
    ).toEqual([
      ['self', 'selfCheck', []],
      ['members', 'members', []],
      ['superior', 'assessors', []],
      ['debriefing', 'panel', [...panel].sort((a, b) => a - b)],
    ])
    expect(detail.body.sources[3].label).toEqual({ 'zh-CN': '述职评议', en: 'Debriefing review' })

    // 自评 through its workflow (branch 1 only: branch 2 is graded without it).
    const secretary = await f.login('secretary')
    const at = `/api/campaigns/${campaign.id}/self-checks/${branch1}`
    // Every item met: no problem-list entries to give.
    const selfAnswers = Object.fromEntries(
      Object.entries(completeAnswers(templates.selfCheck, 'yes')).filter(
        ([name]) => !name.endsWith('_problem'),
      ),
    )
    for (const [method, path, body] of [
      ['PUT', at, { answers: selfAnswers }],
      ['POST', `${at}/approve`, { approvedOn: '2025-03-18' }],
      ['POST', `${at}/announce`, undefined],
      ['POST', `${at}/submit`, undefined],
    ] as const) {
      const step = await f.call(method, path, { token: secretary, body })
      expect(step.status, JSON.stringify(step.body)).toBe(200)
    }
    // 党员群众测评 through the link, 上级考评 by the assessor.
    for (const [unit, choices] of [
      [branch1, ['satisfied', 'satisfied', 'basicallySatisfied']],
      [branch2, ['satisfied', 'dissatisfied']],
    ] as const) {
      for (const choice of choices) {
        const answers = completeAnswers(templates.satisfaction, choice)
        expect((await submit(campaign.slug(unit, 'members'), answers)).status).toBe(201)
      }
    }
    const assessor = await f.login('assessor')
    for (const unit of [branch1, branch2]) {
      const card = completeAnswers(templates.scorecard)
      const stored = await submit(campaign.slug(unit, 'superior'), card, assessor)
      expect(stored.status, JSON.stringify(stored.body)).toBe(201)
    }

    // Each panel member finds both branches on their assessor home and rates each once.
    const choices = [
      ['good', 'average'],
      ['fairlyGood', 'poor'],
    ]
    for (const [p, panelist] of panelists.entries()) {
      const home = await f.call('GET', `/api/assessments?campaignId=${campaign.id}`, {
        token: panelist.token,
      })
      expect(home.status).toBe(200)
      const items = home.body.items as Item[]
      expect(items.map((item) => item.unitId).sort()).toEqual([branch1, branch2].sort())
      expect(items.every((item) => item.slug === campaign.slug(item.unitId, 'debriefing'))).toBe(
        true,
      )
      for (const item of items) {
        const view = await f.call('GET', `/api/links/${item.slug}`, { token: panelist.token })
        expect(view.body).toMatchObject({
          source: 'debriefing',
          answeredBy: 'panel',
          needsSignIn: true,
        })
        const choice = choices[p]?.[item.unitId === branch1 ? 0 : 1] as string
        const stored = await submit(item.slug, rated(choice), panelist.token)
        expect(stored.status, JSON.stringify(stored.body)).toBe(201)
      }
      const after = await f.call('GET', `/api/assessments?campaignId=${campaign.id}`, {
        token: panelist.token,
      })
      expect(after.body.items.every((item: Item) => item.scoredByMe)).toBe(true)
    }

    const results = await f.call('GET', `/api/campaigns/${campaign.id}/results`, {
      token: campaign.admin,
    })
    expect(results.status).toBe(200)
    const rows = await f.database.db
      .select()
      .from(schema.responses)
      .where(eq(schema.responses.campaignId, campaign.id))
      .orderBy(schema.responses.id)
    const responsesOf = (unitId: number) => {
      const sources: Record<string, SourceResponse[]> = {}
      for (const row of rows.filter((r) => r.unitId === unitId)) {
        sources[row.sourceKey] ??= []
        sources[row.sourceKey]?.push({
          percent: row.percent,
          veto: row.veto,
          satisfaction: { satisfied: row.satisfied, answered: row.answered },
        } as SourceResponse)
      }
      return { unitId: String(unitId), sources }
    }
    const expected = evaluate(
      {
        sources: [
          { key: 'self', weight: 2 },
          { key: 'members', weight: 3, measure: 'satisfactionRate' },
          { key: 'superior', weight: 3 },
          { key: 'debriefing', weight: 2, minResponses: 2 },
        ],
        bands: [
          { min: 90, grade: '先进', stars: 5 },
          { min: 60, grade: '达标', stars: 3 },
          { min: 0, grade: '后进', stars: 1 },
        ],
      },
      [responsesOf(branch1), responsesOf(branch2)],
    )
    const byUnit = new Map(results.body.units.map((u: { unitId: number }) => [String(u.unitId), u]))
    for (const unit of expected) {
      expect(byUnit.get(unit.unitId)).toMatchObject({
        composite: unit.composite,
        grade: unit.grade,
        rank: unit.rank,
      })
    }
    // Branch 1: panel 100 and 80 → 90; branch 2: 60 and 0 → 30.
    expect(byUnit.get(String(branch1))).toMatchObject({
      sources: { debriefing: { value: 90, n: 2 } },
    })
    expect(byUnit.get(String(branch2))).toMatchObject({
      sources: { debriefing: { value: 30, n: 2 } },
    })
  })

  it('lets a panel member rate a unit once, and only the units of their own campaign', async () => {
    const [first, second] = panelists as [(typeof panelists)[0], (typeof panelists)[0]]
    const mine = await openCampaign(
      f,
      campaignBody(f, versions, { name: '述职评议甲', sources: fourSources([first.id]) }),
    )
    const other = await openCampaign(
      f,
      campaignBody(f, versions, { name: '述职评议乙', sources: fourSources([second.id]) }),
    )
    const slug = mine.slug(f.orgs.branch1, 'debriefing')
    const stored = await submit(slug, rated('good'), first.token, 'once-1')
    expect(stored.status).toBe(201)
    // A retry of the same request is replayed; a new one for the same unit is refused.
    expect((await submit(slug, rated('good'), first.token, 'once-1')).status).toBe(200)
    const again = await submit(slug, rated('poor'), first.token, 'once-2')
    expect(again.status).toBe(409)
    expect(again.body.error.code).toBe('alreadyRated')
    const foreign = await submit(
      other.slug(f.orgs.branch1, 'debriefing'),
      rated('good'),
      first.token,
    )
    expect(foreign.status).toBe(403)
    const signedOut = await submit(other.slug(f.orgs.branch1, 'debriefing'), rated('good'))
    expect(signedOut.status).toBe(401)
    // The assessor's own grants do not make them a panel member.
    const assessor = await f.login('assessor')
    const byAssessor = await submit(slug, rated('good'), assessor)
    expect(byAssessor.status).toBe(403)
    const home = await f.call('GET', `/api/assessments?campaignId=${other.id}`, {
      token: first.token,
    })
    expect(home.body.items).toEqual([])
    const rows = await f.database.db
      .select({ sourceKey: schema.responses.sourceKey })
      .from(schema.responses)
      .where(eq(schema.responses.campaignId, mine.id))
    expect(rows).toEqual([{ sourceKey: 'debriefing' }])
  })

  it('tells a panel member without a role where to rate (onPanel), until the campaign closes', async () => {
    const token = await signInAs(f, 'panel-three', [])
    const [user] = await f.database.db
      .select({ id: schema.users.id })
      .from(schema.users)
      .where(eq(schema.users.email, 'panel-three@example.org'))
    const onPanel = async () => {
      const me = await f.call('GET', '/api/me', { token })
      const session = await f.call('GET', '/api/auth/session', { token })
      expect(session.body.user.onPanel).toBe(me.body.onPanel)
      return me.body.onPanel
    }
    expect(await onPanel()).toBe(false)
    const campaign = await openCampaign(
      f,
      campaignBody(f, versions, { name: '述职评议丙', sources: fourSources([user?.id as number]) }),
    )
    expect(await onPanel()).toBe(true)
    const admin = await f.login('admin')
    expect(
      (await f.call('POST', `/api/campaigns/${campaign.id}/close`, { token: admin })).status,
    ).toBe(200)
    expect(await onPanel()).toBe(false)
  })

  it('refuses a bad list of sources with a 400 that names where and why, creating nothing', async () => {
    const admin = await f.login('admin')
    const before = await campaignCount()
    const cases: Array<[unknown[], string, string]> = [
      [
        [
          ...fourSources([panelists[0]?.id as number]),
          { key: 'second', answeredBy: 'selfCheck', formVersion: versions.self, weight: 1 },
        ],
        'sources.4.answeredBy',
        'twoSelfChecks',
      ],
      [fourSources(undefined), 'sources.3.panel', 'panelMissing'],
      [fourSources([999_999]), 'sources.3.panel.0', 'panelUserUnknown'],
      [
        fourSources([panelists[0]?.id as number, panelists[0]?.id as number]),
        'sources.3.panel.1',
        'panelDuplicate',
      ],
      [
        [{ key: 'members', formVersion: versions.members, weight: 1, panel: [f.users.admin.id] }],
        'sources.0.panel',
        'panelUnexpected',
      ],
    ]
    for (const [sources, path, sourceError] of cases) {
      const { status, body } = await f.call('POST', '/api/campaigns', {
        token: admin,
        body: campaignBody(f, versions, { sources }),
      })
      expect(status, JSON.stringify(body)).toBe(400)
      expect(body.error.code).toBe('invalidBody')
      expect(body.error.details).toMatchObject({ sourceError, issues: [{ path }] })
    }
    const duplicate = await f.call('POST', '/api/campaigns', {
      token: admin,
      body: campaignBody(f, versions, {
        sources: [...fourSources([f.users.admin.id]), fourSources([f.users.admin.id])[3]],
      }),
    })
    expect(duplicate.status).toBe(400)
    expect(duplicate.body.error.details.policyError).toBe('duplicateSourceKey')
    const badKey = await f.call('POST', '/api/campaigns', {
      token: admin,
      body: campaignBody(f, versions, {
        sources: [{ key: 'Not-a-slug', formVersion: versions.members, weight: 1 }],
      }),
    })
    expect(badKey.status).toBe(400)
    expect(JSON.stringify(badKey.body.error.details)).toContain('sources')
    expect(await campaignCount()).toBe(before)
  })

  it('refuses to change the sources once responses exist, and changes nothing', async () => {
    const panel = [panelists[0]?.id as number]
    const campaign = await openCampaign(
      f,
      campaignBody(f, versions, { name: '述职评议丙', sources: fourSources(panel) }),
    )
    const patch = (sources: unknown[]) =>
      f.call('PATCH', `/api/campaigns/${campaign.id}`, { token: campaign.admin, body: { sources } })
    // Before any response, the panel and the label may change.
    const before = await patch([
      { key: 'debriefing', panel: [panelists[1]?.id], label: { 'zh-CN': '书记述职评议' } },
    ])
    expect(before.status, JSON.stringify(before.body)).toBe(200)
    const slug = campaign.slug(f.orgs.branch1, 'debriefing')
    expect((await submit(slug, rated('good'), panelists[1]?.token)).status).toBe(201)
    for (const sources of [
      [{ key: 'debriefing', panel: panel }],
      [{ key: 'debriefing', answeredBy: 'assessors', panel: [] }],
      [{ key: 'debriefing', remove: true }],
      [{ key: 'peerReview', formVersion: versions.debriefing, weight: 1 }],
    ]) {
      const refused = await patch(sources)
      expect(refused.status, JSON.stringify(refused.body)).toBe(409)
      expect(refused.body.error.code).toBe('responsesExist')
    }
    const detail = await f.call('GET', `/api/campaigns/${campaign.id}`, { token: campaign.admin })
    expect(detail.body.sources.map((s: { key: string }) => s.key)).toEqual([
      'self',
      'members',
      'superior',
      'debriefing',
    ])
    expect(detail.body.sources[3]).toMatchObject({
      answeredBy: 'panel',
      panel: [panelists[1]?.id],
      label: { 'zh-CN': '书记述职评议' },
    })
  })
})
