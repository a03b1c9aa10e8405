import { testStores } from '@yardstick/db/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { csvRows } from '../../test/export-files'
import { createFixture, type Fixture } from '../../test/harness'
import { insertResponses, type TestCampaign, type TestResponse } from './test-campaign'
import { memberAnswers, selfAnswers, superiorAnswers } from './test-forms'
import { seedSmallScenario } from './test-scenario'

type Row = { composite: number | null; grade: string | null; stars: number | null } | null

/**
 * Three yearly periods of the small scenario's four branches (2025 as `seedSmallScenario`):
 * - 2026: branch1 60/75/100 → 84.5 standard (降级); branch2 all 100 → advanced (晋级);
 *   branch3 100/100/80 → 90 advanced (was incomplete: no change); branch4 vetoed again (持平);
 * - 2027: branch1 advanced (晋级), branch2 84.5 standard (降级), branch3 has no response
 *   (incomplete), branch4 without veto → advanced (晋级, +4 stars).
 */
describe.each(await testStores())('a series of periods on %s', (kind) => {
  let f: Fixture
  let first: TestCampaign
  const ids: number[] = []
  let branch4: number
  const get = async (path: string, who: keyof Fixture['users'] = 'admin') =>
    f.call('GET', path, { token: await f.login(who) })

  const full = (unitId: number, veto = false): TestResponse[] => [
    { unitId, source: 'self', answers: selfAnswers() },
    ...[1, 2, 3].map(
      (): TestResponse => ({ unitId, source: 'members', answers: memberAnswers('satisfied') }),
    ),
    { unitId, source: 'superior', answers: superiorAnswers(10, veto) },
  ]
  const middling = (unitId: number): TestResponse[] => [
    { unitId, source: 'self', answers: selfAnswers('yes', 'yes', 'partly', 'no') },
    ...(['satisfied', 'satisfied', 'basic', 'dissatisfied'] as const).map(
      (choice): TestResponse => ({ unitId, source: 'members', answers: memberAnswers(choice) }),
    ),
    { unitId, source: 'superior', answers: superiorAnswers(10) },
  ]

  async function nextPeriod(previous: number): Promise<TestCampaign> {
    const token = await f.login('editor')
    const { status, body } = await f.call('POST', `/api/campaigns/${previous}/next-period`, {
      token,
      body: {},
    })
    expect(status).toBe(201)
    // The follower answers on the same form versions: responses go in as for the first.
    return { ...first, id: body.id }
  }

  beforeAll(async () => {
    f = await createFixture(kind)
    const scenario = await seedSmallScenario(f)
    first = scenario.campaign
    branch4 = scenario.branch4
    const { branch1, branch2, branch3 } = f.orgs
    const second = await nextPeriod(first.id)
    await insertResponses(f.database.db, second, [
      ...middling(branch1),
      ...full(branch2),
      { unitId: branch3, source: 'self', answers: selfAnswers() },
      ...[1, 2, 3].map(
        (): TestResponse => ({
          unitId: branch3,
          source: 'members',
          answers: memberAnswers('satisfied'),
        }),
      ),
      { unitId: branch3, source: 'superior', answers: superiorAnswers(8) },
      ...full(branch4, true),
    ])
    const third = await nextPeriod(second.id)
    await insertResponses(f.database.db, third, [
      ...full(branch1),
      ...middling(branch2),
      ...full(branch4),
    ])
    ids.push(first.id, second.id, third.id)
  })
  afterAll(() => f.close())

  it('lists the periods oldest first, and each unit’s row per period equals its campaign graded alone', async () => {
    const { status, body } = await get(`/api/campaigns/${ids[2]}/results/series`)
    expect(status).toBe(200)
    expect(body.periods.map((p: { campaignId: number }) => p.campaignId)).toEqual(ids)
    expect(body.periods.map((p: { name: string }) => p.name)).toEqual([
      '2025年度综合评定',
      '2026年度综合评定',
      '2027年度综合评定',
    ])
    expect(body.total).toBe(4)
    for (const [i, id] of ids.entries()) {
      const alone = await get(`/api/campaigns/${id}/results?limit=100`)
      for (const unit of body.units) {
        const own = alone.body.units.find((u: { unitId: number }) => u.unitId === unit.unitId)
        const { composite, grade, stars, rank, vetoed } = own
        expect(unit.rows[i], `${unit.name} in ${id}`).toEqual({
          composite,
          grade,
          stars,
          rank,
          vetoed,
        })
      }
    }
  })

  it('says 晋级, 降级 and 持平 by band order, with the stars difference, against the period before', async () => {
    const changeOf = async (campaign: number) => {
      const { body } = await get(`/api/campaigns/${campaign}/results/series`)
      return Object.fromEntries(
        body.units.map((u: { unitId: number; change: unknown }) => [u.unitId, u.change]),
      )
    }
    const { branch1, branch2, branch3 } = f.orgs
    const second = await changeOf(ids[1] as number)
    expect(second[branch1]).toEqual({
      previousGrade: 'advanced',
      previousStars: 5,
      change: 'down',
      starsDelta: -2,
    })
    expect(second[branch2]).toMatchObject({
      previousGrade: 'standard',
      change: 'up',
      starsDelta: 2,
    })
    expect(second[branch3]).toEqual({
      previousGrade: null,
      previousStars: null,
      change: null,
      starsDelta: null,
    })
    expect(second[branch4]).toMatchObject({
      previousGrade: 'lagging',
      change: 'same',
      starsDelta: 0,
    })
    const third = await changeOf(ids[2] as number)
    expect(third[branch1]).toMatchObject({ previousGrade: 'standard', change: 'up' })
    expect(third[branch2]).toMatchObject({ previousGrade: 'advanced', change: 'down' })
    expect(third[branch3]).toMatchObject({ previousGrade: 'advanced', change: null })
    expect(third[branch4]).toMatchObject({ previousGrade: 'lagging', change: 'up', starsDelta: 4 })
    // The first period follows none: no change at all.
    const firstChanges = await changeOf(ids[0] as number)
    expect(Object.values(firstChanges)).toEqual([null, null, null, null])
  })

  it('keeps the results access rules and filters: an assessor sees their subtree, a secretary their branch', async () => {
    const url = `/api/campaigns/${ids[2]}/results/series`
    const assessor = await get(url, 'assessor')
    expect(assessor.body.units.map((u: { unitId: number }) => u.unitId).sort()).toEqual(
      [f.orgs.branch1, f.orgs.branch2].sort(),
    )
    const secretary = await get(url, 'secretary')
    expect(secretary.body.units.map((u: { unitId: number }) => u.unitId)).toEqual([f.orgs.branch1])
    const filtered = await get(`${url}?subtree=${f.orgs.otherSub}&unitType=school`)
    expect(filtered.body.units.map((u: { unitId: number }) => u.unitId)).toEqual([f.orgs.branch3])
    expect((await get(url, 'outsider')).status).toBe(403)
    expect((await get(`${url}?limit=0`)).status).toBe(400)
    expect((await f.call('GET', url)).status).toBe(401)
  })

  it('gives the unit’s series and change on its detail page', async () => {
    const { body } = await get(`/api/campaigns/${ids[2]}/results/units/${branch4}`)
    expect(body.series.periods).toHaveLength(3)
    expect(body.series.rows.map((row: Row) => row?.grade)).toEqual([
      'lagging',
      'lagging',
      'advanced',
    ])
    expect(body.series.change).toMatchObject({ change: 'up', starsDelta: 4 })
  })

  it('adds the previous grade and the change to the results file', async () => {
    const token = await f.login('admin')
    const response = await f.app.request(`/api/campaigns/${ids[1]}/results.csv`, {
      headers: { authorization: `Bearer ${token}` },
    })
    const lines = await csvRows(response)
    const header = lines[0] ?? []
    const at = (name: string) => header.indexOf(name)
    const byName = new Map(lines.slice(1).map((cells) => [cells[0], cells]))
    const pick = (name: string) => {
      const cells = byName.get(name) ?? []
      return [cells[at('上期等次')], cells[at('等次变化')]]
    }
    expect(pick('第一党支部')).toEqual(['先进', '降级'])
    expect(pick('第二党支部')).toEqual(['达标', '晋级'])
    expect(pick('第三党支部')).toEqual(['', ''])
    expect(pick('第四党支部')).toEqual(['后进', '持平'])
  })
})
