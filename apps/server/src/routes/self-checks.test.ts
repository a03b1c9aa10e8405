import { schema } from '@yardstick/db'
import { testStores } from '@yardstick/db/testing'
import { scoreResponse, templates } from '@yardstick/sdk'
import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createFixture, type Fixture } from '../../test/harness'
import { completeAnswers, SELF_CHECK_ITEMS, selfCheckCampaign } from '../self-checks/test-campaign'

const PROBLEMS = {
  theoryStudy: {
    description: '理论学习不经常',
    measure: '每月组织一次集中学习',
    owner: '张书记',
    deadline: '2020-06-30',
  },
  partyDues: {
    description: '个别党员未按月交纳党费',
    measure: '逐一提醒并补交',
    owner: '李委员',
    deadline: '2999-12-31',
  },
}

describe.each(await testStores())('self-check workflow on %s', (kind) => {
  let f: Fixture
  let secretary: string
  const url = (campaignId: number, unitId: number, step = '') =>
    `/api/campaigns/${campaignId}/self-checks/${unitId}${step ? `/${step}` : ''}`
  const responsesOf = (campaignId: number) =>
    f.database.db.select().from(schema.responses).where(eq(schema.responses.campaignId, campaignId))

  /** Takes branch 1's self-check to `announced` with the given answers. */
  const announced = async (campaignId: number, answers = completeAnswers(PROBLEMS)) => {
    const at = url(campaignId, f.orgs.branch1)
    const steps = [
      await f.call('PUT', at, { token: secretary, body: { answers } }),
      await f.call('POST', `${at}/approve`, {
        token: secretary,
        body: { approvedOn: '2025-03-18' },
      }),
      await f.call('POST', `${at}/announce`, { token: secretary }),
    ]
    for (const step of steps) if (step.status !== 200) throw new Error(JSON.stringify(step.body))
  }

  beforeAll(async () => {
    f = await createFixture(kind)
    secretary = await f.login('secretary')
  })
  afterAll(() => f.close())

  it('shows an empty draft on first read, listing every required item as pending', async () => {
    const campaignId = await selfCheckCampaign(f)
    const first = await f.call('GET', url(campaignId, f.orgs.branch1), { token: secretary })
    expect(first.status).toBe(200)
    expect(first.body).toMatchObject({
      status: 'draft',
      answers: {},
      approvedOn: null,
      announcedAt: null,
      submittedAt: null,
      problems: [],
      campaignId,
      unitId: f.orgs.branch1,
      unitName: '第一党支部',
    })
    expect(first.body.pending).toEqual(SELF_CHECK_ITEMS)
    expect(first.body.form.kind).toBe('selfCheck')
    const again = await f.call('GET', url(campaignId, f.orgs.branch1), { token: secretary })
    expect(again.body.id).toBe(first.body.id)
  })

  it('saves a partial draft, with live problems and score and the rest pending', async () => {
    const campaignId = await selfCheckCampaign(f)
    const answers = { theoryStudy: 'no', threeMeetingsOneLesson: 'yes' }
    const { status, body } = await f.call('PUT', url(campaignId, f.orgs.branch1), {
      token: secretary,
      body: { answers },
    })
    expect(status).toBe(200)
    expect(body.answers).toEqual(answers)
    expect(body.problems).toMatchObject([{ question: 'theoryStudy', answer: 'no' }])
    expect(body.score).toEqual(scoreResponse(templates.selfCheck, answers))
    expect(body.pending).toContain('theoryStudy_problem')
    expect(body.pending).not.toContain('threeMeetingsOneLesson')
  })

  it('refuses draft answers of the wrong type or for unknown questions with 422, keeping the old ones', async () => {
    const campaignId = await selfCheckCampaign(f)
    const at = url(campaignId, f.orgs.branch1)
    await f.call('PUT', at, { token: secretary, body: { answers: { theoryStudy: 'yes' } } })
    for (const answers of [
      { theoryStudy: 'maybe' },
      { nowhere: 'yes' },
      { theoryStudy: ['yes'] },
    ]) {
      const refused = await f.call('PUT', at, { token: secretary, body: { answers } })
      expect(refused.status).toBe(422)
      expect(refused.body.error.code).toBe('invalidAnswers')
      expect(refused.body.error.details.errors.length).toBeGreaterThan(0)
    }
    const kept = await f.call('GET', at, { token: secretary })
    expect(kept.body.answers).toEqual({ theoryStudy: 'yes' })
  })

  it('refuses approval of an incomplete self-check with 422 naming the missing answers', async () => {
    const campaignId = await selfCheckCampaign(f)
    const at = url(campaignId, f.orgs.branch1)
    await f.call('PUT', at, { token: secretary, body: { answers: { theoryStudy: 'no' } } })
    const refused = await f.call('POST', `${at}/approve`, {
      token: secretary,
      body: { approvedOn: '2025-03-18' },
    })
    expect(refused.status).toBe(422)
    const missing = refused.body.error.details.errors.map((e: { question: string }) => e.question)
    expect(missing).toContain('theoryStudy_problem')
    expect((await f.call('GET', at, { token: secretary })).body.status).toBe('draft')
  })

  it('refuses an approval date that is not a real YYYY-MM-DD date', async () => {
    const campaignId = await selfCheckCampaign(f)
    const at = url(campaignId, f.orgs.branch1)
    await f.call('PUT', at, { token: secretary, body: { answers: completeAnswers() } })
    for (const approvedOn of ['2025-02-30', '18/03/2025', '']) {
      const refused = await f.call('POST', `${at}/approve`, {
        token: secretary,
        body: { approvedOn },
      })
      expect(refused.status).toBe(400)
    }
  })

  it('goes draft → approved → announced → submitted, storing exactly one scored response and the rectification list', async () => {
    const campaignId = await selfCheckCampaign(f)
    const at = url(campaignId, f.orgs.branch1)
    const answers = completeAnswers(PROBLEMS)
    const saved = await f.call('PUT', at, { token: secretary, body: { answers } })
    expect(saved.body.pending).toEqual([])
    const approved = await f.call('POST', `${at}/approve`, {
      token: secretary,
      body: { approvedOn: '2025-03-18' },
    })
    expect(approved.body).toMatchObject({ status: 'approved', approvedOn: '2025-03-18' })
    const announced = await f.call('POST', `${at}/announce`, { token: secretary })
    expect(announced.body.status).toBe('announced')
    expect(Date.parse(announced.body.announcedAt)).not.toBeNaN()
    expect(await responsesOf(campaignId)).toEqual([])

    const submitted = await f.call('POST', `${at}/submit`, { token: secretary })
    expect(submitted.status).toBe(200)
    expect(submitted.body.status).toBe('submitted')
    expect(Date.parse(submitted.body.submittedAt)).not.toBeNaN()

    const stored = await responsesOf(campaignId)
    expect(stored).toHaveLength(1)
    const score = scoreResponse(templates.selfCheck, answers)
    expect(stored[0]).toMatchObject({
      id: submitted.body.responseId,
      unitId: f.orgs.branch1,
      sourceKey: 'self',
      answers,
      score,
      percent: score.percent,
      veto: false,
      respondentId: f.users.secretary.id,
    })
    expect(score.percent).toBeLessThan(100)

    const rows = await f.database.db
      .select()
      .from(schema.rectifications)
      .where(eq(schema.rectifications.campaignId, campaignId))
    expect(rows.map((r) => r.question).sort()).toEqual(['partyDues', 'theoryStudy'])
    expect(rows.find((r) => r.question === 'theoryStudy')).toMatchObject({
      unitId: f.orgs.branch1,
      selfCheckId: submitted.body.id,
      note: '理论学习不经常',
      measure: '每月组织一次集中学习',
      owner: '张书记',
      deadline: '2020-06-30',
      status: 'open',
    })
  })

  it('refuses a second submit with 409 invalidTransition and stores nothing more', async () => {
    const campaignId = await selfCheckCampaign(f)
    await announced(campaignId)
    const at = url(campaignId, f.orgs.branch1, 'submit')
    expect((await f.call('POST', at, { token: secretary })).status).toBe(200)
    const again = await f.call('POST', at, { token: secretary })
    expect(again.status).toBe(409)
    expect(again.body.error).toMatchObject({
      code: 'invalidTransition',
      details: { from: 'submitted', to: 'submitted' },
    })
    expect(await responsesOf(campaignId)).toHaveLength(1)
    const rectifications = await f.database.db
      .select()
      .from(schema.rectifications)
      .where(eq(schema.rectifications.campaignId, campaignId))
    expect(rectifications).toHaveLength(2)
  })

  it('lets only one of several concurrent submits through, the others 409', async () => {
    const campaignId = await selfCheckCampaign(f)
    await announced(campaignId)
    const at = url(campaignId, f.orgs.branch1, 'submit')
    const results = await Promise.all(
      [1, 2, 3, 4].map(() => f.call('POST', at, { token: secretary })),
    )
    expect(results.map((r) => r.status).sort()).toEqual([200, 409, 409, 409])
    expect(await responsesOf(campaignId)).toHaveLength(1)
  })

  it('refuses steps out of order with 409 invalidTransition naming from and to', async () => {
    const campaignId = await selfCheckCampaign(f)
    const at = url(campaignId, f.orgs.branch1)
    const announce = await f.call('POST', `${at}/announce`, { token: secretary })
    expect(announce.status).toBe(409)
    expect(announce.body.error).toMatchObject({
      code: 'invalidTransition',
      details: { from: 'draft', to: 'announced' },
    })
    const submit = await f.call('POST', `${at}/submit`, { token: secretary })
    expect(submit.body.error.details).toMatchObject({ from: 'draft', to: 'submitted' })
    await f.call('PUT', at, { token: secretary, body: { answers: completeAnswers() } })
    await f.call('POST', `${at}/approve`, { token: secretary, body: { approvedOn: '2025-03-18' } })
    const reapprove = await f.call('POST', `${at}/approve`, {
      token: secretary,
      body: { approvedOn: '2025-03-19' },
    })
    expect(reapprove.body.error.details).toMatchObject({ from: 'approved', to: 'approved' })
    const early = await f.call('POST', `${at}/submit`, { token: secretary })
    expect(early.body.error.details).toMatchObject({ from: 'approved', to: 'submitted' })
    const edit = await f.call('PUT', at, { token: secretary, body: { answers: {} } })
    expect(edit.status).toBe(409)
    expect(edit.body.error).toMatchObject({
      code: 'invalidTransition',
      details: { from: 'approved' },
    })
  })

  it('refuses to submit while the campaign is not open, storing nothing', async () => {
    const campaignId = await selfCheckCampaign(f)
    await announced(campaignId)
    await f.database.db
      .update(schema.campaigns)
      .set({ status: 'closed' })
      .where(eq(schema.campaigns.id, campaignId))
    const refused = await f.call('POST', url(campaignId, f.orgs.branch1, 'submit'), {
      token: secretary,
    })
    expect(refused.status).toBe(409)
    expect(refused.body.error.code).toBe('campaignNotOpen')
    expect(await responsesOf(campaignId)).toEqual([])
    const still = await f.call('GET', url(campaignId, f.orgs.branch1), { token: secretary })
    expect(still.body.status).toBe('announced')
  })

  it('describes every self-check route in OpenAPI with English and zh-CN summaries', async () => {
    const spec = (await f.call('GET', '/api/openapi.json')).body
    const base = '/api/campaigns/{id}/self-checks/{unitId}'
    const routes = [
      [base, 'get'],
      [base, 'put'],
      [`${base}/approve`, 'post'],
      [`${base}/announce`, 'post'],
      [`${base}/submit`, 'post'],
      ['/api/campaigns/{id}/rectifications', 'get'],
      ['/api/rectifications/{id}', 'patch'],
    ] as const
    for (const [path, method] of routes) {
      expect(spec.paths[path]?.[method]?.summary, `${method} ${path}`).toMatch(
        /[A-Za-z].*·.*\p{Script=Han}/u,
      )
    }
  })
})
