import type { GradeChangeKind } from '@yardstick/contract'
import type { UnitType } from '@yardstick/db'
import { type SourceLabelText, sourceLabelOf } from '@yardstick/sdk'
import { UNIT_TYPE_LABELS } from '../orgs/unit-types'

/** How an export names a campaign's source by its key (see `sourceNames`). */
export type SourceNamer = (key: string) => string

/**
 * How the exports name a campaign's sources (in Chinese, as every header is): a source's own
 * label where the campaign gave one, else the default source's name, else its key — the SDK's
 * `sourceLabelOf`, the one rule the designer and the report follow too.
 *
 * @example
 * const name = sourceNames([{ key: 'debriefing', label: { 'zh-CN': '述职评议' } }])
 * name('debriefing') // '述职评议'
 * name('members') // '党员群众测评'
 */
export function sourceNames(
  sources: ReadonlyArray<{ key: string; label?: SourceLabelText | null }>,
): SourceNamer {
  return (key) => sourceLabelOf(sources.find((source) => source.key === key) ?? { key }, 'zh-CN')
}

/** Chinese names of the usual grade keys; a band named otherwise (e.g. in Chinese) is shown as is. */
const GRADE_LABELS: Record<string, string> = {
  excellent: '优秀',
  advanced: '先进',
  good: '良好',
  standard: '达标',
  basic: '基本达标',
  lagging: '后进',
}

/**
 * A grade as people read it: `advanced` → 先进, `standard` → 达标, `lagging` → 后进; any other
 * band name unchanged.
 *
 * @example
 * gradeLabel('advanced') // '先进'
 * gradeLabel('五星') // '五星'
 */
export function gradeLabel(grade: string | null): string | null {
  if (grade === null) return null
  return Object.hasOwn(GRADE_LABELS, grade) ? (GRADE_LABELS[grade] as string) : grade
}

/**
 * A branch type in Chinese, or null when the unit has none.
 *
 * @example
 * unitTypeLabel('enterprise') // '企业'
 */
export function unitTypeLabel(unitType: UnitType | null): string | null {
  return unitType === null ? null : (UNIT_TYPE_LABELS[unitType]?.['zh-CN'] ?? unitType)
}

/** 晋级 / 降级 / 持平: a grade change as the results file names it. */
export const GRADE_CHANGE_LABELS: Record<GradeChangeKind, string> = {
  up: '晋级',
  down: '降级',
  same: '持平',
}
