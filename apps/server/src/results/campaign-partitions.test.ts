import type { Db } from '@yardstick/db'
import { queryRows, schema } from '@yardstick/db'
import { testStores } from '@yardstick/db/testing'
import { type SQL, sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createFixture, type Fixture } from '../../test/harness'
import { readResponses } from '../exports/responses-reader'
import { commitBatch, type SubmissionItem } from '../submissions/commit-batch'
import { countProblemUnits } from './problem-sql'
import type { TestCampaign } from './test-campaign'
import { seedSmallScenario } from './test-scenario'
import { verifyAggregates } from './verify-aggregates'

/**
 * A `Db` that plans instead of running: each statement a function sends through `execute` is
 * EXPLAINed on the real database (with `analyze`: run, too), its plan kept, and no rows come back.
 */
function planning(db: Db, plans: unknown[], analyze = false): Db {
  const options = sql.raw(analyze ? '(analyze, format json)' : '(format json)')
  const execute = async (query: SQL) => {
    const [row] = await queryRows<{ 'QUERY PLAN': unknown }>(db, sql`explain ${options} ${query}`)
    const plan = row?.['QUERY PLAN']
    plans.push(typeof plan === 'string' ? JSON.parse(plan) : plan)
    return []
  }
  return new Proxy(db, {
    get: (target, key, receiver) =>
      key === 'execute' ? execute : Reflect.get(target, key, receiver),
  })
}

interface PlanNode {
  'Node Type': string
  'Relation Name'?: string
  'Actual Loops'?: number
}

/** Every node of a plan that names a table, in plan order. */
function relationNodes(plan: unknown): PlanNode[] {
  if (Array.isArray(plan)) return plan.flatMap(relationNodes)
  if (plan === null || typeof plan !== 'object') return []
  const node = plan as PlanNode
  const own = typeof node['Relation Name'] === 'string' ? [node] : []
  return [...own, ...Object.values(node).flatMap(relationNodes)]
}

/**
 * The tables named `responses…` that a function's statements read: every one in their plans or,
 * with `analyze`, those whose scan ran (a partition pruned while running never does).
 */
async function responsesRead(
  db: Db,
  run: (db: Db) => Promise<unknown>,
  analyze = false,
): Promise<string[]> {
  const plans: unknown[] = []
  await run(planning(db, plans, analyze))
  expect(plans.length).toBeGreaterThan(0)
  const read = relationNodes(plans).filter(
    (node) =>
      node['Node Type'] !== 'ModifyTable' &&
      node['Relation Name']?.startsWith('responses') &&
      (!analyze || (node['Actual Loops'] ?? 0) > 0),
  )
  return [...new Set(read.map((node) => node['Relation Name'] ?? ''))]
}

describe.each(await testStores())('responses partitioned by campaign on %s', (kind) => {
  let f: Fixture
  let first: TestCampaign
  let second: TestCampaign

  beforeAll(async () => {
    f = await createFixture(kind)
    first = (await seedSmallScenario(f)).campaign
    second = (await seedSmallScenario(f)).campaign
  })
  afterAll(() => f.close())

  it('gives each campaign its own partition, made when the campaign is inserted', async () => {
    const rows = await queryRows<{ partition: string; n: number }>(
      f.database.db,
      sql`select c.relname as partition,
          (select count(*)::int from responses r where r.tableoid = c.oid) as n
        from pg_inherits i join pg_class c on c.oid = i.inhrelid
        where i.inhparent = 'responses'::regclass order by c.relname`,
    )
    expect(rows).toEqual([
      { partition: `responses_campaign_${first.id}`, n: 20 },
      { partition: `responses_campaign_${second.id}`, n: 20 },
    ])
  })

  it('reads every partition for a query that does not name its campaign', async () => {
    const read = (db: Db) => queryRows(db, sql`select count(*) from responses`)
    expect(await responsesRead(f.database.db, read)).toEqual([
      `responses_campaign_${first.id}`,
      `responses_campaign_${second.id}`,
    ])
  })

  it('recounts one campaign’s totals from its partition alone', async () => {
    for (const campaign of [first, second]) {
      const read = (db: Db) => verifyAggregates(db, campaign.id)
      expect(await responsesRead(f.database.db, read)).toEqual([
        `responses_campaign_${campaign.id}`,
      ])
    }
  })

  it('counts one campaign’s common problems from its partition alone', async () => {
    const read = (db: Db) =>
      countProblemUnits(db, { campaignId: first.id, sourceKey: 'self', scope: 'all' })
    expect(await responsesRead(f.database.db, read)).toEqual([`responses_campaign_${first.id}`])
  })

  it('exports one campaign’s responses reading its partition alone, in scope or whole', async () => {
    const scopes: Array<number[] | 'all'> = ['all', [f.orgs.branch1, f.orgs.branch2]]
    for (const scope of scopes) {
      const read = async (db: Db) => {
        const query = { campaignId: second.id, sourceKey: 'members', scope, anonymous: false }
        for await (const _ of readResponses(db, query));
      }
      expect(await responsesRead(f.database.db, read)).toEqual([`responses_campaign_${second.id}`])
    }
  })

  it('looks a submission’s idempotency key up in its campaign’s partition alone, by index', async () => {
    const key = 'partition-test:k1'
    const stored = { ...storedRow(second, f.orgs.branch1), idempotencyKey: key }
    await f.database.db.insert(schema.responses).values(stored)
    const item: SubmissionItem = {
      ...stored,
      idempotencyKey: key,
      answers: {},
      score: stored.score as SubmissionItem['score'],
      tokenHash: null,
      requestHash: 'h',
      drawSeed: null,
    }
    const plans: unknown[] = []
    await commitBatch(planning(f.database.db, plans, true), [item])
    const scans = relationNodes(plans).filter(
      (node) => node['Relation Name']?.startsWith('responses_') && (node['Actual Loops'] ?? 0) > 0,
    )
    expect(scans.map((node) => [node['Relation Name'], node['Node Type']])).toEqual([
      [`responses_campaign_${second.id}`, 'Index Scan'],
    ])
  })
})

/** A response row of a unit of the campaign on its `members` source. */
function storedRow(campaign: TestCampaign, unitId: number) {
  return {
    campaignId: campaign.id,
    unitId,
    sourceKey: 'members' as const,
    formVersionId: campaign.formVersionIds.members ?? 0,
    answers: {},
    score: { percent: 0 },
    percent: 0,
    respondentId: null,
  }
}
