import { testStores } from '@yardstick/db/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createFixture, type Fixture } from '../../test/harness'
import { percentStats } from './percent-stats'
import {
  type DimensionScenario,
  sdkDimensionPercents,
  seedDimensionScenario,
} from './test-dimension-scenario'

type Percents = Record<string, Record<string, number | null>>
type Body = {
  total: number
  sources: Array<{
    key: string
    dimensions: Array<{ name: string; title: { 'zh-CN': string; en: string }; units: number }>
  }>
  units: Array<{ unitId: number; name: string; percents: Percents }>
}

describe.each(await testStores())('GET /api/campaigns/:id/results/dimensions on %s', (kind) => {
  let f: Fixture
  let scenario: DimensionScenario
  let sdk: Map<number, Percents>
  const get = async (query = '', who: keyof Fixture['users'] = 'admin') =>
    f.call('GET', `/api/campaigns/${scenario.campaign.id}/results/dimensions${query}`, {
      token: await f.login(who),
    })
  // The SDK's figures for some units: per dimension, the statistics over those units.
  const sdkStats = (unitIds: readonly number[], source: string, dimension: string) =>
    percentStats(
      unitIds.flatMap((id) => {
        const percent = sdk.get(id)?.[source]?.[dimension]
        return typeof percent === 'number' ? [percent] : []
      }),
    )

  beforeAll(async () => {
    f = await createFixture(kind)
    scenario = await seedDimensionScenario(f)
    sdk = sdkDimensionPercents(scenario.campaign, scenario.responses)
  })
  afterAll(() => f.close())

  it('gives each unit’s dimension percents equal to the SDK’s per-response dimension scores summed', async () => {
    const { status, body } = (await get()) as { status: number; body: Body }
    expect(status).toBe(200)
    expect(body.total).toBe(5)
    for (const unit of body.units) expect(unit.percents).toEqual(sdk.get(unit.unitId) ?? {})
    // The SDK gives branch3 no scorecard: absent, not 0.
    expect(body.units.find((u) => u.unitId === f.orgs.branch3)?.percents.superior).toBeUndefined()
  })

  it('lists the sources with dimensions, titled from their forms, in the forms’ order', async () => {
    const { body } = (await get()) as { body: Body }
    expect(body.sources.map((s) => s.key)).toEqual(['self', 'superior'])
    const [self, superior] = body.sources
    expect(self?.dimensions.map((d) => d.title['zh-CN'])).toEqual([
      '政治功能强',
      '支部班子强',
      '党员队伍强',
      '作用发挥强',
    ])
    expect(self?.dimensions[0]?.title.en).toBe('Strong political function')
    expect(superior?.dimensions.map((d) => d.title['zh-CN'])).toEqual([
      '基本组织',
      '基本队伍',
      '基本活动',
      '基本制度',
      '基本保障',
      '特色指标',
    ])
  })

  it('gives per dimension the median, min, max and mean over the units in scope', async () => {
    const { body } = (await get()) as { body: Body }
    const all = body.units.map((u) => u.unitId)
    for (const source of body.sources) {
      for (const { name, title: _title, ...stats } of source.dimensions) {
        expect(stats).toEqual(sdkStats(all, source.key, name))
      }
    }
    expect(body.sources[1]?.dimensions[0]?.units).toBe(4)
  })

  it('narrows units and statistics to a subtree and to a branch type', async () => {
    const sub = (await get(`?subtree=${f.orgs.otherSub}`)) as { body: Body }
    const ids = [f.orgs.branch3, scenario.branch4]
    expect(sub.body.units.map((u) => u.unitId).sort()).toEqual([...ids].sort())
    const dimension = sub.body.sources[0]?.dimensions[0]
    expect(dimension).toMatchObject(sdkStats(ids, 'self', 'politicalFunction'))
    const schools = (await get('?unitType=school')) as { body: Body }
    // branch3 is a school too, with no scorecard: the superior figures are branch5's alone.
    const schoolIds = [f.orgs.branch3, scenario.branch5]
    expect(schools.body.units.map((u) => u.unitId).sort()).toEqual([...schoolIds].sort())
    expect(schools.body.sources[1]?.dimensions[1]).toMatchObject({
      ...sdkStats(schoolIds, 'superior', 'basicTeam'),
      units: 1,
    })
  })

  it('pages the units while the statistics cover them all', async () => {
    const { body } = (await get('?limit=2&offset=1')) as { body: Body }
    expect(body.total).toBe(5)
    expect(body.units).toHaveLength(2)
    expect(body.sources[0]?.dimensions[0]?.units).toBe(5)
  })

  it('lists a secretary only their own branch, beside the whole campaign’s statistics', async () => {
    const { status, body } = (await get('', 'secretary')) as { status: number; body: Body }
    expect(status).toBe(200)
    expect(body.units.map((u) => u.unitId)).toEqual([f.orgs.branch1])
    expect(body.units[0]?.percents).toEqual(sdk.get(f.orgs.branch1))
    // Statistics without names, as the grade distribution: never their own branch as a median.
    const all = [f.orgs.branch1, f.orgs.branch2, f.orgs.branch3, scenario.branch4, scenario.branch5]
    const { name: _n, title: _t, ...stats } = body.sources[0]?.dimensions[0] ?? {}
    expect(stats).toEqual(sdkStats(all, 'self', 'politicalFunction'))
    expect(stats).toMatchObject({ units: 5 })
  })

  it('compares a branch on its page with the units under its parent, for its secretary as for the office above', async () => {
    type Detail = { dimensions: Array<{ source: string; name: string; subtree: unknown }> }
    const subtreeOf = async (who: keyof Fixture['users']) => {
      const token = await f.login(who)
      const url = `/api/campaigns/${scenario.campaign.id}/results/units/${f.orgs.branch1}`
      const detail = await f.call('GET', url, { token })
      expect(detail.status, who).toBe(200)
      return (detail.body as Detail).dimensions.find(
        (d) => d.source === 'self' && d.name === 'politicalFunction',
      )?.subtree
    }
    // 第一分工委: branch1, branch2 and branch5.
    const underSub = [f.orgs.branch1, f.orgs.branch2, scenario.branch5]
    const expected = sdkStats(underSub, 'self', 'politicalFunction')
    expect(expected.units).toBe(3)
    expect(await subtreeOf('assessor')).toEqual(expected)
    expect(await subtreeOf('secretary')).toEqual(expected)
  })

  it('refuses an outsider (403), an unknown campaign (404) and a bad page (400)', async () => {
    expect((await get('', 'outsider')).status).toBe(403)
    const token = await f.login('admin')
    const missing = await f.call('GET', '/api/campaigns/999999/results/dimensions', { token })
    expect(missing.status).toBe(404)
    expect((await get('?limit=0')).status).toBe(400)
  })

  it('states the rule of a dimension percent in OpenAPI', async () => {
    const spec = (await f.call('GET', '/api/openapi.json')).body
    const operation = spec.paths['/api/campaigns/{id}/results/dimensions'].get
    expect(operation.description).toContain(
      'Σ of its responses’ dimension `score` / Σ of their dimension `maxScore` × 100',
    )
    const exports = spec.paths['/api/campaigns/{id}/dimensions.csv'].get
    expect(exports.description).toContain('Σ of its responses’ dimension `score`')
  })

  it('puts the unit’s dimension percents beside its subtree’s median on the unit detail', async () => {
    const token = await f.login('admin')
    const { status, body } = await f.call(
      'GET',
      `/api/campaigns/${scenario.campaign.id}/results/units/${f.orgs.branch2}`,
      { token },
    )
    expect(status).toBe(200)
    // branch2's parent is the first sub-committee: branch1, branch2 and branch5.
    const subtree = [f.orgs.branch1, f.orgs.branch2, scenario.branch5]
    const own = sdk.get(f.orgs.branch2) ?? {}
    type Row = { source: string; name: string; percent: number | null; subtree: object }
    const rows = body.dimensions as Row[]
    expect(rows).toHaveLength(10)
    for (const row of rows) {
      expect(row.percent).toBe(own[row.source]?.[row.name] ?? null)
      expect(row.subtree).toEqual(sdkStats(subtree, row.source, row.name))
    }
  })
})
