import { type Db, schema } from '@yardstick/db'
import { compileForm, type FormJson, localizedText, templates } from '@yardstick/sdk'
import { eq, sql } from 'drizzle-orm'
import { createUser, insertOrg } from '../src/orgs/org-tree'
import { seedCampaign } from '../src/results/test-campaign'

/** The size of one province's organs: 6,280 branches under 20 sub-committees. */
export const BRANCHES = 6_280
const SUBCOMMITTEES = 20
export const MEMBERS_PER_BRANCH = 30

/** What the benchmark reads: the campaign and who reads it. */
export interface ResultsDataSet {
  campaignId: number
  /** One of the 20 sub-committees, for filtered queries. */
  subcommitteeId: number
  responses: number
  adminEmail: string
  password: string
  loadSeconds: number
}

// Whole numbers computed here, written into the SQL as literals (parameters there need types).
const literal = (value: number) => sql.raw(String(value))

const questionsOf = (form: FormJson, type: string) =>
  compileForm(form).questions.filter((q) => q.type === type)

// A unit's "quality" (40–99) and a per-answer roll (0–99), both from hashes: deterministic, and
// each depends on its row, so PostgreSQL evaluates it per row.
const QUALITY = sql.raw(`(40 + abs(hashtext('q' || o.id)) % 60)`)
const roll = (salt: string) =>
  sql.raw(`(abs(hashtext(o.id || '/' || g || '/' || q.name || '${salt}')) % 100)`)

/**
 * Loads the benchmark campaign in SQL (`generate_series`, one statement per sub-committee and
 * source): 6,280 branches × (30 member satisfaction responses + 1 self-check + 1 scorecard) =
 * 200,960 responses on the SDK's templates, answers and score columns computed together in SQL.
 *
 * @example
 * const data = await loadResultsDataSet(db)
 */
export async function loadResultsDataSet(db: Db): Promise<ResultsDataSet> {
  const started = performance.now()
  const committee = await insertOrg(db, { kind: 'committee', name: '省直机关工委' })
  const subs = []
  for (let i = 1; i <= SUBCOMMITTEES; i++) {
    subs.push(
      await insertOrg(db, { parentId: committee.id, kind: 'subcommittee', name: `第${i}分工委` }),
    )
  }
  const perSub = BRANCHES / SUBCOMMITTEES
  await insertBranches(db, perSub)
  const campaign = await seedCampaign(db, {
    orgId: committee.id,
    unitIds: [],
    name: '2025年度党支部综合评定',
    sources: [
      { key: 'self', weight: 2, required: true, form: templates.selfCheck },
      {
        key: 'members',
        weight: 3,
        minResponses: 10,
        measure: 'satisfactionRate',
        anonymous: true,
        form: templates.satisfaction,
      },
      { key: 'superior', weight: 5, form: templates.scorecard },
    ],
    bands: [
      { min: 90, grade: 'advanced', stars: 5 },
      { min: 70, grade: 'standard', stars: 3 },
      { min: 0, grade: 'lagging', stars: 1 },
    ],
    quota: { grade: 'advanced', maxShare: 0.2 },
  })
  await enrolBranches(db, campaign.id)
  const ids = { campaign: campaign.id, versions: campaign.formVersionIds }
  for (const sub of subs) {
    await insertMembers(db, ids.campaign, ids.versions.members ?? 0, sub.id)
    await insertSelf(db, ids.campaign, ids.versions.self ?? 0, sub.id)
    await insertSuperior(db, ids.campaign, ids.versions.superior ?? 0, sub.id)
  }
  await db.execute(sql`analyze`)
  const password = 'bench-password-1'
  const adminEmail = 'bench-admin@example.org'
  await createUser(db, {
    email: adminEmail,
    name: 'bench',
    password,
    grants: [{ role: 'admin', orgId: committee.id }],
  })
  const [count] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(schema.responses)
    .where(eq(schema.responses.campaignId, campaign.id))
  const loadSeconds = (performance.now() - started) / 1000
  return {
    campaignId: campaign.id,
    subcommitteeId: subs[0]?.id ?? 0,
    responses: count?.n ?? 0,
    adminEmail,
    password,
    loadSeconds,
  }
}

/**
 * Inserts `perSubcommittee` branches under every sub-committee of the database in SQL (one
 * statement, then one for their paths), with a mix of unit types; names `<sub>第<n>党支部`.
 *
 * The committee and sub-committees go through `insertOrg`, the tree's one service; the branches
 * are benchmark data loaded in SQL, in seconds: one `insertOrg` each is two statements per branch
 * (12,560 round trips for a province, 200,000 for a 1/50 national run) and would dominate the
 * load. The rows are what `insertOrg` writes (parent, kind, name, type, `/…/id/` path; no code,
 * not retired), and nothing here is a change anyone made, so no audit entries. The import of a
 * tree of this size through the service is benchmarked on its own (BENCHMARKS.md).
 *
 * @example
 * await insertBranches(db, 314)
 */
export async function insertBranches(db: Db, perSubcommittee: number): Promise<void> {
  await db.execute(sql`insert into orgs (parent_id, kind, name, unit_type, path)
    select s.id, 'branch', s.name || '第' || g || '党支部',
      (array['organ','enterprise','publicInstitution','school','hospital','research','socialOrganization','retired'])[1 + g % 8], ''
    from orgs s cross join generate_series(1, ${literal(perSubcommittee)}) g where s.kind = 'subcommittee'`)
  await db.execute(sql`update orgs b set path = p.path || b.id || '/' from orgs p
    where p.id = b.parent_id and b.kind = 'branch'`)
}

/**
 * Makes every branch of the database a unit of the campaign, in one SQL statement.
 *
 * @example
 * await enrolBranches(db, campaign.id)
 */
export async function enrolBranches(db: Db, campaignId: number): Promise<void> {
  await db.execute(sql`insert into campaign_units (campaign_id, unit_id)
    select ${literal(campaignId)}, id from orgs where kind = 'branch'`)
}

async function insertMembers(db: Db, campaignId: number, versionId: number, subId: number) {
  const names = questionsOf(templates.satisfaction, 'radiogroup').map((q) => q.name)
  const n = names.length
  const choice = sql`case when ${roll('m')} < ${QUALITY} then 0
    when ${roll('m')} < ${QUALITY} + (100 - ${QUALITY}) / 2 then 1 else 2 end`
  await db.execute(sql`insert into responses
      (campaign_id, unit_id, source_key, form_version_id, answers, score, percent, satisfied, answered, veto)
    select ${literal(campaignId)}, o.id, 'members', ${literal(versionId)}, a.answers,
      jsonb_build_object('score', a.points, 'maxScore', ${literal(n * 100)}, 'percent', a.points / ${literal(n)},
        'dimensions', '{}'::jsonb, 'veto', false, 'problems', '[]'::jsonb,
        'satisfaction', jsonb_build_object('satisfied', a.sat, 'answered', ${literal(n)},
          'rate', a.sat::float8 / ${literal(n)}, 'index', a.points / ${literal(n)})),
      a.points / ${literal(n)}, a.sat, ${literal(n)}, false
    from orgs o cross join generate_series(1, ${literal(MEMBERS_PER_BRANCH)}) g
    cross join lateral (
      select jsonb_object_agg(q.name, (array['satisfied','basic','dissatisfied'])[c.k + 1]) as answers,
        sum((array[100, 60, 0])[c.k + 1])::float8 as points,
        (count(*) filter (where c.k < 2))::int as sat
      from unnest(string_to_array(${names.join(',')}, ',')) as q(name)
      cross join lateral (select ${choice} as k) c
    ) a
    where o.parent_id = ${literal(subId)}`)
}

async function insertSelf(db: Db, campaignId: number, versionId: number, subId: number) {
  const items = questionsOf(templates.selfCheck, 'radiogroup').map((q) => ({
    name: q.name,
    dim: q.dimension ?? '',
    title: localizedText(q.title, 'zh-CN', q.name),
  }))
  const n = items.length
  const yes = sql`${roll('s')} < ${QUALITY} + 10`
  // Each 否 is a problem and each item counts 1 of its strength (四强), as `scoreResponse` scores them.
  await db.execute(sql`insert into responses
      (campaign_id, unit_id, source_key, form_version_id, answers, score, percent, veto)
    select ${literal(campaignId)}, o.id, 'self', ${literal(versionId)}, a.answers,
      jsonb_build_object('score', a.yes, 'maxScore', ${literal(n)}, 'percent', a.yes * 100.0 / ${literal(n)},
        'dimensions', d.dimensions, 'veto', false, 'problems', a.problems),
      a.yes * 100.0 / ${literal(n)}, false
    from orgs o cross join generate_series(1, 1) g
    cross join lateral (
      select jsonb_object_agg(q.name, case when ${yes} then 'yes' else 'no' end) as answers,
        (count(*) filter (where ${yes}))::float8 as yes,
        coalesce(jsonb_agg(jsonb_build_object('question', q.name, 'title', q.title, 'answer', 'no'))
          filter (where not ${yes}), '[]'::jsonb) as problems
      from jsonb_to_recordset(${JSON.stringify(items)}::jsonb) as q(name text, dim text, title text)
    ) a
    cross join lateral (
      select jsonb_object_agg(t.dim, jsonb_build_object('score', t.score, 'maxScore', t.max,
        'percent', t.score * 100 / t.max)) as dimensions
      from (
        select q.dim, (count(*) filter (where ${yes}))::float8 as score, count(*)::float8 as max
        from jsonb_to_recordset(${JSON.stringify(items)}::jsonb) as q(name text, dim text, title text)
        group by q.dim
      ) t
    ) d
    where o.parent_id = ${literal(subId)}`)
}

async function insertSuperior(db: Db, campaignId: number, versionId: number, subId: number) {
  const indicators = questionsOf(templates.scorecard, 'text').filter(
    (q) => q.scoreKind === 'normal',
  )
  const names = indicators.map((q) => q.name).join(',')
  const maxima = indicators.map((q) => q.maxScore ?? 0).join(',')
  const dims = indicators.map((q) => q.dimension ?? '').join(',')
  const total = indicators.reduce((sum, q) => sum + (q.maxScore ?? 0), 0)
  const points = sql`round(q.max * (${QUALITY} + ${roll('p')} * (100 - ${QUALITY}) / 100) / 100)`
  await db.execute(sql`insert into responses
      (campaign_id, unit_id, source_key, form_version_id, answers, score, percent, veto)
    select ${literal(campaignId)}, o.id, 'superior', ${literal(versionId)},
      a.answers || jsonb_build_object('veto', case when v.veto then 'yes' else 'no' end),
      jsonb_build_object('score', a.points, 'maxScore', ${literal(total)}, 'percent', a.points * 100 / ${literal(total)},
        'dimensions', d.dimensions, 'veto', v.veto, 'problems', '[]'::jsonb),
      a.points * 100 / ${literal(total)}, v.veto
    from orgs o cross join generate_series(1, 1) g
    cross join lateral (select abs(hashtext('v' || o.id)) % 100 = 0 as veto) v
    cross join lateral (
      select jsonb_object_agg(q.name, ${points}) as answers, sum(${points})::float8 as points
      from unnest(string_to_array(${names}, ','), string_to_array(${maxima}, ',')::float8[]) as q(name, max)
    ) a
    cross join lateral (
      select jsonb_object_agg(t.dim, jsonb_build_object('score', t.score, 'maxScore', t.max,
        'percent', t.score * 100 / t.max)) as dimensions
      from (
        select q.dim, sum(${points})::float8 as score, sum(q.max)::float8 as max
        from unnest(string_to_array(${names}, ','), string_to_array(${maxima}, ',')::float8[],
          string_to_array(${dims}, ',')) as q(name, max, dim)
        group by q.dim
      ) t
    ) d
    where o.parent_id = ${literal(subId)}`)
}
