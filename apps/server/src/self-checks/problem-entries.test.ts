import { schema } from '@yardstick/db'
import { testStores } from '@yardstick/db/testing'
import { and, eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createFixture, type Fixture } from '../../test/harness'
import { completeAnswers, selfCheckCampaign } from './test-campaign'

const ENTRY = { description: '学习不够', measure: '每月集中学习', owner: '张书记' }

describe.each(await testStores())('a problem entry’s required items, on %s', (kind) => {
  let f: Fixture
  let secretary: string
  const at = (campaignId: number, step = '') =>
    `/api/campaigns/${campaignId}/self-checks/${f.orgs.branch1}${step ? `/${step}` : ''}`
  const stored = async (campaignId: number) => ({
    responses: await f.database.db
      .select()
      .from(schema.responses)
      .where(eq(schema.responses.campaignId, campaignId)),
    rectifications: await f.database.db
      .select()
      .from(schema.rectifications)
      .where(eq(schema.rectifications.campaignId, campaignId)),
  })
  /** Puts the self-check straight into `status` with `answers`, as one approved before the fix. */
  const force = async (campaignId: number, status: 'approved' | 'announced', answers: unknown) => {
    await f.call('PUT', at(campaignId), { token: secretary, body: { answers: {} } })
    await f.database.db
      .update(schema.selfChecks)
      .set({ status, answers, approvedOn: '2025-03-18' })
      .where(
        and(
          eq(schema.selfChecks.campaignId, campaignId),
          eq(schema.selfChecks.unitId, f.orgs.branch1),
        ),
      )
  }
  const missing = (body: { error: { details: { errors: unknown[] } } }) => body.error.details.errors

  beforeAll(async () => {
    f = await createFixture(kind)
    secretary = await f.login('secretary')
  })
  afterAll(() => f.close())

  it('refuses approval while a "no" lacks its deadline, naming the question and the item', async () => {
    const campaignId = await selfCheckCampaign(f)
    const answers = completeAnswers({ theoryStudy: { ...ENTRY, deadline: '' } })
    const saved = await f.call('PUT', at(campaignId), { token: secretary, body: { answers } })
    expect(saved.status).toBe(200)
    expect(saved.body.pending).toEqual(['theoryStudy_problem'])
    const refused = await f.call('POST', at(campaignId, 'approve'), {
      token: secretary,
      body: { approvedOn: '2025-03-18' },
    })
    expect(refused.status).toBe(422)
    expect(refused.body.error.code).toBe('invalidAnswers')
    expect(missing(refused.body)).toEqual([
      expect.objectContaining({
        question: 'theoryStudy_problem',
        item: 'deadline',
        code: 'required',
      }),
    ])
    expect((await f.call('GET', at(campaignId), { token: secretary })).body.status).toBe('draft')
  })

  it('refuses an owner or measure of only spaces as SurveyJS does', async () => {
    const campaignId = await selfCheckCampaign(f)
    const answers = completeAnswers({
      partyDues: { ...ENTRY, owner: '   ', measure: '', deadline: '2025-06-30' },
    })
    await f.call('PUT', at(campaignId), { token: secretary, body: { answers } })
    const refused = await f.call('POST', at(campaignId, 'approve'), {
      token: secretary,
      body: { approvedOn: '2025-03-18' },
    })
    expect(refused.status).toBe(422)
    expect(missing(refused.body)).toEqual([
      expect.objectContaining({ question: 'partyDues_problem', item: 'measure' }),
      expect.objectContaining({ question: 'partyDues_problem', item: 'owner' }),
    ])
  })

  it('refuses to announce a self-check approved without its deadline, leaving it approved', async () => {
    const campaignId = await selfCheckCampaign(f)
    await force(
      campaignId,
      'approved',
      completeAnswers({ theoryStudy: { ...ENTRY, deadline: '' } }),
    )
    const refused = await f.call('POST', at(campaignId, 'announce'), { token: secretary })
    expect(refused.status).toBe(422)
    expect(missing(refused.body)).toEqual([
      expect.objectContaining({ question: 'theoryStudy_problem', item: 'deadline' }),
    ])
    expect((await f.call('GET', at(campaignId), { token: secretary })).body.status).toBe('approved')
  })

  it('refuses to submit one without an owner, storing no response and no rectification', async () => {
    const campaignId = await selfCheckCampaign(f)
    const { owner: _, ...withoutOwner } = { ...ENTRY, deadline: '2025-06-30' }
    await force(campaignId, 'announced', completeAnswers({ theoryStudy: withoutOwner as never }))
    const refused = await f.call('POST', at(campaignId, 'submit'), { token: secretary })
    expect(refused.status).toBe(422)
    expect(missing(refused.body)).toEqual([
      expect.objectContaining({ question: 'theoryStudy_problem', item: 'owner' }),
    ])
    expect(await stored(campaignId)).toEqual({ responses: [], rectifications: [] })
  })

  it('stores every rectification with its measure, owner and deadline once the entries are complete', async () => {
    const campaignId = await selfCheckCampaign(f)
    const answers = completeAnswers({ theoryStudy: { ...ENTRY, deadline: '2025-06-30' } })
    await f.call('PUT', at(campaignId), { token: secretary, body: { answers } })
    for (const [step, body] of [
      ['approve', { approvedOn: '2025-03-18' }],
      ['announce', undefined],
      ['submit', undefined],
    ] as const) {
      const done = await f.call('POST', at(campaignId, step), { token: secretary, body })
      expect(done.status, step).toBe(200)
    }
    const { rectifications } = await stored(campaignId)
    expect(rectifications).toMatchObject([
      { question: 'theoryStudy', measure: '每月集中学习', owner: '张书记', deadline: '2025-06-30' },
    ])
  })
})
