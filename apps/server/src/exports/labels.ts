import type { GradeChangeKind } from '@yardstick/contract'
import { SOURCE_KEYS, type SourceKey, type UnitType } from '@yardstick/db'
import { sourceLabel } from '@yardstick/sdk'
import { UNIT_TYPE_LABELS } from '../orgs/unit-types'

/**
 * Chinese names of the default evaluation sources, for export headers: the SDK's labels (one
 * home). A campaign's own source is named by `sourceLabelOf` where its label is at hand.
 */
export const SOURCE_LABELS: Partial<Record<SourceKey, string>> = Object.fromEntries(
  SOURCE_KEYS.map((key) => [key, sourceLabel(key, 'zh-CN')]),
)

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
