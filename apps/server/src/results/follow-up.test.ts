import { schema } from '@yardstick/db'
import { testStores } from '@yardstick/db/testing'
import { templates } from '@yardstick/sdk'
import { and, eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createFixture, type Fixture } from '../../test/harness'
import { signInAs } from '../forms/test-helpers'
import { insertResponses, type TestCampaign } from './test-campaign'
import { seedSmallScenario } from './test-scenario'

const REASON = '年内被上级党组织通报批评一次'

describe.each(await testStores())('follow-ups by grade on %s', (kind) => {
  let f: Fixture
  let campaign: TestCampaign
  let branch4: number
  let scorecardId: number
  const call = async (
    method: string,
    path: string,
    who: keyof Fixture['users'] = 'editor',
    body?: unknown,
  ) => f.call(method, path, { token: await f.login(who), body })
  const planUrl = (unitId: number) =>
    `/api/campaigns/${campaign.id}/results/units/${unitId}/transformation-plan`
  const deductionUrl = (unitId: number) =>
    `/api/campaigns/${campaign.id}/results/units/${unitId}/rectifications`
  const PLAN = {
    owner: '王书记（党委副书记）',
    measure: '结对帮扶，每月集中学习',
    deadline: '2999-06-30',
  }
  const rectificationRows = () => f.database.db.select().from(schema.rectifications)

  beforeAll(async () => {
    f = await createFixture(kind)
    const scenario = await seedSmallScenario(f)
    campaign = scenario.campaign
    branch4 = scenario.branch4
    // An assessor's scorecard of branch2 with a deduction and its reason, on the SDK's template.
    const { db } = f.database
    const [form] = await db
      .insert(schema.forms)
      .values({ orgId: f.orgs.committee, title: 'scorecard', json: templates.scorecard })
      .returning({ id: schema.forms.id })
    const [version] = await db
      .insert(schema.formVersions)
      .values({ formId: form?.id as number, version: 1, json: templates.scorecard, hash: 'sc' })
      .returning({ id: schema.formVersions.id })
    const withScorecard = {
      ...campaign,
      forms: { ...campaign.forms, superior: templates.scorecard },
      formVersionIds: { ...campaign.formVersionIds, superior: version?.id as number },
    }
    await insertResponses(db, withScorecard, [
      {
        unitId: f.orgs.branch2,
        source: 'superior',
        answers: { deduction: 2, 'deduction-Comment': REASON },
        respondentId: f.users.assessor.id,
      },
    ])
    const [row] = await db
      .select({ id: schema.responses.id })
      .from(schema.responses)
      .where(eq(schema.responses.formVersionId, version?.id as number))
    scorecardId = row?.id as number
  })
  afterAll(() => f.close())

  it('refuses a 转化 plan for a unit not graded in the lowest band (409 notLowestGrade), creating nothing', async () => {
    for (const unitId of [f.orgs.branch1, f.orgs.branch3]) {
      const { status, body } = await call('POST', planUrl(unitId), 'editor', PLAN)
      expect(status).toBe(409)
      expect(body.error.code).toBe('notLowestGrade')
      expect(body.error.details.lowest).toBe('lagging')
    }
    expect(await rectificationRows()).toEqual([])
  })

  it('refuses bad input and those who may not raise it, creating nothing', async () => {
    const bad = [{ ...PLAN, deadline: '2026-02-30' }, { ...PLAN, owner: ' ' }, { owner: 'x' }]
    for (const body of bad) {
      const answer = await call('POST', planUrl(branch4), 'editor', body)
      expect(answer.status, JSON.stringify(body)).toBe(400)
      expect(answer.body.error.code).toBe('invalidBody')
    }
    // The secretary of branch1 reads the campaign but raises nothing; the assessor of the
    // first sub-committee does not reach branch4; an outsider reads no results at all.
    for (const who of ['secretary', 'assessor', 'outsider'] as const) {
      const answer = await call('POST', planUrl(branch4), who, PLAN)
      expect(answer.status, who).toBe(403)
    }
    expect((await call('POST', planUrl(999_999), 'editor', PLAN)).status).toBe(404)
    expect(await rectificationRows()).toEqual([])
  })

  it('creates the 转化 plan of a lowest-graded unit, tracked through the rectification workflow', async () => {
    const created = await call('POST', planUrl(branch4), 'editor', PLAN)
    expect(created.status).toBe(201)
    const id = created.body.id
    const again = await call('POST', planUrl(branch4), 'admin', PLAN)
    expect([again.status, again.body.error.code]).toEqual([409, 'rectificationExists'])

    const list = await call('GET', `/api/campaigns/${campaign.id}/rectifications`, 'admin')
    expect(list.body.items).toHaveLength(1)
    expect(list.body.items[0]).toMatchObject({
      id,
      origin: 'transformation',
      unitId: branch4,
      owner: PLAN.owner,
      measure: PLAN.measure,
      deadline: PLAN.deadline,
      status: 'open',
    })
    const moved = await call('PATCH', `/api/rectifications/${id}`, 'admin', {
      status: 'fixed',
      evidence: '帮扶记录',
    })
    expect(moved.body).toMatchObject({ status: 'fixed', origin: 'transformation' })
    const accepted = await call('POST', `/api/rectifications/${id}/review`, 'admin', {
      decision: 'accept',
    })
    expect(accepted.body.status).toBe('accepted')
    const detail = await call('GET', `/api/campaigns/${campaign.id}/results/units/${branch4}`)
    expect(detail.body.rectifications).toMatchObject([{ id, origin: 'transformation' }])
    const [entry] = await f.database.db
      .select()
      .from(schema.auditLog)
      .where(
        and(
          eq(schema.auditLog.action, 'rectification.create'),
          eq(schema.auditLog.entityId, String(id)),
        ),
      )
    expect(entry?.after).toMatchObject({ origin: 'transformation', owner: PLAN.owner })
  })

  it('raises a rectification from an assessor’s deduction with its reason as the note', async () => {
    const body = { responseId: scorecardId, question: 'deduction', deadline: '2999-03-31' }
    const created = await call('POST', deductionUrl(f.orgs.branch2), 'assessor', body)
    expect(created.status).toBe(201)
    const got = await call('GET', `/api/rectifications/${created.body.id}`, 'secretary')
    expect(got.status).toBe(403)
    const item = await call('GET', `/api/rectifications/${created.body.id}`, 'assessor')
    expect(item.body).toMatchObject({
      origin: 'deduction',
      unitId: f.orgs.branch2,
      question: 'deduction',
      note: REASON,
      deadline: '2999-03-31',
      status: 'open',
    })
    expect(item.body.title).toContain('扣分')
    const again = await call('POST', deductionUrl(f.orgs.branch2), 'admin', body)
    expect([again.status, again.body.error.code]).toEqual([409, 'rectificationExists'])
  })

  it('refuses a deduction that is not one: another unit’s response, a question without points off', async () => {
    const before = (await rectificationRows()).length
    const cases: Array<[number, unknown, string]> = [
      [f.orgs.branch1, { responseId: scorecardId, question: 'deduction' }, 'responseId'],
      [f.orgs.branch2, { responseId: scorecardId, question: 'bonus' }, 'question'],
      [f.orgs.branch2, { responseId: 999_999, question: 'deduction' }, 'responseId'],
    ]
    for (const [unitId, body, path] of cases) {
      const answer = await call('POST', deductionUrl(unitId), 'admin', body)
      expect(answer.status, JSON.stringify(body)).toBe(400)
      expect(answer.body.error.details.issues[0].path).toBe(path)
    }
    expect((await rectificationRows()).length).toBe(before)
  })

  it('tells the unit page whether its reader raises follow-ups (mayFollowUp), as the server decides', async () => {
    const detailOf = (token: string) =>
      f.call('GET', `/api/campaigns/${campaign.id}/results/units/${f.orgs.branch1}`, { token })
    const subEditor = await signInAs(f, 'sub-editor', [{ role: 'editor', orgId: f.orgs.sub }])
    const readers: Array<[string, string, boolean]> = [
      ['admin', await f.login('admin'), true],
      ['editor of the office', await f.login('editor'), true],
      ['assessor above', await f.login('assessor'), true],
      ['its secretary', await f.login('secretary'), false],
      ['editor of a sub-committee', subEditor, false],
    ]
    for (const [who, token, may] of readers) {
      const detail = await detailOf(token)
      expect(detail.status, who).toBe(200)
      expect(detail.body.mayFollowUp, who).toBe(may)
      if (!may) {
        const refused = await f.call('POST', planUrl(f.orgs.branch1), { token, body: PLAN })
        expect(refused.status, who).toBe(403)
      }
    }
  })
})
