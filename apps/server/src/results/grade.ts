import type { UnitResult } from '@yardstick/contract'
import type { Db, UnitType } from '@yardstick/db'
import {
  EvaluationPolicyError,
  evaluateSummaries,
  type SourceSummary,
  summarizeSourceTotals,
  type UnitSummaryInput,
} from '@yardstick/sdk'
import { AppError } from '../http/errors'
import { loadSourceTotals } from './aggregates'
import { type ResultsCampaign, unitInstruments } from './campaign'
import type { CampaignUnit } from './units'

/**
 * One unit's row of results as the API sends it (the contract's `UnitResult`), with the unit's
 * organisation path, which filters read and `resultsView` drops before answering.
 */
export type GradedUnit = UnitResult & { path: string }

/**
 * Grades every unit of a campaign: per (unit, source) aggregates from SQL, summarised and graded
 * by the SDK's `evaluateSummaries` — the one grading code path. Always the whole campaign, so a
 * unit's grade and rank never depend on what a reader filters. Unit ids become the SDK's
 * `unitId` as decimal text, so quota ties go to the smaller id in code-unit order (`'10' < '9'`).
 *
 * @example
 * const results = await gradeCampaign(db, campaign, units)
 */
export async function gradeCampaign(
  db: Db,
  campaign: ResultsCampaign,
  units: readonly CampaignUnit[],
): Promise<GradedUnit[]> {
  const { policy } = campaign
  const totals = await loadSourceTotals(db, campaign.id)
  const inputs = new Map<number, UnitSummaryInput & { sources: Record<string, SourceSummary> }>(
    units.map((unit) => [unit.id, { unitId: String(unit.id), sources: {}, vetoed: false }]),
  )
  const measures = new Map(policy.sources.map((source) => [source.key, source.measure]))
  for (const row of totals) {
    const input = inputs.get(row.unitId)
    // Responses of units or sources no longer in the campaign do not count.
    if (!input || !measures.has(row.sourceKey)) continue
    input.sources[row.sourceKey] = summarizeSourceTotals(row, measures.get(row.sourceKey))
    input.vetoed ||= row.veto
  }
  const evaluations = gradeOrExplain(campaign, [...inputs.values()])
  // A handful of branch types, so one list of instruments each, shared by their units' rows.
  const instrumentsOf = new Map<UnitType | null, ReturnType<typeof unitInstruments>>()
  const instrumentsFor = (unitType: UnitType | null) => {
    let known = instrumentsOf.get(unitType)
    if (!known) {
      known = unitInstruments(campaign, unitType)
      instrumentsOf.set(unitType, known)
    }
    return known
  }
  return units.map((unit, i) => {
    const evaluation = evaluations[i] as (typeof evaluations)[number]
    const { sources, composite, grade, stars, rank, demoted, vetoed, incomplete } = evaluation
    return {
      unitId: unit.id,
      name: unit.name,
      unitType: unit.unitType,
      parentId: unit.parentId,
      path: unit.path,
      sources,
      composite,
      grade,
      stars,
      rank,
      demoted,
      vetoed,
      incomplete: incomplete ?? null,
      instruments: instrumentsFor(unit.unitType),
    }
  })
}

// A stored policy the SDK refuses is the campaign's problem, not the reader's: 409 with the why.
function gradeOrExplain(campaign: ResultsCampaign, inputs: UnitSummaryInput[]) {
  try {
    return evaluateSummaries(campaign.policy, inputs)
  } catch (error) {
    if (!(error instanceof EvaluationPolicyError)) throw error
    throw new AppError('conflict', `Campaign ${campaign.id} cannot be graded: ${error.message}`, {
      code: error.code,
      path: error.details.path,
    })
  }
}
