import { schema } from '@yardstick/db'
import { testStores } from '@yardstick/db/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createFixture, type Fixture } from '../../test/harness'
import { selfAnswers } from './test-forms'
import { seedSmallScenario } from './test-scenario'

describe.each(await testStores())('GET /api/campaigns/:id/results/units/:unitId on %s', (kind) => {
  let f: Fixture
  let campaignId: number
  let branch4: number
  const get = async (path: string, who: keyof Fixture['users'] = 'admin') =>
    f.call('GET', path, { token: await f.login(who) })
  const url = (unitId: number) => `/api/campaigns/${campaignId}/results/units/${unitId}`

  beforeAll(async () => {
    f = await createFixture(kind)
    const scenario = await seedSmallScenario(f)
    campaignId = scenario.campaign.id
    branch4 = scenario.branch4
    // branch2 submitted a self-check with one "no": one problem (records), tracked three ways.
    const { db } = f.database
    const [selfCheck] = await db
      .insert(schema.selfChecks)
      .values({
        campaignId,
        unitId: f.orgs.branch2,
        status: 'submitted',
        answers: selfAnswers('yes', 'yes', 'partly', 'no'),
        approvedOn: '2026-03-18',
        submittedAt: new Date('2026-03-20T09:00:00+08:00'),
      })
      .returning({ id: schema.selfChecks.id })
    const common = { campaignId, unitId: f.orgs.branch2, selfCheckId: selfCheck?.id as number }
    await db.insert(schema.rectifications).values([
      { ...common, question: 'records', title: '是否落实records', deadline: '2020-01-31' },
      { ...common, question: 'records', title: '补记', deadline: '2020-01-31', status: 'fixed' },
      {
        ...common,
        question: 'records',
        title: '制度',
        deadline: '2999-12-31',
        status: 'inProgress',
      },
    ])
  })
  afterAll(() => f.close())

  it('gives a branch’s graded row, each source’s rule and figures, its problems and rectifications', async () => {
    const { status, body } = await get(url(f.orgs.branch2))
    expect(status).toBe(200)
    expect(body.unit).toMatchObject({
      unitId: f.orgs.branch2,
      name: '第二党支部',
      composite: 84.5,
      grade: 'standard',
      stars: 3,
      rank: 2,
    })
    expect(body.unit.path).toBeUndefined()
    expect(body.sources).toEqual([
      {
        key: 'self',
        weight: 2,
        required: true,
        minResponses: null,
        measure: 'percent',
        value: 60,
        n: 1,
      },
      {
        key: 'members',
        weight: 3,
        required: false,
        minResponses: 3,
        measure: 'satisfactionRate',
        value: 75,
        n: 4,
      },
      {
        key: 'superior',
        weight: 5,
        required: false,
        minResponses: null,
        measure: 'percent',
        value: 100,
        n: 1,
      },
    ])
    expect(body.selfCheck).toMatchObject({ status: 'submitted', approvedOn: '2026-03-18' })
    expect(body.selfCheck.problems.map((p: { question: string }) => p.question)).toEqual([
      'records',
    ])
    expect(
      body.rectifications.map((r: { title: string; status: string; overdue: boolean }) => [
        r.title,
        r.status,
        r.overdue,
      ]),
    ).toEqual([
      ['是否落实records', 'open', true],
      ['补记', 'fixed', false],
      ['制度', 'inProgress', false],
    ])
  })

  it('says why an incomplete branch is not graded, and creates no self-check by reading', async () => {
    const { body } = await get(url(f.orgs.branch3))
    expect(body.unit).toMatchObject({ grade: null, rank: null })
    expect(body.unit.incomplete.reason).toBe('belowMinResponses')
    expect(body.selfCheck).toBeNull()
    expect(body.rectifications).toEqual([])
    const rows = await f.database.db.select().from(schema.selfChecks)
    expect(rows.map((r) => r.unitId)).toEqual([f.orgs.branch2])
  })

  it('lets an assessor read branches of their subtree only, and a secretary only their own', async () => {
    expect((await get(url(f.orgs.branch2), 'assessor')).status).toBe(200)
    const far = await get(url(branch4), 'assessor')
    expect(far.status).toBe(403)
    expect(far.body.error.code).toBe('forbidden')
    expect((await get(url(f.orgs.branch1), 'secretary')).status).toBe(200)
    expect((await get(url(f.orgs.branch2), 'secretary')).status).toBe(403)
    expect((await get(url(f.orgs.branch1), 'reviewer')).status).toBe(403)
    expect((await f.call('GET', url(f.orgs.branch1))).status).toBe(401)
  })

  it('answers 404 for a unit the campaign does not assess, a bad id or an unknown campaign', async () => {
    for (const path of [
      url(f.orgs.sub),
      url(999_999),
      `/api/campaigns/${campaignId}/results/units/abc`,
      `/api/campaigns/999999/results/units/${f.orgs.branch1}`,
    ]) {
      const { status, body } = await get(path)
      expect(status, path).toBe(404)
      expect(body.error.code).toBe('notFound')
    }
  })

  it('is described in OpenAPI', async () => {
    const spec = (await f.call('GET', '/api/openapi.json')).body
    const operation = spec.paths['/api/campaigns/{id}/results/units/{unitId}'].get
    expect(operation.description).toContain('overdue')
    expect(operation.parameters.map((p: { name: string }) => p.name)).toEqual(['id', 'unitId'])
  })
})
