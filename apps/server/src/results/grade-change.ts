import { bandOrder, type GradeChange, type SeriesRow } from '@yardstick/contract'
import type { GradeBand } from '@yardstick/sdk'

/**
 * How a unit moved from one period to the next: 晋级 `up` to a higher band, 降级 `down`, 持平
 * `same`, by the later period's band order (the earlier one's for a grade the later no longer
 * names); `change` and `starsDelta` are null when either period left it ungraded. Null when there
 * is no previous period.
 *
 * @example
 * gradeChange({ bands, previous: { grade: 'standard', stars: 3, … }, current: { grade: 'advanced', stars: 5, … } })
 * // { previousGrade: 'standard', previousStars: 3, change: 'up', starsDelta: 2 }
 */
export function gradeChange({
  current,
  previous,
  bands,
  previousBands = bands,
}: {
  current: SeriesRow
  /** undefined: no previous period; null: the previous period did not assess the unit. */
  previous: SeriesRow | undefined
  bands: readonly GradeBand[]
  previousBands?: readonly GradeBand[]
}): GradeChange {
  if (previous === undefined) return null
  const previousGrade = previous?.grade ?? null
  const previousStars = previous?.stars ?? null
  const grade = current?.grade ?? null
  if (grade === null || previousGrade === null) {
    return { previousGrade, previousStars, change: null, starsDelta: null }
  }
  const order = (g: string) => {
    const index = bandOrder(bands, g)
    return index === -1 ? bandOrder(previousBands, g) : index
  }
  const delta = order(previousGrade) - order(grade)
  const stars = current?.stars ?? null
  return {
    previousGrade,
    previousStars,
    change: delta > 0 ? 'up' : delta < 0 ? 'down' : 'same',
    starsDelta: stars === null || previousStars === null ? null : stars - previousStars,
  }
}
