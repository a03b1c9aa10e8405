import { schema } from '@yardstick/db'
import { testStores } from '@yardstick/db/testing'
import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createFixture, type Fixture } from '../../test/harness'
import { seedSmallScenario } from '../results/test-scenario'

type Row = { unitId: number; grade: string | null; rank: number | null; [key: string]: unknown }

describe.each(await testStores())('GET /api/campaigns/:id/results on %s', (kind) => {
  let f: Fixture
  let url: string
  let branch4: number
  let formVersionIds: Record<string, number>
  let admin: string
  const get = async (path: string, who: keyof Fixture['users'] | string = admin) => {
    const token = who in (f?.users ?? {}) ? await f.login(who as keyof Fixture['users']) : who
    return f.call('GET', path, { token })
  }
  const byId = (units: Row[]) => Object.fromEntries(units.map((u) => [u.unitId, u]))

  beforeAll(async () => {
    f = await createFixture(kind)
    const scenario = await seedSmallScenario(f)
    branch4 = scenario.branch4
    formVersionIds = scenario.campaign.formVersionIds
    url = `/api/campaigns/${scenario.campaign.id}/results`
    admin = await f.login('admin')
  })
  afterAll(() => f.close())

  it('grades every unit for an admin, with the distribution and participation of all of them', async () => {
    const { status, body } = await get(url)
    expect(status).toBe(200)
    const { branch1, branch2, branch3 } = f.orgs
    // Tied ranks fall back to name in pinyin order: 第四 (sì) before 第一 (yī).
    expect(body.units.map((u: Row) => [u.unitId, u.grade, u.rank])).toEqual([
      [branch4, 'lagging', 1],
      [branch1, 'advanced', 1],
      [branch2, 'standard', 2],
      [branch3, null, null],
    ])
    expect(byId(body.units)[branch2]).toEqual({
      unitId: branch2,
      name: '第二党支部',
      unitType: 'enterprise',
      parentId: f.orgs.sub,
      sources: {
        self: { value: 60, n: 1 },
        members: { value: 75, n: 4 },
        superior: { value: 100, n: 1 },
      },
      composite: 84.5,
      grade: 'standard',
      stars: 3,
      rank: 2,
      demoted: false,
      vetoed: false,
      incomplete: null,
      instruments: (['self', 'members', 'superior'] as const).map((source) => ({
        source,
        formVersion: formVersionIds[source],
        title: `${source} form`,
      })),
    })
    expect(byId(body.units)[branch4]).toMatchObject({ composite: 100, vetoed: true, stars: 1 })
    expect(byId(body.units)[branch3]?.incomplete).toMatchObject({
      reason: 'belowMinResponses',
      source: 'members',
      message: { 'zh-CN': expect.stringContaining('2 份') },
    })
    expect(body.distribution).toEqual([
      { grade: 'advanced', count: 1, share: 1 / 3 },
      { grade: 'standard', count: 1, share: 1 / 3 },
      { grade: 'lagging', count: 1, share: 1 / 3 },
    ])
    expect(body.participation).toEqual({
      units: 4,
      graded: 3,
      incomplete: 1,
      bySource: {
        self: { responses: 4, unitsWithResponses: 4 },
        members: { responses: 12, unitsWithResponses: 4 },
        superior: { responses: 4, unitsWithResponses: 4 },
      },
    })
    expect(body).toMatchObject({ total: 4, limit: 100, offset: 0 })
  })

  it('lists only a sub-committee’s units when filtered by subtree, without regrading them', async () => {
    const all = byId((await get(url)).body.units)
    const { body } = await get(`${url}?subtree=${f.orgs.sub}`)
    expect(body.units.map((u: Row) => u.unitId)).toEqual([f.orgs.branch1, f.orgs.branch2])
    for (const unit of body.units) expect(unit).toEqual(all[unit.unitId])
    expect(body.distribution.map((d: { count: number }) => d.count)).toEqual([1, 1, 0])
    expect(body.participation).toMatchObject({ units: 2, graded: 2, incomplete: 0 })
  })

  it('lists only one branch type when filtered by unitType, ranks still from the whole campaign', async () => {
    const { body } = await get(`${url}?unitType=organ`)
    expect(body.units.map((u: Row) => [u.unitId, u.rank])).toEqual([
      [branch4, 1],
      [f.orgs.branch1, 1],
    ])
    expect(body.distribution).toEqual([
      { grade: 'advanced', count: 1, share: 0.5 },
      { grade: 'standard', count: 0, share: 0 },
      { grade: 'lagging', count: 1, share: 0.5 },
    ])
    const both = await get(`${url}?unitType=organ&subtree=${f.orgs.otherSub}`)
    expect(both.body.units.map((u: Row) => u.unitId)).toEqual([branch4])
  })

  it('pages and sorts the units by rank, composite or name, counting the total', async () => {
    const { branch1, branch2, branch3 } = f.orgs
    const page = await get(`${url}?limit=2&offset=1`)
    expect(page.body.units.map((u: Row) => u.unitId)).toEqual([branch1, branch2])
    expect(page.body).toMatchObject({ total: 4, limit: 2, offset: 1 })
    const byName = await get(`${url}?sort=name`)
    // Pinyin order: 第二, 第三, 第四, 第一 (er, san, si, yi).
    expect(byName.body.units.map((u: Row) => u.unitId)).toEqual([
      branch2,
      branch3,
      branch4,
      branch1,
    ])
    const byComposite = await get(`${url}?sort=composite&limit=3`)
    expect(byComposite.body.units.map((u: Row) => u.unitId)).toEqual([branch4, branch1, branch2])
  })

  it('shows an assessor only the units of their subtree', async () => {
    const { status, body } = await get(url, 'assessor')
    expect(status).toBe(200)
    expect(body.units.map((u: Row) => u.unitId)).toEqual([f.orgs.branch1, f.orgs.branch2])
    expect(body.participation.units).toBe(2)
  })

  it('shows a secretary only their own branch, with the distribution of the whole campaign', async () => {
    const { status, body } = await get(url, 'secretary')
    expect(status).toBe(200)
    expect(body.units.map((u: Row) => u.unitId)).toEqual([f.orgs.branch1])
    expect(body.total).toBe(1)
    expect(body.distribution.map((d: { count: number }) => d.count)).toEqual([1, 1, 1])
    expect(body.participation.units).toBe(4)
  })

  it('says who may export the raw responses: office roles yes, a secretary only no', async () => {
    for (const who of ['admin', 'editor', 'assessor'] as const) {
      expect((await get(url, who)).body.canExportResponses, who).toBe(true)
    }
    expect((await get(url, 'secretary')).body.canExportResponses).toBe(false)
  })

  it('names an ungraded unit’s missing source by its label, never its key', async () => {
    const { body } = await get(url)
    const note = byId(body.units)[f.orgs.branch3]?.incomplete as { message: Record<string, string> }
    expect(note.message['zh-CN']).toContain('党员群众测评')
    expect(note.message.en).toContain('Member and public survey')
    expect(JSON.stringify(note.message)).not.toContain('members')
  })

  it('does not let a secretary narrow the distribution down to another branch', async () => {
    const { body } = await get(`${url}?subtree=${f.orgs.branch2}`, 'secretary')
    expect(body.units).toEqual([])
    expect(body.distribution.map((d: { count: number }) => d.count)).toEqual([1, 1, 1])
  })

  it('lets an editor reaching the office read every unit', async () => {
    const { status, body } = await get(url, 'editor')
    expect(status).toBe(200)
    expect(body.total).toBe(4)
  })

  it('refuses a reviewer and an outsider with 403, and a missing token with 401', async () => {
    for (const who of ['reviewer', 'outsider'] as const) {
      const { status, body } = await get(url, who)
      expect(status).toBe(403)
      expect(body.error.code).toBe('forbidden')
    }
    expect((await f.call('GET', url)).status).toBe(401)
  })

  it('answers 404 for an unknown campaign, a non-numeric id and an unknown subtree', async () => {
    for (const path of [
      '/api/campaigns/999999/results',
      '/api/campaigns/abc/results',
      `${url}?subtree=999999`,
    ]) {
      const { status, body } = await get(path)
      expect(status, path).toBe(404)
      expect(body.error.code).toBe('notFound')
    }
  })

  it('answers 400 invalidBody for an unknown unit type, sort or an out-of-range limit', async () => {
    for (const query of ['unitType=castle', 'sort=random', 'limit=0', 'limit=10001', 'offset=-1']) {
      const { status, body } = await get(`${url}?${query}`)
      expect(status, query).toBe(400)
      expect(body.error.code).toBe('invalidBody')
    }
  })

  it('answers 409 when the stored bands cannot grade, saying why', async () => {
    const id = Number(url.split('/')[3])
    const { db } = f.database
    const [before] = await db.select().from(schema.campaigns).where(eq(schema.campaigns.id, id))
    await db.update(schema.campaigns).set({ bands: [] }).where(eq(schema.campaigns.id, id))
    try {
      const { status, body } = await get(url)
      expect(status).toBe(409)
      expect(body.error).toMatchObject({ code: 'conflict', details: { code: 'emptyBands' } })
    } finally {
      await db
        .update(schema.campaigns)
        .set({ bands: before?.bands })
        .where(eq(schema.campaigns.id, id))
    }
  })

  it('is described in OpenAPI, saying grades are over the whole campaign', async () => {
    const spec = (await f.call('GET', '/api/openapi.json')).body
    const operation = spec.paths['/api/campaigns/{id}/results'].get
    expect(operation.description).toContain('whole campaign')
    expect(operation.parameters.map((p: { name: string }) => p.name)).toEqual(
      expect.arrayContaining(['id', 'subtree', 'unitType', 'limit', 'offset', 'sort']),
    )
    expect(spec.paths['/api/campaigns/{id}/results/questions'].get).toBeDefined()
  })
})
