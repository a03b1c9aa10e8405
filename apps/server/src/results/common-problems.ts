import type { CommonProblems } from '@yardstick/contract'
import type { Db, SourceKey } from '@yardstick/db'
import { localizedText } from '@yardstick/sdk'
import { AppError } from '../http/errors'
import { unitScope } from './access'
import type { ResultsContext } from './context'
import { declaredDimensions, titled } from './dimension-titles'
import { problemQuestions } from './problem-questions'
import { countLostPointUnits, countProblemUnits, countUnitsWithResponses } from './problem-sql'
import { MIN_ANONYMOUS_GROUP } from './question-report'
import { countResponses } from './question-sql'
import { loadSourceVersions } from './source-versions'
import { inFilter, type ResultsFilter } from './view'

/**
 * 共性问题 of one source: per question of its forms, how many of the units the reader may see
 * that match the filter answered 否 (a choice that opens a problem), lost points on it, or had
 * points deducted — worst first (most units; ties in the form's order), with the question's
 * title, dimension and share of the units with a response. Counted in SQL (`countProblemUnits`,
 * `countLostPointUnits`). An anonymous source's figures are withheld from a branch's own reader
 * below `MIN_ANONYMOUS_GROUP` responses, as the per-question report does.
 *
 * @example
 * const report = await commonProblems(db, context, 'self', {})
 * report.questions[0] // { name: 'partyDues', measure: 'problem', units: 812, share: 0.129, … }
 */
export async function commonProblems(
  db: Db,
  context: ResultsContext,
  sourceKey: SourceKey,
  filter: ResultsFilter,
): Promise<CommonProblems> {
  const { campaign, units, access } = context
  const source = campaign.sources.find((s) => s.key === sourceKey)
  if (!source) throw new AppError('notFound', `Campaign ${campaign.id} has no source ${sourceKey}`)
  const versions = (await loadSourceVersions(db, campaign)).get(sourceKey) ?? []
  const questions = versions.flatMap((v) => problemQuestions(v.formVersionId, v.form))
  const scope = unitScope(units, (unit) => access.shows(unit) && inFilter(unit, filter))
  const query = { campaignId: campaign.id, sourceKey, scope }
  const head = { source: sourceKey, withheldBelow: null }
  if (scope !== 'all' && scope.length === 0) {
    return { ...head, unitsWithResponses: 0, questions: [] }
  }
  if (access.secretaryOnly && source.anonymous) {
    const responses = await countResponses(db, campaign.id, sourceKey, scope)
    if (responses < MIN_ANONYMOUS_GROUP) {
      return { ...head, unitsWithResponses: 0, questions: [], withheldBelow: MIN_ANONYMOUS_GROUP }
    }
  }
  const [withResponses, problems, lostPoints] = await Promise.all([
    countUnitsWithResponses(db, query),
    countProblemUnits(db, query),
    countLostPointUnits(db, query, questions),
  ])
  const counts = new Map<string, number>()
  for (const row of [...problems, ...lostPoints]) counts.set(row.name, row.units)
  const dimensions = new Map(
    declaredDimensions(versions.map((v) => v.form)).map((d) => [d.name, d]),
  )
  const seen = new Set<string>()
  const rows = questions.flatMap(({ name, measure, planned }) => {
    if (seen.has(name)) return []
    seen.add(name)
    const units = counts.get(name) ?? 0
    const dimension = planned.dimension
    return [
      {
        name,
        title: {
          'zh-CN': localizedText(planned.title, 'zh-CN', name),
          en: localizedText(planned.title, 'en', name),
        },
        dimension:
          dimension === undefined ? null : (dimensions.get(dimension) ?? titled(dimension)),
        measure,
        units,
        share: withResponses === 0 ? 0 : units / withResponses,
      },
    ]
  })
  // A stable sort: equal counts keep the form's order.
  rows.sort((a, b) => b.units - a.units)
  return { ...head, unitsWithResponses: withResponses, questions: rows }
}
