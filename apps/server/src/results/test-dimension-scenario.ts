import {
  type Answers,
  compileForm,
  type FormJson,
  scoreResponse,
  templates,
  visibleAnswers,
} from '@yardstick/sdk'
import type { Fixture } from '../../test/harness'
import { insertOrg } from '../orgs/org-tree'
import {
  insertResponses,
  seedCampaign,
  type TestCampaign,
  type TestResponse,
} from './test-campaign'
import { memberAnswers, TEST_BANDS } from './test-forms'

/**
 * Test data only: the SDK's scorecard (五基本 and 特色指标 as number entries, a bonus, a deduction,
 * a veto) with four more kinds of indicator: a scored single choice, a capped checkbox, a number
 * entry a `visibleIf` may hide, and a scored deduction choice.
 */
export const DIMENSION_SCORECARD: FormJson = {
  ...templates.scorecard,
  pages: [
    ...(templates.scorecard.pages ?? []),
    {
      name: 'extra',
      elements: [
        {
          type: 'radiogroup',
          name: 'meetingQuality',
          title: { default: '会议质量', en: 'Meeting quality' },
          dimension: 'basicActivities',
          choices: [
            { value: 'good', score: 4 },
            { value: 'fair', score: 2 },
            { value: 'poor', score: 0 },
          ],
        },
        {
          type: 'checkbox',
          name: 'outreach',
          title: { default: '联系群众方式', en: 'Outreach' },
          dimension: 'featured',
          maxScore: 5,
          choices: [
            { value: 'visits', score: 2 },
            { value: 'hotline', score: 2 },
            { value: 'projects', score: 3 },
          ],
        },
        {
          type: 'text',
          inputType: 'number',
          name: 'extraFunding',
          title: { default: '经费追加', en: 'Extra funding' },
          dimension: 'basicSupport',
          maxScore: 4,
          visibleIf: '{funding} >= 3',
        },
        {
          type: 'radiogroup',
          name: 'lateReport',
          title: { default: '迟报', en: 'Late report' },
          scoreKind: 'deduction',
          choices: [
            { value: 'no', score: 0 },
            { value: 'yes', score: 3 },
          ],
        },
      ],
    },
  ],
}

/** A deterministic generator of numbers in [0, 1) (mulberry32), so runs are repeatable. */
export function random(seed: number): () => number {
  let state = seed
  return () => {
    state = (state + 0x6d2b79f5) | 0
    let t = Math.imul(state ^ (state >>> 15), 1 | state)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** Answers to every question of a form at random, then only the ones a submission keeps. */
export function randomAnswers(form: FormJson, next: () => number): Answers {
  const answers: Answers = {}
  for (const question of compileForm(form).questions) {
    const values = [...question.choices.values()].map((choice) => choice.value)
    if (question.mode === 'number') {
      // Now and then left unanswered (0 points, still visible), else 0 … maxScore.
      if (next() < 0.1 && question.conditions.length === 0) continue
      answers[question.key] = Math.floor(next() * ((question.maxScore ?? 0) + 1))
    } else if (question.mode === 'multiple') {
      answers[question.key] = values.filter(() => next() < 0.5)
    } else if (question.problemOf === undefined && values.length > 0) {
      // Self-check items: 否 about one time in four.
      const no = values.find((value) => value === 'no')
      answers[question.key] =
        no !== undefined && question.choices.get('no')?.problem
          ? next() < 0.25
            ? 'no'
            : 'yes'
          : values[Math.floor(next() * values.length)]
    }
  }
  return visibleAnswers(form, answers)
}

/** The campaign the dimension and 共性问题 tests read, and what was inserted. */
export interface DimensionScenario {
  campaign: TestCampaign
  /** Every response inserted, in insertion (id) order. */
  responses: TestResponse[]
  /** 第四党支部 (organ, under the second sub-committee) and 第五党支部 (school, under the first). */
  branch4: number
  branch5: number
}

/**
 * Test data only: five branches (two more than the harness's three) assessed on the SDK's
 * self-check (四强) and `DIMENSION_SCORECARD` (五基本), with random answers from a fixed seed:
 * one self-check per branch, one to three scorecards per branch (branch3 has none), and a few
 * satisfaction responses (a source without dimensions).
 */
export async function seedDimensionScenario(f: Fixture): Promise<DimensionScenario> {
  const { db } = f.database
  const branch4 = await insertOrg(db, {
    parentId: f.orgs.otherSub,
    kind: 'branch',
    name: '第四党支部',
    unitType: 'organ',
  })
  const branch5 = await insertOrg(db, {
    parentId: f.orgs.sub,
    kind: 'branch',
    name: '第五党支部',
    unitType: 'school',
  })
  const units = [f.orgs.branch1, f.orgs.branch2, f.orgs.branch3, branch4.id, branch5.id]
  const campaign = await seedCampaign(db, {
    orgId: f.orgs.committee,
    unitIds: units,
    sources: [
      { key: 'self', weight: 2, required: true, form: templates.selfCheck },
      { key: 'members', weight: 3, anonymous: true, form: templates.satisfaction },
      { key: 'superior', weight: 5, form: DIMENSION_SCORECARD },
    ],
    bands: TEST_BANDS,
  })
  const next = random(20251207)
  const responses: TestResponse[] = []
  units.forEach((unitId, i) => {
    responses.push({ unitId, source: 'self', answers: randomAnswers(templates.selfCheck, next) })
    responses.push({ unitId, source: 'members', answers: memberAnswers('satisfied') })
    const scorecards = unitId === f.orgs.branch3 ? 0 : 1 + (i % 3)
    for (let n = 0; n < scorecards; n++) {
      responses.push({
        unitId,
        source: 'superior',
        answers: randomAnswers(DIMENSION_SCORECARD, next),
      })
    }
  })
  await insertResponses(db, campaign, responses)
  return { campaign, responses, branch4: branch4.id, branch5: branch5.id }
}

/**
 * The dimension percents the SDK gives, summed per unit: Σ `scoreResponse(…).dimensions[d].score`
 * / Σ `maxScore` × 100 over the unit's responses of each source, in insertion order.
 */
export function sdkDimensionPercents(
  campaign: TestCampaign,
  responses: readonly TestResponse[],
): Map<number, Record<string, Record<string, number | null>>> {
  const sums = new Map<number, Record<string, Record<string, { score: number; max: number }>>>()
  for (const { unitId, source, answers } of responses) {
    const { dimensions } = scoreResponse(campaign.forms[source] as FormJson, answers)
    const unit = sums.get(unitId) ?? {}
    sums.set(unitId, unit)
    for (const [name, part] of Object.entries(dimensions)) {
      const dims = unit[source] ?? {}
      unit[source] = dims
      const sum = dims[name] ?? { score: 0, max: 0 }
      dims[name] = sum
      sum.score += part.score
      sum.max += part.maxScore
    }
  }
  const percents = new Map<number, Record<string, Record<string, number | null>>>()
  for (const [unitId, sources] of sums) {
    percents.set(
      unitId,
      Object.fromEntries(
        Object.entries(sources).map(([source, dims]) => [
          source,
          Object.fromEntries(
            Object.entries(dims).map(([name, { score, max }]) => [
              name,
              max > 0 ? (score / max) * 100 : null,
            ]),
          ),
        ]),
      ),
    )
  }
  return percents
}

/**
 * 共性问题 counted with the SDK, response by response: a question goes wrong for a response when
 * `scoreResponse` lists it as a problem, or — scored alone in a dimension of its own, with a
 * deduction scored as plain points, so the SDK's visibility and points rules decide — when it
 * earned less than its maximum (a deduction: more than 0). Per question, the units it went wrong
 * for at least once.
 */
export function sdkCommonProblems(
  form: FormJson,
  responses: readonly TestResponse[],
): Map<string, Set<number>> {
  const plan = compileForm(form)
  const probe = alone(form)
  const wrong = new Map<string, Set<number>>()
  const add = (name: string, unitId: number) =>
    wrong.set(name, (wrong.get(name) ?? new Set()).add(unitId))
  for (const { unitId, answers } of responses) {
    for (const problem of scoreResponse(form, answers).problems) add(problem.question, unitId)
    const parts = scoreResponse(probe, answers).dimensions
    for (const question of plan.questions) {
      const part = parts[`q:${question.name}`]
      if (!part) continue
      if (question.scoreKind === 'deduction' ? part.score > 0 : part.score < part.maxScore) {
        add(question.name, unitId)
      }
    }
  }
  return wrong
}

// The form with every scored, problem-free, non-bonus question in a dimension of its own.
function alone(form: FormJson): FormJson {
  const plan = compileForm(form)
  const own = new Set(
    plan.questions
      .filter(
        (q) =>
          ['single', 'multiple', 'number'].includes(q.mode) &&
          q.scoreKind !== 'bonus' &&
          !q.hasSatisfaction &&
          ![...q.choices.values()].some((c) => c.problem),
      )
      .map((q) => q.name),
  )
  const json = structuredClone(form)
  const visit = (elements: NonNullable<FormJson['elements']>) => {
    for (const element of elements) {
      if (Array.isArray(element.elements)) visit(element.elements)
      if (typeof element.name === 'string' && own.has(element.name)) {
        element.dimension = `q:${element.name}`
        if (element.scoreKind === 'deduction') element.scoreKind = 'normal'
      }
    }
  }
  for (const page of json.pages ?? []) visit(page.elements ?? [])
  visit(json.elements ?? [])
  return { ...json, dimensions: undefined }
}
