import { schema, type UnitType } from '@yardstick/db'
import { testStores } from '@yardstick/db/testing'
import { evaluate, type SourceResponse, type UnitEvaluation, type UnitInput } from '@yardstick/sdk'
import { asc, eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createFixture, type Fixture } from '../../test/harness'
import { insertOrg } from '../orgs/org-tree'
import {
  insertResponses,
  seedCampaign,
  type TestCampaign,
  type TestResponse,
} from './test-campaign'
import { MEMBER_ASPECTS, MEMBERS_FORM, SELF_FORM, SUPERIOR_FORM, TEST_BANDS } from './test-forms'
import { generator } from './test-random'

const SEED = 20250601
const UNIT_COUNT = 64
const UNIT_TYPES: UnitType[] = ['organ', 'enterprise', 'school']

type Random = ReturnType<typeof generator>

function unitResponses(random: Random, unitId: number): TestResponse[] {
  const quality = random.next()
  const responses: TestResponse[] = []
  if (random.next() > 0.08) {
    const answers = Object.fromEntries(
      ['study', 'meetings', 'dues', 'records'].map((name) => [
        name,
        random.ranked(['yes', 'partly', 'no'], quality),
      ]),
    )
    responses.push({ unitId, source: 'self', answers })
  }
  // 0–12 members: the minimum is 5, so about a third fall below it.
  for (let i = random.int(0, 12); i > 0; i--) {
    const answers: Record<string, string> = {}
    for (const name of MEMBER_ASPECTS) {
      if (random.next() < 0.1) continue
      answers[name] = random.ranked(['satisfied', 'basic', 'dissatisfied'], quality)
    }
    responses.push({ unitId, source: 'members', answers })
  }
  for (let i = random.int(0, 4); i > 0; i--) {
    const points = () => random.ranked([10, 8, 7, 5, 3, 0], quality)
    const veto = random.next() < 0.06 ? 'yes' : 'no'
    responses.push({
      unitId,
      source: 'superior',
      answers: { organisation: points(), team: points(), activity: points(), veto },
    })
  }
  return responses
}

describe.each(await testStores())('results equal the SDK’s evaluate on %s', (kind) => {
  let f: Fixture
  let campaign: TestCampaign
  let unitIds: number[]
  let expected: Map<number, UnitEvaluation>
  let token: string

  beforeAll(async () => {
    f = await createFixture(kind)
    const { db } = f.database
    const random = generator(SEED)
    unitIds = []
    for (let i = 0; i < UNIT_COUNT; i++) {
      const parentId = i % 2 === 0 ? f.orgs.sub : f.orgs.otherSub
      const unitType = random.pick(UNIT_TYPES)
      const org = await insertOrg(db, { parentId, kind: 'branch', name: `支部${i}`, unitType })
      unitIds.push(org.id)
    }
    campaign = await seedCampaign(db, {
      orgId: f.orgs.committee,
      unitIds,
      sources: [
        { key: 'self', weight: 2, required: true, form: SELF_FORM },
        {
          key: 'members',
          weight: 3,
          minResponses: 5,
          measure: 'satisfactionRate',
          form: MEMBERS_FORM,
        },
        { key: 'superior', weight: 5, form: SUPERIOR_FORM },
      ],
      bands: TEST_BANDS,
      quota: { grade: 'advanced', maxShare: 0.15 },
    })
    // A quarter of the units copy another unit's responses exactly: equal composites, ties.
    const profiles: TestResponse[][] = []
    const all: TestResponse[] = []
    for (const unitId of unitIds) {
      const copied = profiles.length > 0 && random.next() < 0.25
      const responses = copied
        ? random.pick(profiles).map((r) => ({ ...r, unitId }))
        : unitResponses(random, unitId)
      if (!copied) profiles.push(responses)
      all.push(...responses)
    }
    // Interleave the units, so a unit's responses are not stored next to each other.
    for (let i = all.length - 1; i > 0; i--) {
      const j = random.int(0, i)
      ;[all[i], all[j]] = [all[j] as TestResponse, all[i] as TestResponse]
    }
    await insertResponses(db, campaign, all)

    // The reference: the SDK's evaluate over the stored rows, loaded here in id order.
    const rows = await db
      .select()
      .from(schema.responses)
      .where(eq(schema.responses.campaignId, campaign.id))
      .orderBy(asc(schema.responses.id))
    const inputs = new Map<number, Record<string, SourceResponse[]>>(unitIds.map((id) => [id, {}]))
    for (const row of rows) {
      const sources = inputs.get(row.unitId) as Record<string, SourceResponse[]>
      sources[row.sourceKey] ??= []
      const list = sources[row.sourceKey] as SourceResponse[]
      const satisfaction = { satisfied: row.satisfied, answered: row.answered, rate: 0, index: 0 }
      list.push({ percent: row.percent, veto: row.veto, satisfaction })
    }
    const units: UnitInput[] = [...inputs].map(([id, sources]) => ({ unitId: String(id), sources }))
    expected = new Map(evaluate(campaign.policy, units).map((r) => [Number(r.unitId), r]))
    token = await f.login('admin')
  })
  afterAll(() => f.close())

  const view = (evaluation: UnitEvaluation) => {
    const { unitId, sources, composite, grade, stars, rank, demoted, vetoed } = evaluation
    return {
      unitId: Number(unitId),
      sources,
      composite,
      grade,
      stars,
      rank,
      demoted,
      vetoed,
      incomplete: evaluation.incomplete ?? null,
    }
  }

  it('generates a campaign that exercises ties, vetoes, the quota and every incomplete reason', () => {
    const results = [...expected.values()]
    const ranks = results.flatMap((r) => (r.rank === null ? [] : [r.rank]))
    expect(new Set(ranks).size).toBeLessThan(ranks.length)
    expect(results.some((r) => r.vetoed && r.grade === 'lagging')).toBe(true)
    expect(results.some((r) => r.demoted)).toBe(true)
    const reasons = new Set(results.map((r) => r.incomplete?.reason))
    expect(reasons).toEqual(new Set([undefined, 'missingSource', 'belowMinResponses']))
    expect(new Set(results.map((r) => r.grade))).toEqual(
      new Set([null, 'advanced', 'standard', 'lagging']),
    )
  })

  it('gives every unit exactly the values, composite, grade, stars and rank of evaluate', async () => {
    const url = `/api/campaigns/${campaign.id}/results?limit=10000`
    const { status, body } = await f.call('GET', url, { token })
    expect(status).toBe(200)
    expect(body.units).toHaveLength(UNIT_COUNT)
    for (const unit of body.units) {
      const {
        name: _name,
        unitType: _type,
        parentId: _parent,
        instruments: _used,
        ...graded
      } = unit
      expect(graded).toEqual(view(expected.get(unit.unitId) as UnitEvaluation))
    }
    const counts = body.distribution.map((d: { grade: string; count: number }) => [
      d.grade,
      d.count,
    ])
    const grades = [...expected.values()].map((r) => r.grade)
    expect(counts).toEqual(
      TEST_BANDS.map((b) => [b.grade, grades.filter((g) => g === b.grade).length]),
    )
  })

  it('keeps each unit’s evaluate grade and rank when a filter lists only some units', async () => {
    const url = `/api/campaigns/${campaign.id}/results?limit=10000&subtree=${f.orgs.otherSub}&unitType=school`
    const { body } = await f.call('GET', url, { token })
    expect(body.units.length).toBeGreaterThan(0)
    expect(body.units.length).toBeLessThan(UNIT_COUNT / 2)
    for (const unit of body.units) {
      expect(unit.unitType).toBe('school')
      expect(unit.parentId).toBe(f.orgs.otherSub)
      expect([unit.grade, unit.rank]).toEqual([
        expected.get(unit.unitId)?.grade,
        expected.get(unit.unitId)?.rank,
      ])
    }
  })
})
