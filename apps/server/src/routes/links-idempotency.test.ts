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

/**
 * An `Idempotency-Key` is bound to the request it was first used with (IETF Idempotency-Key
 * draft): the same request again is answered with the stored result; another body, another
 * respondent or another token under the same key answers 422 `idempotencyKeyReused`, stores
 * nothing and tells nothing of the stored response.
 */
describe.each(await testStores())('Idempotency-Key bound to its request on %s', (kind) => {
  let f: Fixture
  let versions: { members: number; superior: number }
  const satisfied = completeAnswers(templates.satisfaction, 'satisfied')
  const dissatisfied = completeAnswers(templates.satisfaction, 'dissatisfied')
  const submit = (slug: string, body: unknown, key: string, session?: string) =>
    f.call('POST', `/api/links/${slug}/responses`, {
      body,
      token: session,
      headers: { 'idempotency-key': key },
    })
  const rowsOf = (campaignId: number) =>
    f.database.db.select().from(schema.responses).where(eq(schema.responses.campaignId, campaignId))
  const anonymousCampaign = () =>
    openCampaign(
      f,
      campaignBody(f, versions, {
        showScore: true,
        sources: [{ key: 'members', formVersion: versions.members, weight: 1, anonymous: true }],
      }),
    )
  const issue = async (c: { id: number; admin: string }, count: number) => {
    const { body } = await f.call('POST', `/api/campaigns/${c.id}/tokens`, {
      token: c.admin,
      body: { unitId: f.orgs.branch1, source: 'members', count },
    })
    return body.tokens as string[]
  }
  /** A refusal that carries nothing of the stored response. */
  const expectReused = (answer: { status: number; body: any }) => {
    expect(answer.status).toBe(422)
    expect(answer.body.error.code).toBe('idempotencyKeyReused')
    expect(answer.body.id).toBeUndefined()
    expect(answer.body.score).toBeUndefined()
  }

  beforeAll(async () => {
    f = await createFixture(kind)
    versions = {
      members: await publishTemplate(f, 'satisfaction'),
      superior: await publishTemplate(f, 'scorecard'),
    }
  })
  afterAll(() => f.close())

  it('replays the same request, and refuses the key with another body: 422, nothing stored', async () => {
    const campaign = await openCampaign(f, campaignBody(f, versions, { showScore: true }))
    const slug = campaign.slug(f.orgs.branch1, 'members')
    const first = await submit(slug, { answers: satisfied }, 'k-body')
    expect(first.status).toBe(201)
    // The same answers with their keys in another order are the same request.
    const reordered = Object.fromEntries(Object.entries(satisfied).reverse())
    const replay = await submit(slug, { answers: reordered }, 'k-body')
    expect(replay.status).toBe(200)
    expect(replay.headers.get('idempotent-replayed')).toBe('true')
    expect(replay.body).toEqual(first.body)
    expectReused(await submit(slug, { answers: dissatisfied }, 'k-body'))
    const rows = await rowsOf(campaign.id)
    expect(rows).toHaveLength(1)
    expect(rows[0]?.answers).toEqual(satisfied)
  })

  it('refuses the key of a token’s response with an invalid or another token, and keeps that token unused', async () => {
    const campaign = await anonymousCampaign()
    const slug = campaign.slug(f.orgs.branch1, 'members')
    const [mine, other] = await issue(campaign, 2)
    const first = await submit(slug, { answers: satisfied, token: mine }, 'k-token')
    expect(first.status).toBe(201)
    expect(first.body.score).toBeDefined()
    for (const token of ['AAAA-BBBB-CCCC-DDDD', other]) {
      const answer = await submit(slug, { answers: satisfied, token }, 'k-token')
      expect(answer.body.id).toBeUndefined()
      expect(answer.body.score).toBeUndefined()
      expect(answer.status).toBeGreaterThanOrEqual(400)
    }
    expectReused(await submit(slug, { answers: satisfied, token: other }, 'k-token'))
    // Nothing happened to the other token: it still answers once, under a key of its own.
    expect((await submit(slug, { answers: dissatisfied, token: other }, 'k-other')).status).toBe(
      201,
    )
    const replay = await submit(slug, { answers: satisfied, token: mine }, 'k-token')
    expect(replay.status).toBe(200)
    expect(replay.body.id).toBe(first.body.id)
    expect(await rowsOf(campaign.id)).toHaveLength(2)
  })

  it('refuses the key of a signed-in assessor’s response to another signed-in user', async () => {
    const campaign = await openCampaign(f, campaignBody(f, versions, { showScore: true }))
    const slug = campaign.slug(f.orgs.branch1, 'superior')
    const scorecard = completeAnswers(templates.scorecard)
    const assessor = await f.login('assessor')
    const first = await submit(slug, { answers: scorecard }, 'k-user', assessor)
    expect(first.status).toBe(201)
    expectReused(await submit(slug, { answers: scorecard }, 'k-user', await f.login('admin')))
    expect((await submit(slug, { answers: scorecard }, 'k-user', assessor)).status).toBe(200)
    const rows = await rowsOf(campaign.id)
    expect(rows.map((r) => r.respondentId)).toEqual([f.users.assessor.id])
  })

  it('refuses another body under the key once the campaign closed too', async () => {
    const campaign = await openCampaign(f, campaignBody(f, versions))
    const slug = campaign.slug(f.orgs.branch1, 'members')
    expect((await submit(slug, { answers: satisfied }, 'k-closed')).status).toBe(201)
    await f.call('POST', `/api/campaigns/${campaign.id}/close`, { token: campaign.admin })
    expectReused(await submit(slug, { answers: dissatisfied }, 'k-closed'))
    expect((await submit(slug, { answers: satisfied }, 'k-closed')).status).toBe(200)
  })

  it('refuses another body sent while the first with the key is still being written', async () => {
    const campaign = await openCampaign(f, campaignBody(f, versions, { showScore: true }))
    const slug = campaign.slug(f.orgs.branch1, 'members')
    const [a, b, c] = await Promise.all([
      submit(slug, { answers: satisfied }, 'k-race'),
      submit(slug, { answers: dissatisfied }, 'k-race'),
      submit(slug, { answers: satisfied }, 'k-race'),
    ])
    expect(a?.status).toBe(201)
    expectReused(b as { status: number; body: any })
    expect(c?.status).toBe(200)
    expect(c?.body.id).toBe(a?.body.id)
    expect(await rowsOf(campaign.id)).toHaveLength(1)
  })
})
