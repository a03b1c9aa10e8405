import type { Participation, UnitParticipation } from '@yardstick/contract'
import { type Db, queryRows, type SourceKey, schema } from '@yardstick/db'
import { eq, inArray, type SQL, sql } from 'drizzle-orm'
import { AppError } from '../http/errors'
import type { ResultsContext } from '../results/context'
import { inFilter, type ResultsFilter } from '../results/view'
import { expectedOf, participationStatus } from './expected'

/** Per source, over the units listed: how many are complete, partial or without an answer. */
type SourceSummary = Participation['summary'][number]

/** Which units to list: the results filters, only those still owing, one source. */
export interface ParticipationFilter extends ResultsFilter {
  source?: SourceKey
  pendingOnly?: boolean
  /** Only branches whose name contains this text. */
  search?: string
}

type Counts = Map<string, number>
const at = (unitId: number, source: string) => `${unitId}:${source}`

/**
 * Answered / expected per unit and source of a campaign (see `expectedOf` for what is
 * expected), for the units the reader may export raw data of (admin, editor, assessor roles
 * reaching them; a secretary-only reader is refused 403) and that match the filter, by parent
 * then name. `pendingOnly` keeps units that still owe the source (or any source); the summary
 * covers the units listed. Counts are SQL aggregates: no response is loaded.
 *
 * @example
 * const { units, summary } = await loadParticipation(db, context, { pendingOnly: true }, origin)
 */
export async function loadParticipation(
  db: Db,
  { campaign, units, access }: ResultsContext,
  filter: ParticipationFilter,
  origin: string,
): Promise<{ units: UnitParticipation[]; summary: SourceSummary[] }> {
  if (!units.some(access.exportsRaw)) {
    throw new AppError(
      'forbidden',
      'Participation lists are for admin, editor and assessor roles reaching the units',
      { roles: ['admin', 'editor', 'assessor'] },
    )
  }
  const sources = await db
    .select({
      key: schema.campaignSources.key,
      answeredBy: schema.campaignSources.answeredBy,
      minResponses: schema.campaignSources.minResponses,
      panelSize: sql<number>`(select count(*)::int from campaign_source_panel p
        where p.campaign_id = ${schema.campaignSources.campaignId}
          and p.source_key = ${schema.campaignSources.key})`.mapWith(Number),
    })
    .from(schema.campaignSources)
    .where(eq(schema.campaignSources.campaignId, campaign.id))
  const keys = campaign.sources.map((source) => source.key)
  const sourceOf = new Map(sources.map((source) => [source.key, source]))
  const [answered, tokens, selfChecks, links, parents] = await Promise.all([
    counts(
      db,
      // The running totals (one row per unit, source and form version), not the responses.
      sql`select unit_id, source_key, sum(n)::int as n from unit_source_totals
      where campaign_id = ${campaign.id} group by unit_id, source_key`,
    ),
    queryRows<{ unit_id: number; source_key: string; issued: number; used: number }>(
      db,
      sql`select unit_id, source_key, count(*)::int as issued, count(used_at)::int as used
        from respondent_tokens where campaign_id = ${campaign.id} group by unit_id, source_key`,
    ),
    db
      .select({ unitId: schema.selfChecks.unitId, status: schema.selfChecks.status })
      .from(schema.selfChecks)
      .where(eq(schema.selfChecks.campaignId, campaign.id)),
    db
      .select({
        unitId: schema.links.unitId,
        source: schema.links.sourceKey,
        slug: schema.links.slug,
      })
      .from(schema.links)
      .where(eq(schema.links.campaignId, campaign.id)),
    parentNames(db, units),
  ])
  const issued = new Map(tokens.map((row) => [at(row.unit_id, row.source_key), row]))
  const selfStatus = new Map(selfChecks.map((row) => [row.unitId, row.status]))
  const slugs = new Map(links.map((row) => [at(row.unitId, row.source), row.slug]))

  const collator = new Intl.Collator('zh-CN')
  const listed = units
    .filter(
      (unit) =>
        access.exportsRaw(unit) &&
        inFilter(unit, filter) &&
        (!filter.search || unit.name.includes(filter.search)),
    )
    .map((unit): UnitParticipation => {
      const bySource: UnitParticipation['sources'] = {}
      for (const key of keys) {
        const token = issued.get(at(unit.id, key))
        const tokensIssued = token?.issued ?? 0
        const n = answered.get(at(unit.id, key)) ?? 0
        const source = sourceOf.get(key)
        const answeredBy = source?.answeredBy ?? 'members'
        const { expected, basis } = expectedOf({
          answeredBy,
          minResponses: source?.minResponses ?? null,
          panelSize: source?.panelSize ?? 0,
          tokensIssued,
        })
        bySource[key] = {
          answered: n,
          expected,
          basis,
          status: participationStatus(n, expected),
          tokensIssued,
          tokensUsed: token?.used ?? 0,
          ...(answeredBy === 'selfCheck' ? { selfCheck: selfStatus.get(unit.id) ?? null } : {}),
          // A self-check is filled in its workflow, not through its link.
          url:
            answeredBy === 'selfCheck'
              ? `${origin}/branch/campaigns/${campaign.id}/units/${unit.id}`
              : `${origin}/s/${slugs.get(at(unit.id, key)) ?? ''}`,
        }
      }
      const pending = keys.filter((key) => bySource[key]?.status !== 'complete')
      return {
        unitId: unit.id,
        name: unit.name,
        unitType: unit.unitType,
        parentId: unit.parentId,
        parentName: unit.parentId === null ? null : (parents.get(unit.parentId) ?? null),
        sources: bySource,
        pending,
      }
    })
    .filter((unit) => {
      if (!filter.pendingOnly) return true
      return filter.source === undefined
        ? unit.pending.length > 0
        : unit.pending.includes(filter.source)
    })
    .sort(
      (a, b) =>
        collator.compare(a.parentName ?? '', b.parentName ?? '') ||
        collator.compare(a.name, b.name) ||
        a.unitId - b.unitId,
    )
  return { units: listed, summary: summarise(keys, listed) }
}

async function counts(db: Db, query: SQL): Promise<Counts> {
  const rows = await queryRows<{ unit_id: number; source_key: string; n: number }>(db, query)
  return new Map(rows.map((row) => [at(row.unit_id, row.source_key), Number(row.n)]))
}

async function parentNames(
  db: Db,
  units: ReadonlyArray<{ parentId: number | null }>,
): Promise<Map<number, string>> {
  const ids = [...new Set(units.flatMap((unit) => (unit.parentId === null ? [] : [unit.parentId])))]
  if (ids.length === 0) return new Map()
  const rows = await db
    .select({ id: schema.orgs.id, name: schema.orgs.name })
    .from(schema.orgs)
    .where(inArray(schema.orgs.id, ids))
  return new Map(rows.map((row) => [row.id, row.name]))
}

function summarise(keys: readonly SourceKey[], units: readonly UnitParticipation[]) {
  return keys.map((source): SourceSummary => {
    const summary = { source, units: 0, complete: 0, partial: 0, none: 0, answered: 0, expected: 0 }
    for (const unit of units) {
      const entry = unit.sources[source]
      if (!entry) continue
      summary.units++
      summary[entry.status]++
      summary.answered += entry.answered
      summary.expected += entry.expected ?? 0
    }
    return summary
  })
}
