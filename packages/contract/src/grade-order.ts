// No zod here: the designer imports this module at run time through `@yardstick/contract/periods`.
import type { GradeBand } from '@yardstick/sdk'

/**
 * A grade's place in the bands, 0 the highest: bands are ordered by their minimum, high to low,
 * whatever order they are stored in. -1 for a grade no band names.
 *
 * @example
 * bandOrder([{ min: 0, grade: 'lagging' }, { min: 90, grade: 'advanced' }], 'lagging') // 1
 */
export function bandOrder(
  bands: readonly Pick<GradeBand, 'min' | 'grade'>[],
  grade: string,
): number {
  return [...bands].sort((a, b) => b.min - a.min).findIndex((band) => band.grade === grade)
}

/**
 * The lowest band's grade (the one with the smallest minimum): the grade a 转化 plan is for.
 *
 * @example
 * lowestGrade([{ min: 90, grade: 'advanced' }, { min: 0, grade: 'lagging' }]) // 'lagging'
 */
export function lowestGrade(
  bands: readonly Pick<GradeBand, 'min' | 'grade'>[],
): string | undefined {
  return [...bands].sort((a, b) => a.min - b.min)[0]?.grade
}
