import type { AggregateCheck, AggregateDifference } from '@yardstick/contract'

/** Differences printed per campaign by `pnpm verify-aggregates`; the rest are counted. */
export const MAX_PRINTED = 20

/** What `describeCheck` needs besides the check. */
export interface DescribeCheckOptions {
  /** The campaign's name, to recognise it. */
  name: string
  /** Names of the units the differences are about, by id. */
  unitNames?: ReadonlyMap<number, string>
  /** Differences printed; past it, one line counts the rest. */
  limit?: number
}

/**
 * The lines `pnpm verify-aggregates` prints for one campaign: what was compared, then one line
 * per difference (at most `limit`, then how many more).
 *
 * @example
 * describeCheck(check, { name: '2025年度综合评定' })
 * // ['campaign 7 (2025年度综合评定): compared 12 unit_source_totals, … rows: no differences']
 */
export function describeCheck(
  check: AggregateCheck,
  { name, unitNames = new Map(), limit = MAX_PRINTED }: DescribeCheckOptions,
): string[] {
  const compared = Object.entries(check.compared)
    .map(([table, rows]) => `${rows} ${table}`)
    .join(', ')
  const head = `campaign ${check.campaignId} (${name}): compared ${compared} rows`
  if (check.differenceCount === 0) return [`${head}: no differences`]
  const s = check.differenceCount === 1 ? '' : 's'
  const lines = [`${head}: ${check.differenceCount} difference${s}`]
  const printed = check.differences.slice(0, limit)
  for (const difference of printed) lines.push(`  ${describeDifference(difference, unitNames)}`)
  const rest = check.differenceCount - printed.length
  if (rest > 0) lines.push(`  … and ${rest} more`)
  return lines
}

/** `unit_source_totals, unit 17 (第一党支部), source members, form version 4: n kept 5, recomputed 4` */
function describeDifference(
  { table, key, expected, actual }: AggregateDifference,
  unitNames: ReadonlyMap<number, string>,
): string {
  const unitId = Number(key.unit_id)
  const unitName = unitNames.get(unitId)
  const group = [
    `unit ${unitId}${unitName ? ` (${unitName})` : ''}`,
    `source ${key.source_key}`,
    `form version ${key.form_version_id}`,
    ...('dimension' in key ? [`dimension ${key.dimension}`] : []),
    ...('question' in key ? [`question ${key.question}`] : []),
    ...('value' in key ? [`answer ${JSON.stringify(key.value)}`] : []),
  ].join(', ')
  return `${table}, ${group}: ${describeFigures(expected, actual)}`
}

function describeFigures(
  expected: Record<string, unknown> | null,
  actual: Record<string, unknown> | null,
): string {
  if (!actual) return `no kept row; the responses give ${figures(expected)}`
  if (!expected) return `kept ${figures(actual)}, but no response is in this group`
  return Object.keys({ ...expected, ...actual })
    .filter((field) => expected[field] !== actual[field])
    .map((field) => `${field} kept ${actual[field]}, recomputed ${expected[field]}`)
    .join('; ')
}

const figures = (values: Record<string, unknown> | null) =>
  Object.entries(values ?? {})
    .map(([field, value]) => `${field} ${value}`)
    .join(', ')
