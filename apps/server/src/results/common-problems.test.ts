import { testStores } from '@yardstick/db/testing'
import { templates } from '@yardstick/sdk'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createFixture, type Fixture } from '../../test/harness'
import { completeAnswers } from '../campaigns/test-fixture'
import { insertResponses } from './test-campaign'
import {
  DIMENSION_SCORECARD,
  type DimensionScenario,
  sdkCommonProblems,
  seedDimensionScenario,
} from './test-dimension-scenario'

type Question = {
  name: string
  title: { 'zh-CN': string; en: string }
  dimension: { name: string; title: { 'zh-CN': string } } | null
  measure: string
  units: number
  share: number
}
type Body = { source: string; unitsWithResponses: number; questions: Question[] }

describe.each(await testStores())(
  'GET /api/campaigns/:id/results/common-problems on %s',
  (kind) => {
    let f: Fixture
    let scenario: DimensionScenario
    const get = async (query: string, who: keyof Fixture['users'] = 'admin') =>
      f.call('GET', `/api/campaigns/${scenario.campaign.id}/results/common-problems?${query}`, {
        token: await f.login(who),
      })
    // Per question, how many of the given units the SDK finds it went wrong for.
    const sdkCounts = (source: 'self' | 'superior', unitIds: readonly number[]) => {
      const form = source === 'self' ? templates.selfCheck : DIMENSION_SCORECARD
      const responses = scenario.responses.filter(
        (r) => r.source === source && unitIds.includes(r.unitId),
      )
      const wrong = sdkCommonProblems(form, responses)
      return Object.fromEntries([...wrong].map(([name, units]) => [name, units.size]))
    }
    const counted = (body: Body) =>
      Object.fromEntries(body.questions.filter((q) => q.units > 0).map((q) => [q.name, q.units]))

    beforeAll(async () => {
      f = await createFixture(kind)
      scenario = await seedDimensionScenario(f)
    })
    afterAll(() => f.close())

    const allUnits = () => [
      f.orgs.branch1,
      f.orgs.branch2,
      f.orgs.branch3,
      scenario.branch4,
      scenario.branch5,
    ]

    it('counts per self-check item the units that answered 否, as the SDK counts them, worst first', async () => {
      const { status, body } = (await get('source=self')) as { status: number; body: Body }
      expect(status).toBe(200)
      expect(body.unitsWithResponses).toBe(5)
      expect(counted(body)).toEqual(sdkCounts('self', allUnits()))
      expect(Object.keys(counted(body)).length).toBeGreaterThan(3)
      // All 17 items, each a 否 item, worst first, with its share of the units.
      expect(body.questions).toHaveLength(17)
      const units = body.questions.map((q) => q.units)
      expect(units).toEqual([...units].sort((a, b) => b - a))
      for (const q of body.questions) {
        expect(q.measure).toBe('problem')
        expect(q.share).toBe(q.units / 5)
      }
      const dues = body.questions.find((q) => q.name === 'partyDues')
      expect(dues?.dimension).toMatchObject({
        name: 'memberTeam',
        title: { 'zh-CN': '党员队伍强' },
      })
    })

    it('counts per scorecard indicator the units that lost points or had points deducted, as the SDK counts them', async () => {
      const { body } = (await get('source=superior')) as { body: Body }
      // branch3 has no scorecard.
      expect(body.unitsWithResponses).toBe(4)
      expect(counted(body)).toEqual(sdkCounts('superior', allUnits()))
      const measures = Object.fromEntries(body.questions.map((q) => [q.name, q.measure]))
      expect(measures).toMatchObject({
        venue: 'lostPoints',
        meetingQuality: 'lostPoints',
        outreach: 'lostPoints',
        extraFunding: 'lostPoints',
        lateReport: 'deducted',
        deduction: 'deducted',
      })
      // Bonus points and the veto item are never a lost point.
      expect(measures.innovationBonus).toBeUndefined()
      expect(measures.veto).toBeUndefined()
      expect(body.questions.find((q) => q.name === 'venue')?.dimension?.name).toBe('basicSupport')
    })

    it('narrows the count to a subtree and a branch type', async () => {
      const sub = (await get(`source=self&subtree=${f.orgs.otherSub}`)) as { body: Body }
      expect(sub.body.unitsWithResponses).toBe(2)
      expect(counted(sub.body)).toEqual(sdkCounts('self', [f.orgs.branch3, scenario.branch4]))
      const organ = (await get('source=superior&unitType=organ')) as { body: Body }
      expect(counted(organ.body)).toEqual(sdkCounts('superior', [f.orgs.branch1, scenario.branch4]))
    })

    it('counts for a secretary only their own branch', async () => {
      const { status, body } = (await get('source=self', 'secretary')) as {
        status: number
        body: Body
      }
      expect(status).toBe(200)
      expect(body.unitsWithResponses).toBe(1)
      expect(counted(body)).toEqual(sdkCounts('self', [f.orgs.branch1]))
    })

    it('lists every scored question of a source even when no unit lost points', async () => {
      // branch1's self-check: every item, 否 or not, with its count (0 included).
      const { body } = (await get(`source=self&subtree=${f.orgs.branch1}`)) as { body: Body }
      expect(body.questions).toHaveLength(17)
      expect(body.questions.some((q) => q.units === 0)).toBe(true)
    })

    it('leaves satisfaction ratings to the satisfaction rate: a 不满意 is no 共性问题', async () => {
      await insertResponses(f.database.db, scenario.campaign, [
        {
          unitId: f.orgs.branch2,
          source: 'members',
          answers: completeAnswers(templates.satisfaction, 'dissatisfied'),
        },
      ])
      const { status, body } = (await get('source=members')) as { status: number; body: Body }
      expect(status).toBe(200)
      expect(body.unitsWithResponses).toBe(5)
      expect(body.questions).toEqual([])
    })

    it('refuses bad requests', async () => {
      // A key that is no source key at all is refused; a source the campaign lacks is not found.
      expect((await get('source=no-body')).status).toBe(400)
      expect((await get('source=nobody')).status).toBe(404)
      expect((await get('')).status).toBe(400)
      expect((await get('source=self', 'outsider')).status).toBe(403)
    })
  },
)
