import { UNIT_TYPES, type UnitType } from '@yardstick/db'
import { testStores } from '@yardstick/db/testing'
import {
  type Answers,
  evaluate,
  type FormJson,
  reasonKey,
  type ScoreResult,
  scorecardForm,
  scoreResponse,
  type UnitEvaluation,
} from '@yardstick/sdk'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createFixture, type Fixture } from '../../test/harness'
import { campaignBody, openCampaign, publishFormJson } from '../campaigns/test-fixture'
import { insertOrg } from '../orgs/org-tree'
import { generator } from './test-random'

const SEED = 20251207
const UNITS_PER_TYPE = 3

/**
 * Test data only: a scorecard of its own for each branch type (分类制定), none alike: the number
 * of dimensions, indicators and points differ, so raw scores do not compare and only percents do.
 */
function typeScorecard(unitType: UnitType | 'default', i: number): FormJson {
  const dimensions = Array.from({ length: 1 + (i % 3) }, (_, d) => ({
    name: `${unitType}Dim${d}`,
    title: { default: `${unitType} 维度${d}`, en: `${unitType} dimension ${d}` },
    ...(d === 0 ? { weight: 2 + i } : {}),
    indicators: Array.from({ length: 1 + ((i + d) % 4) }, (_, k) => ({
      name: `${unitType}Dim${d}Item${k}`,
      title: `${unitType} 指标${d}-${k}`,
      points: 5 * (1 + ((i + k) % 5)),
    })),
  }))
  return scorecardForm({
    title: { default: `${unitType}党支部考评表`, en: `${unitType} scorecard` },
    dimensions,
    bonus: { cap: 2 + (i % 4) },
    veto: { title: '是否发生严重违纪问题' },
  })
}

/** Random answers to a scorecard: points per indicator (better units score higher), bonus, a rare veto. */
function scorecardAnswers(form: FormJson, random: ReturnType<typeof generator>, quality: number) {
  const answers: Answers = {}
  for (const page of form.pages ?? []) {
    for (const element of page.elements ?? []) {
      const max = Number(element.maxScore ?? 0)
      if (element.scoreKind === 'bonus') answers[element.name] = random.int(0, max)
      else if (element.type === 'radiogroup') {
        const veto = random.next() < 0.05
        answers[element.name] = veto ? 'yes' : 'no'
        if (veto) answers[reasonKey(element.name)] = '发生严重违纪问题'
      } else answers[element.name] = Math.round(max * Math.min(1, quality + random.next() * 0.3))
    }
  }
  return answers
}

describe.each(await testStores())(
  'units on eight instruments grade and rank together on %s',
  (kind) => {
    let f: Fixture
    let campaignId: number
    let forms: Map<number, FormJson>
    let typeOf: Map<number, UnitType | null>
    let expected: Map<number, UnitEvaluation>
    let admin: string

    beforeAll(async () => {
      f = await createFixture(kind)
      const { db } = f.database
      const random = generator(SEED)
      // One scorecard per branch type and a default for branches without a type.
      const versions = new Map<UnitType | 'default', { id: number; form: FormJson }>()
      for (const [i, unitType] of ['default' as const, ...UNIT_TYPES].entries()) {
        const form = typeScorecard(unitType, i)
        const title = `${unitType}党支部考评表`
        versions.set(unitType, { id: await publishFormJson(f, form, { title, hash: title }), form })
      }
      typeOf = new Map()
      const unitIds: number[] = []
      for (const unitType of [...UNIT_TYPES, null]) {
        for (let n = 0; n < (unitType === null ? 1 : UNITS_PER_TYPE); n++) {
          const name = `${unitType ?? '未分类'}支部${n}`
          const org = await insertOrg(db, { parentId: f.orgs.sub, kind: 'branch', name, unitType })
          typeOf.set(org.id, unitType)
          unitIds.push(org.id)
        }
      }
      const body = campaignBody(f, { members: versions.get('default')?.id as number })
      const superior = {
        key: 'superior',
        formVersion: versions.get('default')?.id,
        formsByUnitType: Object.fromEntries(UNIT_TYPES.map((t) => [t, versions.get(t)?.id])),
        weight: 5,
      }
      const campaign = await openCampaign(f, {
        ...body,
        units: { ids: unitIds },
        sources: [superior],
        quota: { grade: '先进', maxShare: 0.2 },
      })
      campaignId = campaign.id
      forms = new Map([...versions.values()].map(({ id, form }) => [id, form]))

      // Each unit's assessors score it on its type's scorecard, through the links.
      const assessor = await f.login('assessor')
      const scored = new Map<number, ScoreResult[]>()
      let keys = 0
      for (const unitId of unitIds) {
        const unitType = typeOf.get(unitId) ?? null
        const form = versions.get(unitType ?? 'default')?.form as FormJson
        const quality = random.next()
        const list: ScoreResult[] = []
        for (let i = random.int(0, 2); i > 0; i--) {
          const answers = scorecardAnswers(form, random, quality)
          const { status, body: stored } = await f.call(
            'POST',
            `/api/links/${campaign.slug(unitId, 'superior')}/responses`,
            { body: { answers }, token: assessor, headers: { 'idempotency-key': `k${++keys}` } },
          )
          if (status !== 201) throw new Error(`submit: ${status} ${JSON.stringify(stored)}`)
          list.push(scoreResponse(form, answers))
        }
        scored.set(unitId, list)
      }
      const units = unitIds.map((id) => ({
        unitId: String(id),
        sources: { superior: scored.get(id) ?? [] },
      }))
      const policy = {
        sources: [{ key: 'superior', weight: 5, required: false }],
        bands: body.bands,
        quota: { grade: '先进', maxShare: 0.2 },
      }
      expected = new Map(evaluate(policy, units).map((r) => [Number(r.unitId), r]))
      admin = await f.login('admin')
    })
    afterAll(() => f.close())

    it('spreads the units over every grade, with the quota and a veto at work', () => {
      const results = [...expected.values()]
      expect(new Set(results.map((r) => r.grade))).toEqual(new Set([null, '先进', '达标', '后进']))
      expect(results.some((r) => r.vetoed)).toBe(true)
    })

    it('grades and ranks every unit exactly as evaluate over scoreResponse on its own scorecard', async () => {
      const url = `/api/campaigns/${campaignId}/results?limit=10000`
      const { status, body } = await f.call('GET', url, { token: admin })
      expect(status).toBe(200)
      expect(body.units).toHaveLength(expected.size)
      for (const unit of body.units) {
        const reference = expected.get(unit.unitId) as UnitEvaluation
        expect({
          sources: unit.sources,
          composite: unit.composite,
          grade: unit.grade,
          stars: unit.stars,
          rank: unit.rank,
          demoted: unit.demoted,
          vetoed: unit.vetoed,
        }).toEqual({
          sources: reference.sources,
          composite: reference.composite,
          grade: reference.grade,
          stars: reference.stars,
          rank: reference.rank,
          demoted: reference.demoted,
          vetoed: reference.vetoed,
        })
      }
    })

    it('says which instrument each unit used: its type’s, or the default without a type', async () => {
      const { body } = await f.call('GET', `/api/campaigns/${campaignId}/results?limit=10000`, {
        token: admin,
      })
      const used = new Set<number>()
      for (const unit of body.units) {
        const [instrument] = unit.instruments
        const unitType = typeOf.get(unit.unitId) ?? null
        expect(instrument.source).toBe('superior')
        expect(instrument.title).toBe(`${unitType ?? 'default'}党支部考评表`)
        expect(forms.has(instrument.formVersion)).toBe(true)
        used.add(instrument.formVersion)
      }
      expect(used.size).toBe(UNIT_TYPES.length + 1)
    })
  },
)
