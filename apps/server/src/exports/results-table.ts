import type { GradeChange } from '@yardstick/contract'
import { type EvaluationPolicy, roundForDisplay } from '@yardstick/sdk'
import type { GradedUnit } from '../results/grade'
import type { CellValue } from './cells'
import { GRADE_CHANGE_LABELS, gradeLabel, type SourceNamer, unitTypeLabel } from './labels'
import type { XlsxColumn } from './xlsx-stream'

/**
 * The results as a table with Chinese headers: 支部, 类型, each source's 得分 and 份数, 综合得分,
 * 等次, 星级, 名次, 一票否决, 未评定原因, and, from `changes` (the series' change since the previous
 * period), 上期等次 and 等次变化 (晋级 / 降级 / 持平), then a 测评表 column for each source whose units
 * answered it on more than one instrument (分类制定). Scores are rounded to two decimals for display.
 *
 * @example
 * const { columns, rows } = resultsTable(policy, sortResults(shown, 'rank'), changes, sourceNames(campaign.sources))
 */
export function resultsTable(
  policy: EvaluationPolicy,
  units: readonly GradedUnit[],
  changes: ReadonlyMap<number, GradeChange>,
  sourceName: SourceNamer,
): { columns: XlsxColumn[]; rows: CellValue[][] } {
  const instrumentSources = severalInstruments(policy, units)
  const sourceColumns = policy.sources.flatMap(({ key }) => {
    const label = sourceName(key)
    return [
      { header: `${label}得分`, width: 14 },
      { header: `${label}份数`, width: 12 },
    ]
  })
  const columns: XlsxColumn[] = [
    { header: '支部', width: 28 },
    { header: '类型', width: 12 },
    ...sourceColumns,
    { header: '综合得分', width: 10 },
    { header: '等次', width: 8 },
    { header: '星级', width: 6 },
    { header: '名次', width: 6 },
    { header: '一票否决', width: 8 },
    { header: '未评定原因', width: 48 },
    { header: '上期等次', width: 8 },
    { header: '等次变化', width: 8 },
    ...instrumentSources.map((key) => ({ header: `${sourceName(key)}测评表`, width: 28 })),
  ]
  const rows = units.map((unit): CellValue[] => [
    unit.name,
    unitTypeLabel(unit.unitType),
    ...policy.sources.flatMap(({ key }) => {
      const summary = unit.sources[key]
      return [roundForDisplay(summary?.value ?? null), summary?.n ?? 0]
    }),
    roundForDisplay(unit.composite),
    gradeLabel(unit.grade),
    unit.stars,
    unit.rank,
    unit.vetoed ? '是' : '否',
    incompleteReason(unit),
    ...changeCells(changes.get(unit.unitId) ?? null),
    ...instrumentSources.map((key) => instrumentOf(unit, key)),
  ])
  return { columns, rows }
}

// The SDK's note already names the source by its label (党员群众测评), not its key.
function incompleteReason({ incomplete }: GradedUnit): string | null {
  return incomplete ? incomplete.message['zh-CN'] : null
}

function changeCells(change: GradeChange): CellValue[] {
  if (change === null) return [null, null]
  return [gradeLabel(change.previousGrade), change.change && GRADE_CHANGE_LABELS[change.change]]
}

// A source whose units answer it on more than one instrument (分类制定) gets a 测评表 column.
function severalInstruments(policy: EvaluationPolicy, units: readonly GradedUnit[]): string[] {
  return policy.sources
    .map(({ key }) => key)
    .filter((key) => new Set(units.map((unit) => instrument(unit, key)?.formVersion)).size > 1)
}

function instrument(unit: GradedUnit, key: string) {
  return unit.instruments.find((used) => used.source === key)
}

function instrumentOf(unit: GradedUnit, key: string): string | null {
  return instrument(unit, key)?.title ?? null
}
