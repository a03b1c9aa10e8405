import type { Database } from '@yardstick/db'
import { queryRows } from '@yardstick/db'
import { evaluate, type SourceResponse, type UnitInput } from '@yardstick/sdk'
import { sql } from 'drizzle-orm'
import { createApp } from '../src/app'
import { loadConfig } from '../src/config'
import { loadResultsCampaign } from '../src/results/campaign'
import { verifyAggregates } from '../src/results/verify-aggregates'

/** Where the benchmark campaign is, and who reads it (passed from the parent to each probe). */
export interface BenchTarget {
  campaignId: number
  subcommitteeId: number
  adminEmail: string
  password: string
}

/** One measured query: a name for the table, a note, and how to build the call. */
export interface BenchTask {
  id: string
  what: string
  note: string
  /** Runs the probe with `--max-old-space-size` (MiB): proof that it fits, not just that it did. */
  heapLimitMiB?: number
  prepare: (database: Database, target: BenchTarget) => Promise<() => Promise<unknown>>
}

async function signedInGet(database: Database, target: BenchTarget) {
  const app = createApp({ database, config: loadConfig({}) })
  const login = await app.request('/api/auth/login', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: target.adminEmail, password: target.password }),
  })
  const { token } = (await login.json()) as { token: string }
  // Reads the body as a client would, chunk by chunk, keeping only its size: the memory measured
  // is the server's, not a client's copy of a 30 MB download.
  return async (path: string) => {
    const response = await app.request(path, { headers: { authorization: `Bearer ${token}` } })
    if (response.status !== 200 || !response.body) throw new Error(`${path}: ${response.status}`)
    let bytes = 0
    for await (const chunk of response.body) bytes += chunk.byteLength
    return bytes
  }
}

/** A task that GETs a path of the campaign as its admin (the body read, only its size kept). */
export const route =
  (path: (target: BenchTarget) => string): BenchTask['prepare'] =>
  async (database, target) => {
    const get = await signedInGet(database, target)
    const url = `/api/campaigns/${target.campaignId}${path(target)}`
    return () => get(url)
  }

// What results must not do: every response's numbers into JavaScript, then the SDK's evaluate.
const loadEverything: BenchTask['prepare'] = async ({ db }, { campaignId }) => {
  const { policy } = await loadResultsCampaign(db, campaignId)
  return async () => {
    const rows = await queryRows<{ unitId: number; sourceKey: string } & SourceResponse>(
      db,
      sql`select unit_id as "unitId", source_key as "sourceKey", percent, veto,
        jsonb_build_object('satisfied', satisfied, 'answered', answered) as satisfaction
        from responses where campaign_id = ${campaignId} order by id`,
    )
    const units = new Map<number, Record<string, SourceResponse[]>>()
    for (const { unitId, sourceKey, ...response } of rows) {
      const sources = units.get(unitId) ?? {}
      units.set(unitId, sources)
      sources[sourceKey] ??= []
      sources[sourceKey]?.push(response)
    }
    const inputs: UnitInput[] = [...units].map(([id, sources]) => ({ unitId: String(id), sources }))
    return evaluate(policy, inputs)
  }
}

/** The queries the results benchmark measures, each in a fresh process. */
export const BENCH_TASKS: BenchTask[] = [
  {
    id: 'results',
    what: '**`GET /results?limit=10000`** (all 6,280 units graded and listed)',
    note: 'target < {target}',
    prepare: route(() => '/results?limit=10000'),
  },
  {
    id: 'baseline',
    what: 'baseline: plain `SELECT unit_id, source_key, count(*), avg(percent) … GROUP BY`',
    note: 'same rows, result fetched into JS',
    prepare: async ({ db }, { campaignId }) => {
      return () =>
        queryRows(
          db,
          sql`select unit_id, source_key, count(*)::int as n, avg(percent) as mean
            from responses where campaign_id = ${campaignId} group by unit_id, source_key`,
        )
    },
  },
  {
    id: 'verify',
    what: 'the running aggregates recomputed from every response and compared (`verifyAggregates`)',
    note: 'the `GROUP BY` path results took before 0009, for all three tables',
    prepare: async ({ db }, { campaignId }) => {
      return async () => {
        const check = await verifyAggregates(db, campaignId)
        if (check.differenceCount > 0) throw new Error(`${check.differenceCount} differences`)
        return check
      }
    },
  },
  {
    id: 'questions-group-by',
    what: 'baseline: the questions `jsonb_each(answers)` + `GROUP BY` over the responses',
    note: 'what `/results/questions` ran before 0009',
    prepare: async ({ db }, { campaignId }) => {
      return () =>
        queryRows(
          db,
          sql`select a.key, a.value, count(*)::int as n from responses r
            cross join lateral jsonb_each(r.answers) a
            where r.campaign_id = ${campaignId} and r.source_key = 'members'
            group by 1, 2`,
        )
    },
  },
  {
    id: 'filtered',
    what: '`GET /results?subtree=<sub-committee>&limit=20`',
    note: 'grading is still over the whole campaign',
    prepare: route((t) => `/results?subtree=${t.subcommitteeId}&limit=20`),
  },
  {
    id: 'questions',
    what: '`GET /results/questions?source=members` (188,400 responses × 11 answers)',
    note: 'read from the running aggregates (`unit_answer_totals`)',
    prepare: route(() => '/results/questions?source=members'),
  },
  {
    id: 'dimensions',
    what: '`GET /results/dimensions?limit=10000` (12,560 self-checks and scorecards × 4–6 dimensions)',
    note: 'read from the running aggregates (`unit_dimension_totals`)',
    prepare: route(() => '/results/dimensions?limit=10000'),
  },
  {
    id: 'common-problems-self',
    what: '`GET /results/common-problems?source=self` (6,280 self-checks × 17 items)',
    note: "`jsonb_array_elements(score->'problems')` + `GROUP BY`",
    prepare: route(() => '/results/common-problems?source=self'),
  },
  {
    id: 'common-problems-superior',
    what: '`GET /results/common-problems?source=superior` (6,280 scorecards × 20 indicators)',
    note: 'answers joined to a `VALUES` list of the plan’s points',
    prepare: route(() => '/results/common-problems?source=superior'),
  },
  {
    id: 'csv',
    what: '`GET /responses.csv?source=members` (188,400 rows, 29.8 MB)',
    note: 'streamed, keyset batches of 1,000',
    prepare: route(() => '/responses.csv?source=members'),
  },
  {
    id: 'csv-capped',
    what: 'the same download in a server capped at `--max-old-space-size=112`',
    note: 'completes within the cap: live memory stays bounded',
    heapLimitMiB: 112,
    prepare: route(() => '/responses.csv?source=members'),
  },
  {
    id: 'naive',
    what: 'contrast: load every response into JS, then `evaluate()`',
    note: 'what results must not do',
    prepare: loadEverything,
  },
]
