import { schema } from '@yardstick/db'
import { testStores } from '@yardstick/db/testing'
import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createFixture, type Fixture } from '../../test/harness'
import { campaignBody, publishTemplate } from '../campaigns/test-fixture'
import { seedCampaign } from '../results/test-campaign'
import { SUPERIOR_FORM, TEST_BANDS } from '../results/test-forms'
import { seedSmallScenario } from '../results/test-scenario'

type Unit = { unitId: number; name: string; unitType: string | null; parentId: number | null }

describe.each(await testStores())('a closed campaign keeps the tree as it was, on %s', (kind) => {
  let f: Fixture
  let admin: string
  let closedId: number
  let openId: number
  beforeAll(async () => {
    f = await createFixture(kind)
    admin = await f.login('admin')
    const scenario = await seedSmallScenario(f)
    closedId = scenario.campaign.id
    const open = await seedCampaign(f.database.db, {
      orgId: f.orgs.committee,
      unitIds: [f.orgs.branch1, f.orgs.branch2, f.orgs.branch3],
      sources: [{ key: 'superior', weight: 1, form: SUPERIOR_FORM }],
      bands: TEST_BANDS,
      name: '仍在进行',
    })
    openId = open.id
  })
  afterAll(() => f.close())

  const results = async (id: number, query = '') => {
    const { status, body } = await f.call('GET', `/api/campaigns/${id}/results?limit=100${query}`, {
      token: admin,
    })
    expect(status).toBe(200)
    return body.units as Unit[]
  }
  const names = (units: Unit[]) => units.map((u) => u.name).sort()

  it('keeps a moved and renamed branch where and as it was in the closed campaign only', async () => {
    const closed = await f.call('POST', `/api/campaigns/${closedId}/close`, { token: admin })
    expect(closed.status).toBe(200)
    const snapshot = await f.database.db
      .select()
      .from(schema.campaignUnits)
      .where(eq(schema.campaignUnits.campaignId, closedId))
    expect(snapshot.find((u) => u.unitId === f.orgs.branch2)).toMatchObject({
      pathAtClose: `/${f.orgs.committee}/${f.orgs.sub}/${f.orgs.branch2}/`,
      nameAtClose: '第二党支部',
      unitTypeAtClose: 'enterprise',
    })
    const bySub = await results(closedId, `&subtree=${f.orgs.sub}`)
    const byOther = await results(closedId, `&subtree=${f.orgs.otherSub}`)

    const moved = await f.call('POST', `/api/orgs/${f.orgs.branch2}/move`, {
      token: admin,
      body: { parentId: f.orgs.otherSub },
    })
    expect(moved.status).toBe(200)
    const renamed = await f.call('PATCH', `/api/orgs/${f.orgs.branch2}`, {
      token: admin,
      body: { name: '第二党支部（调整后）', unitType: 'research' },
    })
    expect(renamed.status).toBe(200)

    // The closed campaign: same subtree answers, same names, same types and parents.
    expect(await results(closedId, `&subtree=${f.orgs.sub}`)).toEqual(bySub)
    expect(await results(closedId, `&subtree=${f.orgs.otherSub}`)).toEqual(byOther)
    expect(names(bySub)).toEqual(['第一党支部', '第二党支部'])
    expect((await results(closedId)).find((u) => u.unitId === f.orgs.branch2)).toMatchObject({
      name: '第二党支部',
      unitType: 'enterprise',
      parentId: f.orgs.sub,
    })
    expect(await results(closedId, '&unitType=research')).toEqual([])
    // The open campaign follows the live tree.
    expect(names(await results(openId, `&subtree=${f.orgs.sub}`))).toEqual(['第一党支部'])
    expect(names(await results(openId, `&subtree=${f.orgs.otherSub}`))).toEqual([
      '第三党支部',
      '第二党支部（调整后）',
    ])
    expect((await results(openId)).find((u) => u.unitId === f.orgs.branch2)).toMatchObject({
      unitType: 'research',
      parentId: f.orgs.otherSub,
    })
  })

  it('keeps the closed tree in participation, and follows the live tree once reopened', async () => {
    const participation = await f.call(
      'GET',
      `/api/campaigns/${closedId}/participation?limit=100&subtree=${f.orgs.sub}`,
      { token: admin },
    )
    expect(participation.status).toBe(200)
    const unit = participation.body.items.find(
      (u: { unitId: number }) => u.unitId === f.orgs.branch2,
    )
    expect(unit).toMatchObject({ name: '第二党支部', parentName: '第一分工委' })

    const reopened = await f.call('POST', `/api/campaigns/${closedId}/open`, { token: admin })
    expect(reopened.status).toBe(200)
    expect(names(await results(closedId, `&subtree=${f.orgs.sub}`))).toEqual(['第一党支部'])
    const rows = await f.database.db
      .select({ path: schema.campaignUnits.pathAtClose })
      .from(schema.campaignUnits)
      .where(eq(schema.campaignUnits.campaignId, closedId))
    expect(rows.every((row) => row.path === null)).toBe(true)
  })

  it('offers no retired branch to a new campaign: skipped in a subtree, refused by id', async () => {
    const versions = {
      members: await publishTemplate(f, 'satisfaction'),
      superior: await publishTemplate(f, 'scorecard'),
    }
    const retired = await f.call('POST', `/api/orgs/${f.orgs.branch1}/retire`, { token: admin })
    expect(retired.status).toBe(200)
    const bySubtree = await f.call('POST', '/api/campaigns', {
      token: admin,
      body: campaignBody(f, versions, { units: { subtree: f.orgs.committee } }),
    })
    expect(bySubtree.status).toBe(201)
    const units = await f.database.db
      .select({ unitId: schema.campaignUnits.unitId })
      .from(schema.campaignUnits)
      .where(eq(schema.campaignUnits.campaignId, bySubtree.body.id))
    expect(units.map((u) => u.unitId)).not.toContain(f.orgs.branch1)
    expect(units.length).toBeGreaterThan(0)
    const before = await f.database.db.select().from(schema.campaigns)
    const byId = await f.call('POST', '/api/campaigns', {
      token: admin,
      body: campaignBody(f, versions, { units: { ids: [f.orgs.branch1, f.orgs.branch3] } }),
    })
    expect(byId.status).toBe(400)
    expect(byId.body.error.details).toMatchObject({ retired: [f.orgs.branch1] })
    expect(await f.database.db.select().from(schema.campaigns)).toHaveLength(before.length)
    // The closed campaign that holds it still lists it.
    expect((await results(closedId)).map((u) => u.unitId)).toContain(f.orgs.branch1)
  })
})
