import type { AggregateCheck, AggregateDifference } from '@yardstick/contract'

/** How many differences the section lists; the rest are counted only. */
export const SHOWN_DIFFERENCES = 5

/** One listed difference: which table, which unit and source, and the two sets of figures. */
export interface DifferenceRow {
  table: AggregateDifference['table']
  unitId: string
  source: string
  /** The rest of the group's key (form version, dimension, question, answer), `k=v` joined. */
  group: string
  expected: string
  kept: string
}

/**
 * How many groups the check compared, over the three tables.
 *
 * @example
 * comparedGroups({ compared: { unit_source_totals: 3, unit_answer_totals: 9 } }) // 12
 */
export function comparedGroups(check: Pick<AggregateCheck, 'compared'>): number {
  return Object.values(check.compared).reduce<number>((n, count) => n + (count ?? 0), 0)
}

/**
 * The first `SHOWN_DIFFERENCES` differences as the section lists them: figures written
 * `k=v`, a missing side as `—`.
 *
 * @example
 * differenceRows(check)[0] // { table: 'unit_source_totals', unitId: '12', source: 'members', … }
 */
export function differenceRows(check: Pick<AggregateCheck, 'differences'>): DifferenceRow[] {
  return check.differences.slice(0, SHOWN_DIFFERENCES).map(({ table, key, expected, actual }) => {
    const { unit_id, source_key, ...rest } = key
    return {
      table,
      unitId: String(unit_id ?? '—'),
      source: String(source_key ?? '—'),
      group: figures(rest),
      expected: figures(expected),
      kept: figures(actual),
    }
  })
}

function figures(values: Record<string, unknown> | null): string {
  if (values === null) return '—'
  return Object.entries(values)
    .map(
      ([name, value]) =>
        `${name}=${typeof value === 'object' ? JSON.stringify(value) : String(value)}`,
    )
    .join(', ')
}
