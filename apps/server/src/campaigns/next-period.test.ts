import { schema } from '@yardstick/db'
import { testStores } from '@yardstick/db/testing'
import { asc, eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createFixture, type Fixture } from '../../test/harness'
import { signInAs } from '../forms/test-helpers'
import { seedCampaign } from '../results/test-campaign'
import { MEMBERS_FORM, TEST_BANDS } from '../results/test-forms'
import { seedSmallScenario } from '../results/test-scenario'

describe.each(await testStores())('POST /api/campaigns/:id/next-period on %s', (kind) => {
  let f: Fixture
  let campaignId: number
  let unitIds: number[]
  const post = async (id: number, body: unknown, who: keyof Fixture['users'] = 'editor') =>
    f.call('POST', `/api/campaigns/${id}/next-period`, { token: await f.login(who), body })
  const count = async () => {
    const { db } = f.database
    return {
      campaigns: (await db.select().from(schema.campaigns)).length,
      links: (await db.select().from(schema.links)).length,
      audit: (await db.select().from(schema.auditLog)).length,
    }
  }

  beforeAll(async () => {
    f = await createFixture(kind)
    const scenario = await seedSmallScenario(f)
    campaignId = scenario.campaign.id
    const { db } = f.database
    await db
      .update(schema.campaigns)
      .set({
        quota: { grade: 'advanced', maxShare: 0.5 },
        allowedOrigins: ['https://portal.example.cn'],
        showScore: true,
        timeLimitMinutes: 45,
      })
      .where(eq(schema.campaigns.id, campaignId))
    // A per-type instrument: schools answer the self-check on their own version.
    await db.insert(schema.campaignSourceForms).values({
      campaignId,
      sourceKey: 'self',
      unitType: 'school',
      formVersionId: scenario.campaign.formVersionIds.members as number,
    })
    unitIds = (
      await db
        .select({ id: schema.campaignUnits.unitId })
        .from(schema.campaignUnits)
        .where(eq(schema.campaignUnits.campaignId, campaignId))
        .orderBy(asc(schema.campaignUnits.unitId))
    ).map((row) => row.id)
  })
  afterAll(() => f.close())

  it('refuses bad input, outsiders and an unknown campaign, and changes nothing', async () => {
    const before = await count()
    const cases: Array<[number, unknown, keyof Fixture['users'], number, string]> = [
      [campaignId, { name: '' }, 'editor', 400, 'invalidBody'],
      [campaignId, { opensAt: 'tomorrow' }, 'editor', 400, 'invalidBody'],
      [campaignId, { cadence: 'monthly' }, 'editor', 400, 'invalidBody'],
      [
        campaignId,
        { opensAt: '2026-12-31T00:00:00+08:00', closesAt: '2026-01-01T00:00:00+08:00' },
        'editor',
        400,
        'invalidBody',
      ],
      [campaignId, {}, 'assessor', 403, 'forbidden'],
      [campaignId, {}, 'secretary', 403, 'forbidden'],
      [999_999, {}, 'editor', 404, 'notFound'],
    ]
    for (const [id, body, who, status, code] of cases) {
      const answer = await post(id, body, who)
      expect(answer.status, JSON.stringify(body)).toBe(status)
      expect(answer.body.error.code).toBe(code)
    }
    expect(await count()).toEqual(before)
  })

  it('creates a draft following the campaign with its settings, sources, per-type forms and units', async () => {
    const { status, body } = await post(campaignId, {})
    expect(status).toBe(201)
    const { db } = f.database
    const [created] = await db
      .select()
      .from(schema.campaigns)
      .where(eq(schema.campaigns.id, body.id))
    const [old] = await db
      .select()
      .from(schema.campaigns)
      .where(eq(schema.campaigns.id, campaignId))
    expect(created).toMatchObject({
      previousCampaignId: campaignId,
      status: 'draft',
      orgId: old?.orgId,
      cadence: 'yearly',
      bands: old?.bands,
      quota: { grade: 'advanced', maxShare: 0.5 },
      allowedOrigins: ['https://portal.example.cn'],
      showScore: true,
      timeLimitMinutes: 45,
      // The default: the same window a year on, and the year in the name moved on.
      name: '2026年度综合评定',
    })
    expect(created?.opensAt.toISOString()).toBe('2026-01-01T00:00:00.000Z')
    expect(created?.closesAt.toISOString()).toBe('2026-12-31T00:00:00.000Z')
    const sourcesOf = async (id: number) =>
      (
        await db
          .select()
          .from(schema.campaignSources)
          .where(eq(schema.campaignSources.campaignId, id))
          .orderBy(asc(schema.campaignSources.key))
      ).map(({ campaignId: _id, ...source }) => source)
    expect(await sourcesOf(body.id)).toEqual(await sourcesOf(campaignId))
    const perType = await db
      .select()
      .from(schema.campaignSourceForms)
      .where(eq(schema.campaignSourceForms.campaignId, body.id))
    expect(perType).toHaveLength(1)
    expect(perType[0]).toMatchObject({ sourceKey: 'self', unitType: 'school' })
    const units = await db
      .select({ id: schema.campaignUnits.unitId })
      .from(schema.campaignUnits)
      .where(eq(schema.campaignUnits.campaignId, body.id))
      .orderBy(asc(schema.campaignUnits.unitId))
    expect(units.map((u) => u.id)).toEqual(unitIds)
    const links = await db.select().from(schema.links).where(eq(schema.links.campaignId, body.id))
    expect(links).toHaveLength(unitIds.length * 3)
    const [entry] = await db
      .select()
      .from(schema.auditLog)
      .where(eq(schema.auditLog.action, 'campaign.nextPeriod'))
    expect(entry).toMatchObject({ entity: 'campaign', entityId: String(body.id) })
    expect(entry?.after).toMatchObject({ previousCampaignId: campaignId, units: unitIds.length })
  })

  it('refuses a second follower with 409 nextPeriodExists, naming the first, and changes nothing', async () => {
    const before = await count()
    const [follower] = await f.database.db
      .select({ id: schema.campaigns.id })
      .from(schema.campaigns)
      .where(eq(schema.campaigns.previousCampaignId, campaignId))
    const { status, body } = await post(campaignId, { name: '又一期' }, 'admin')
    expect(status).toBe(409)
    expect(body.error).toMatchObject({
      code: 'nextPeriodExists',
      details: { nextCampaignId: follower?.id },
    })
    expect(await count()).toEqual(before)
  })

  it('takes the name and window given, and the follower can have its own next period', async () => {
    const [follower] = await f.database.db
      .select({ id: schema.campaigns.id })
      .from(schema.campaigns)
      .where(eq(schema.campaigns.previousCampaignId, campaignId))
    const body = {
      name: '2027年度考核',
      opensAt: '2027-02-01T00:00:00+08:00',
      closesAt: '2027-11-30T00:00:00+08:00',
    }
    const answer = await post(follower?.id as number, body)
    expect(answer.status).toBe(201)
    const [third] = await f.database.db
      .select()
      .from(schema.campaigns)
      .where(eq(schema.campaigns.id, answer.body.id))
    expect(third).toMatchObject({ name: '2027年度考核', previousCampaignId: follower?.id })
    expect(third?.opensAt.toISOString()).toBe('2027-01-31T16:00:00.000Z')
  })

  it('is described in OpenAPI', async () => {
    const spec = (await f.call('GET', '/api/openapi.json')).body
    const operation = spec.paths['/api/campaigns/{id}/next-period'].post
    expect(operation.operationId).toBe('startNextPeriod')
    expect(operation.description).toContain('nextPeriodExists')
  })

  it('refuses with 403 naming the units moved out of the caller’s subtree, and creates nothing', async () => {
    // A sub-committee's own campaign; then 第二党支部 moves to the other sub-committee.
    const mine = await seedCampaign(f.database.db, {
      orgId: f.orgs.sub,
      unitIds: [f.orgs.branch1, f.orgs.branch2],
      sources: [{ key: 'members', weight: 1, form: MEMBERS_FORM }],
      bands: TEST_BANDS,
      name: '第一分工委2025年度',
    })
    const subEditor = await signInAs(f, 'sub-editor', [{ role: 'editor', orgId: f.orgs.sub }])
    const moved = await f.call('POST', `/api/orgs/${f.orgs.branch2}/move`, {
      token: await f.login('admin'),
      body: { parentId: f.orgs.otherSub },
    })
    expect(moved.status, JSON.stringify(moved.body)).toBe(200)
    const before = await count()
    const { status, body } = await f.call('POST', `/api/campaigns/${mine.id}/next-period`, {
      token: subEditor,
      body: {},
    })
    expect(status).toBe(403)
    expect(body.error).toMatchObject({
      code: 'forbidden',
      details: { units: [{ id: f.orgs.branch2, name: '第二党支部' }] },
    })
    expect(await count()).toEqual(before)
  })
})
