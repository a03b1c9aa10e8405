import {
  type GradeChange,
  SERIES_MAX_PERIODS,
  type SeriesPeriod,
  type SeriesRow,
} from '@yardstick/contract'
import type { Db } from '@yardstick/db'
import type { GradeBand } from '@yardstick/sdk'
import { loadResultsCampaign } from './campaign'
import type { ResultsContext } from './context'
import { type GradedUnit, gradeCampaign } from './grade'
import { gradeChange } from './grade-change'
import { seriesPeriods } from './series-chain'
import { loadCampaignUnits } from './units'

/** One period of a series, graded: its units by id and its bands. */
export interface GradedPeriod {
  period: SeriesPeriod
  bands: readonly GradeBand[]
  units: Map<number, GradedUnit>
}

/** Options of `gradeSeries`. */
export interface GradeSeriesOptions {
  /** The campaign's own grading, when the caller already has it. */
  graded?: readonly GradedUnit[] | undefined
  /** How many periods, this campaign included (default `SERIES_MAX_PERIODS`). */
  max?: number
}

/**
 * Grades every period of the campaign's series (oldest first, up to `SERIES_MAX_PERIODS`), each
 * by `gradeCampaign` over its own units, exactly as its own results page grades it; the
 * campaign itself reuses the units already loaded in `context` (and `graded`, when given).
 * `max: 2` grades only the previous period, all a change needs.
 *
 * @example
 * const periods = await gradeSeries(db, context)
 */
export async function gradeSeries(
  db: Db,
  context: ResultsContext,
  { graded, max = SERIES_MAX_PERIODS }: GradeSeriesOptions = {},
): Promise<GradedPeriod[]> {
  const periods = await seriesPeriods(db, context.campaign.id, max)
  // One period at a time: up to 24 gradings would otherwise hold as many connections at once.
  const out: GradedPeriod[] = []
  for (const period of periods) {
    const own = period.campaignId === context.campaign.id
    const campaign = own ? context.campaign : await loadResultsCampaign(db, period.campaignId)
    const units = own ? context.units : await loadCampaignUnits(db, period.campaignId)
    const rows = own && graded ? graded : await gradeCampaign(db, campaign, units)
    out.push({
      period,
      bands: campaign.policy.bands,
      units: new Map(rows.map((row) => [row.unitId, row])),
    })
  }
  return out
}

/** A unit's row in one graded period; null where the period did not assess it. */
export function seriesRow(period: GradedPeriod, unitId: number): SeriesRow {
  const unit = period.units.get(unitId)
  if (!unit) return null
  const { composite, grade, stars, rank, vetoed } = unit
  return { composite, grade, stars, rank, vetoed }
}

/**
 * A unit across graded periods (oldest first, the campaign last): its row per period and its
 * change from the period before the campaign to the campaign.
 *
 * @example
 * const { rows, change } = unitAcross(await gradeSeries(db, context), 17)
 */
export function unitAcross(periods: readonly GradedPeriod[], unitId: number) {
  const rows = periods.map((period) => seriesRow(period, unitId))
  const last = periods[periods.length - 1]
  const before = periods[periods.length - 2]
  const change: GradeChange =
    last === undefined
      ? null
      : gradeChange({
          current: rows[rows.length - 1] ?? null,
          previous: before === undefined ? undefined : seriesRow(before, unitId),
          bands: last.bands,
          previousBands: before?.bands,
        })
  return { periods: periods.map((p) => p.period), rows, change }
}

/**
 * Each unit's change since the previous period (null for all when the campaign follows none),
 * grading only the campaign and the period before it.
 *
 * @example
 * const changes = await previousPeriodChanges(db, context, graded)
 * changes.get(17)?.change // 'up'
 */
export async function previousPeriodChanges(
  db: Db,
  context: ResultsContext,
  graded: readonly GradedUnit[],
): Promise<Map<number, GradeChange>> {
  const periods = await gradeSeries(db, context, { graded, max: 2 })
  return new Map(graded.map((unit) => [unit.unitId, unitAcross(periods, unit.unitId).change]))
}
