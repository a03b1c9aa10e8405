import { schema } from '@yardstick/db'
import { testStores } from '@yardstick/db/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createFixture, type Fixture } from '../../test/harness'
import { SELF_CHECK_ITEMS, selfCheckCampaign } from './test-campaign'

// Issue 16, item 11: reading a self-check writes nothing; the first save creates its row.
describe.each(await testStores())('a self-check is created on write only, on %s', (kind) => {
  let f: Fixture
  let tokens: Record<'secretary' | 'assessor' | 'editor' | 'admin', string>
  const url = (campaignId: number, step = '') =>
    `/api/campaigns/${campaignId}/self-checks/${f.orgs.branch1}${step ? `/${step}` : ''}`
  const rows = async () => (await f.database.db.select().from(schema.selfChecks)).length

  beforeAll(async () => {
    f = await createFixture(kind)
    const who = ['secretary', 'assessor', 'editor', 'admin'] as const
    tokens = Object.fromEntries(
      await Promise.all(who.map(async (w) => [w, await f.login(w)])),
    ) as typeof tokens
  })
  afterAll(() => f.close())

  it('answers a GET with the empty draft and leaves the row count as it was', async () => {
    const campaignId = await selfCheckCampaign(f)
    const before = await rows()
    for (const token of Object.values(tokens)) {
      const read = await f.call('GET', url(campaignId), { token })
      expect(read.status).toBe(200)
      expect(read.body).toMatchObject({
        id: null,
        status: 'draft',
        answers: {},
        updatedAt: null,
        campaignId,
        unitId: f.orgs.branch1,
      })
      expect(read.body.pending).toEqual(SELF_CHECK_ITEMS)
    }
    expect(await rows()).toBe(before)
  })

  it('refused steps on a self-check never saved leave no row', async () => {
    const campaignId = await selfCheckCampaign(f)
    const before = await rows()
    const approve = await f.call('POST', url(campaignId, 'approve'), {
      token: tokens.secretary,
      body: { approvedOn: '2025-03-18' },
    })
    expect(approve.status).toBe(422)
    const announce = await f.call('POST', url(campaignId, 'announce'), { token: tokens.secretary })
    expect(announce.status).toBe(409)
    const submit = await f.call('POST', url(campaignId, 'submit'), { token: tokens.secretary })
    expect(submit.status).toBe(409)
    const invalid = await f.call('PUT', url(campaignId), {
      token: tokens.secretary,
      body: { answers: { theoryStudy: 'maybe' } },
    })
    expect(invalid.status).toBe(422)
    const reader = await f.call('PUT', url(campaignId), {
      token: tokens.assessor,
      body: { answers: {} },
    })
    expect(reader.status).toBe(403)
    expect(await rows()).toBe(before)
  })

  it('creates the row on the first save, and reads show it from then on', async () => {
    const campaignId = await selfCheckCampaign(f)
    const before = await rows()
    const saved = await f.call('PUT', url(campaignId), {
      token: tokens.secretary,
      body: { answers: { theoryStudy: 'yes' } },
    })
    expect(saved.status).toBe(200)
    expect(saved.body.id).toEqual(expect.any(Number))
    expect(await rows()).toBe(before + 1)
    const read = await f.call('GET', url(campaignId), { token: tokens.assessor })
    expect(read.body).toMatchObject({ id: saved.body.id, answers: { theoryStudy: 'yes' } })
    expect(read.body.updatedAt).toEqual(expect.any(String))
    const again = await f.call('PUT', url(campaignId), {
      token: tokens.secretary,
      body: { answers: { theoryStudy: 'no' } },
    })
    expect(again.body.id).toBe(saved.body.id)
    expect(await rows()).toBe(before + 1)
  })

  it('begins once for a writer, changes nothing after, and refuses a reader without writing', async () => {
    const campaignId = await selfCheckCampaign(f)
    const before = await rows()
    const refused = await f.call('POST', url(campaignId, 'begin'), { token: tokens.assessor })
    expect(refused.status).toBe(403)
    expect(await rows()).toBe(before)
    const begun = await f.call('POST', url(campaignId, 'begin'), { token: tokens.secretary })
    expect(begun.status).toBe(200)
    expect(begun.body).toMatchObject({ id: expect.any(Number), status: 'draft', answers: {} })
    await f.call('PUT', url(campaignId), {
      token: tokens.secretary,
      body: { answers: { theoryStudy: 'yes' } },
    })
    const again = await f.call('POST', url(campaignId, 'begin'), { token: tokens.admin })
    expect(again.body).toMatchObject({ id: begun.body.id, answers: { theoryStudy: 'yes' } })
    expect(await rows()).toBe(before + 1)
  })
})
