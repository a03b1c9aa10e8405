import { queryRows, type SourceKey, schema } from '@yardstick/db'
import { testStores } from '@yardstick/db/testing'
import {
  type Answers,
  type FormJson,
  fromMicros,
  type ScoreResult,
  scoreResponse,
  templates,
  toMicros,
} from '@yardstick/sdk'
import { eq, inArray, sql } from 'drizzle-orm'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createFixture, type Fixture } from '../../test/harness'
import { commitBatch, type SubmissionItem } from '../submissions/commit-batch'
import { loadSourceTotals } from './aggregates'
import { loadDimensionTotals } from './dimension-sql'
import { recordFormQuestions } from './form-questions'
import { loadAnswerGroups } from './question-sql'
import { countedQuestions } from './question-stats'
import { seedCampaign, type TestCampaign } from './test-campaign'
import { DIMENSION_SCORECARD, random, randomAnswers } from './test-dimension-scenario'
import { TEST_BANDS } from './test-forms'
import { verifyAggregates } from './verify-aggregates'

/** One stored response as the aggregates count it. */
interface Stored {
  unitId: number
  sourceKey: string
  formVersionId: number
  answers: Answers
  score: ScoreResult
}

/** A unit's source totals as the test adds them up from the stored responses. */
interface UnitTotals {
  unitId: number
  sourceKey: string
  n: number
  micros: number
  satisfied: number
  answered: number
  vetoes: number
}

/** What one property run does to the campaign, in order. */
type Step =
  | { kind: 'batch'; items: Array<{ unit: number; source: number; version: number; seed: number }> }
  | { kind: 'concurrent'; sizes: [number, number]; seed: number }
  | { kind: 'replay'; count: number }
  | { kind: 'late'; count: number; seed: number }
  | { kind: 'delete'; count: number }

const SOURCES: Array<{ key: SourceKey; form: FormJson }> = [
  { key: 'self', form: templates.selfCheck },
  { key: 'members', form: templates.satisfaction },
  { key: 'superior', form: DIMENSION_SCORECARD },
]

const stepArb: fc.Arbitrary<Step> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant('batch' as const),
      items: fc.array(
        fc.record({
          unit: fc.nat(4),
          source: fc.nat(2),
          version: fc.nat(1),
          seed: fc.integer(),
        }),
        { minLength: 1, maxLength: 12 },
      ),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('concurrent' as const),
      sizes: fc.tuple(fc.integer({ min: 1, max: 10 }), fc.integer({ min: 1, max: 10 })),
      seed: fc.integer(),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('replay' as const), count: fc.nat(5) }) },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('late' as const),
      count: fc.integer({ min: 1, max: 4 }),
      seed: fc.integer(),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('delete' as const), count: fc.nat(4) }) },
)

describe.each(await testStores())('running aggregates on %s', (kind) => {
  let f: Fixture
  let campaign: TestCampaign
  let units: number[]
  /** Per source, its two form versions: the campaign's, and a later one answered too. */
  const versions: Record<string, [number, number]> = {}
  const submitted: SubmissionItem[] = []
  let keys = 0

  beforeAll(async () => {
    f = await createFixture(kind)
    const { db } = f.database
    units = [f.orgs.branch1, f.orgs.branch2, f.orgs.branch3, f.orgs.sub, f.orgs.otherSub]
    campaign = await seedCampaign(db, {
      orgId: f.orgs.committee,
      unitIds: units,
      sources: SOURCES.map(({ key, form }) => ({ key, weight: 1 / 3, form })),
      bands: TEST_BANDS,
    })
    await db
      .update(schema.campaigns)
      .set({ closesAt: new Date(Date.now() + 86_400_000) })
      .where(eq(schema.campaigns.id, campaign.id))
    // A second version of each form (republished mid-campaign: answers on either count).
    for (const { key, form } of SOURCES) {
      const first = campaign.formVersionIds[key] as number
      const [row] = await db
        .select({ formId: schema.formVersions.formId })
        .from(schema.formVersions)
        .where(eq(schema.formVersions.id, first))
      const [second] = await db
        .insert(schema.formVersions)
        .values({ formId: row?.formId as number, version: 2, json: form, hash: `${key}-2` })
        .returning({ id: schema.formVersions.id })
      await recordFormQuestions(db, second?.id as number, form)
      versions[key] = [first, second?.id as number]
    }
  })
  afterAll(() => f.close())

  const item = (unit: number, source: number, version: number, seed: number): SubmissionItem => {
    const { key, form } = SOURCES[source] as (typeof SOURCES)[number]
    const answers = randomAnswers(form, random(seed))
    return {
      idempotencyKey: `aggregates:${++keys}`,
      campaignId: campaign.id,
      unitId: units[unit] as number,
      sourceKey: key,
      formVersionId: (versions[key] as [number, number])[version] as number,
      answers,
      score: scoreResponse(form, answers),
      respondentId: null,
      tokenHash: null,
      requestHash: `request ${keys}`,
      drawSeed: null,
    }
  }

  const run = async (step: Step) => {
    const { db } = f.database
    switch (step.kind) {
      case 'batch': {
        const items = step.items.map((i) => item(i.unit, i.source, i.version, i.seed))
        const results = await commitBatch(db, items)
        expect(results.every((r) => r.status === 'created')).toBe(true)
        submitted.push(...items)
        return
      }
      case 'concurrent': {
        // Two writers at once (two processes' batches): on PostgreSQL they race for the same
        // aggregate rows; the totals must not depend on who commits first.
        const next = random(step.seed)
        const batches = step.sizes.map((size) =>
          Array.from({ length: size }, () =>
            item(
              Math.floor(next() * units.length),
              Math.floor(next() * SOURCES.length),
              Math.floor(next() * 2),
              Math.floor(next() * 2 ** 31),
            ),
          ),
        )
        const results = await Promise.all(batches.map((batch) => commitBatch(db, batch)))
        expect(results.flat().every((r) => r.status === 'created')).toBe(true)
        submitted.push(...batches.flat())
        return
      }
      case 'replay': {
        // Retries of stored submissions: answered as before, nothing counted twice.
        const retries = submitted.slice(-step.count)
        const results = await commitBatch(db, retries)
        expect(results.every((r) => r.status === 'replayed')).toBe(true)
        return
      }
      case 'late': {
        // Answers after the campaign closed: refused, and not counted.
        await db
          .update(schema.campaigns)
          .set({ status: 'closed' })
          .where(eq(schema.campaigns.id, campaign.id))
        const next = random(step.seed)
        const late = Array.from({ length: step.count }, () =>
          item(Math.floor(next() * units.length), 1, 0, Math.floor(next() * 2 ** 31)),
        )
        const results = await commitBatch(db, late)
        expect(results.every((r) => r.status === 'refused')).toBe(true)
        await db
          .update(schema.campaigns)
          .set({ status: 'open' })
          .where(eq(schema.campaigns.id, campaign.id))
        return
      }
      case 'delete': {
        // Responses removed (an office erasing test answers): the totals give them back.
        const doomed = await queryRows<{ id: number; key: string }>(
          db,
          sql`select id, idempotency_key as key from responses where campaign_id = ${campaign.id}
            order by id desc limit ${step.count}`,
        )
        if (doomed.length === 0) return
        await db.delete(schema.responses).where(
          inArray(
            schema.responses.id,
            doomed.map((d) => Number(d.id)),
          ),
        )
        // Gone, so no longer a replay: a retry of one would be stored anew.
        const gone = new Set(doomed.map((d) => d.key))
        submitted.splice(
          0,
          submitted.length,
          ...submitted.filter((s) => !gone.has(s.idempotencyKey)),
        )
      }
    }
  }

  const stored = async (): Promise<Stored[]> => {
    const rows = await f.database.db
      .select({
        unitId: schema.responses.unitId,
        sourceKey: schema.responses.sourceKey,
        formVersionId: schema.responses.formVersionId,
        answers: schema.responses.answers,
        score: schema.responses.score,
      })
      .from(schema.responses)
      .where(eq(schema.responses.campaignId, campaign.id))
      // The reverse of their arrival: the figures must not depend on the order.
      .orderBy(sql`id desc`)
    return rows as Stored[]
  }

  it('equal their recomputation from the responses after any mix of batches, races, replays, late answers and deletions', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(stepArb, { minLength: 1, maxLength: 6 }), async (steps) => {
        for (const step of steps) await run(step)
        const check = await verifyAggregates(f.database.db, campaign.id)
        expect(check.differences).toEqual([])
        expect(check.differenceCount).toBe(0)

        const responses = await stored()
        // Results: count, percent sum in millionths (as the SDK's `evaluate` adds them), satisfaction, veto.
        const expected = new Map<string, UnitTotals>()
        for (const r of responses) {
          const key = `${r.unitId}/${r.sourceKey}`
          const t = expected.get(key) ?? {
            unitId: r.unitId,
            sourceKey: r.sourceKey,
            n: 0,
            micros: 0,
            satisfied: 0,
            answered: 0,
            vetoes: 0,
          }
          t.n += 1
          t.micros += toMicros(r.score.percent)
          t.satisfied += r.score.satisfaction?.satisfied ?? 0
          t.answered += r.score.satisfaction?.answered ?? 0
          t.vetoes += r.score.veto ? 1 : 0
          expected.set(key, t)
        }
        const totals = await loadSourceTotals(f.database.db, campaign.id)
        expect(sortBy(totals, (t) => `${t.unitId}/${t.sourceKey}`)).toEqual(
          sortBy([...expected.values()], (t) => `${t.unitId}/${t.sourceKey}`).map(
            ({ micros, vetoes, ...rest }) => ({
              ...rest,
              percentSum: fromMicros(micros),
              veto: vetoes > 0,
            }),
          ),
        )

        // Dimensions: Σ score and Σ maxScore per unit, source and dimension.
        const dimensions = new Map<string, { score: number; max: number }>()
        for (const r of responses) {
          for (const [dimension, d] of Object.entries(r.score.dimensions ?? {})) {
            const key = `${r.unitId}/${r.sourceKey}/${dimension}`
            const t = dimensions.get(key) ?? { score: 0, max: 0 }
            t.score += toMicros(d.score)
            t.max += toMicros(d.maxScore)
            dimensions.set(key, t)
          }
        }
        const kept = await loadDimensionTotals(f.database.db, campaign.id, 'all', [
          'self',
          'superior',
        ])
        expect(
          Object.fromEntries(
            kept.map((k) => [
              `${k.unitId}/${k.sourceKey}/${k.dimension}`,
              { score: k.score, max: k.maxScore },
            ]),
          ),
        ).toEqual(
          Object.fromEntries(
            [...dimensions].map(([key, t]) => [
              key,
              { score: fromMicros(t.score), max: fromMicros(t.max) },
            ]),
          ),
        )

        // Questions: answers per categorical value, counts of the rest, over both versions.
        const members = SOURCES[1] as (typeof SOURCES)[number]
        const { questions, categorical } = countedQuestions(members.form)
        const counts = new Map<string, number>()
        for (const r of responses.filter((r) => r.sourceKey === 'members')) {
          for (const q of questions) {
            const value = r.answers[q.key]
            if (value === undefined || value === null || value === '') continue
            const group = categorical.includes(q.name) ? JSON.stringify(value) : 'null'
            counts.set(`${q.name}=${group}`, (counts.get(`${q.name}=${group}`) ?? 0) + 1)
          }
        }
        const groups = await loadAnswerGroups(f.database.db, {
          campaignId: campaign.id,
          sourceKey: 'members',
          scope: 'all',
          names: questions.map((q) => q.name),
        })
        expect(
          Object.fromEntries(groups.map((g) => [`${g.name}=${JSON.stringify(g.value)}`, g.n])),
        ).toEqual(Object.fromEntries(counts))
      }),
      { numRuns: kind === 'pglite' ? 12 : 20 },
    )
  })

  it('lists a difference when a kept figure is wrong, and where', async () => {
    const { db } = f.database
    await commitBatch(db, [item(0, 1, 0, 7)])
    await db.execute(
      sql`update unit_source_totals set n = n + 1 where campaign_id = ${campaign.id}
        and unit_id = ${units[0]} and source_key = 'members' and form_version_id = ${versions.members?.[0]}`,
    )
    const check = await verifyAggregates(db, campaign.id)
    expect(check.differenceCount).toBe(1)
    expect(check.differences[0]).toMatchObject({
      table: 'unit_source_totals',
      key: { unit_id: units[0], source_key: 'members' },
    })
    const { expected, actual } = check.differences[0] ?? {}
    expect(Number(actual?.n)).toBe(Number(expected?.n) + 1)
    await db.execute(
      sql`update unit_source_totals set n = n - 1 where campaign_id = ${campaign.id}
        and unit_id = ${units[0]} and source_key = 'members' and form_version_id = ${versions.members?.[0]}`,
    )
    expect((await verifyAggregates(db, campaign.id)).differenceCount).toBe(0)
  })
})

function sortBy<T>(list: readonly T[], key: (item: T) => string): T[] {
  return [...list].sort((a, b) => key(a).localeCompare(key(b)))
}
