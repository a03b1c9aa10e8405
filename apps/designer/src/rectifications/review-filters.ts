import type { RectificationStatus } from '../api/branch'

/** The statuses the office filters by, the ones waiting for it first. */
export const STATUS_ORDER: readonly RectificationStatus[] = [
  'fixed',
  'returned',
  'open',
  'inProgress',
  'accepted',
]

/** The filters of the office's rectification screen, as its address keeps them. */
export interface ReviewFilters {
  campaignId?: number | undefined
  subtree?: number | undefined
  status?: RectificationStatus | undefined
  overdue: boolean
}

const positive = (text: string | null) => {
  const n = Number(text)
  return Number.isSafeInteger(n) && n > 0 ? n : undefined
}

/**
 * The filters from an address's query (`?campaignId=3&status=fixed&overdue=true`); anything
 * unknown is left out.
 *
 * @example
 * readFilters('?status=fixed&subtree=4') // { status: 'fixed', subtree: 4, overdue: false }
 */
export function readFilters(search: string): ReviewFilters {
  const params = new URLSearchParams(search)
  const status = params.get('status')
  const filters: ReviewFilters = { overdue: params.get('overdue') === 'true' }
  const campaignId = positive(params.get('campaignId'))
  const subtree = positive(params.get('subtree'))
  if (campaignId !== undefined) filters.campaignId = campaignId
  if (subtree !== undefined) filters.subtree = subtree
  if (STATUS_ORDER.some((s) => s === status)) filters.status = status as RectificationStatus
  return filters
}

/**
 * The query of an address for the filters, so the screen can be linked to and reloaded as it is.
 *
 * @example
 * filtersQuery({ status: 'fixed', overdue: false }) // '?status=fixed'
 */
export function filtersQuery(filters: ReviewFilters): string {
  const params = new URLSearchParams()
  if (filters.campaignId !== undefined) params.set('campaignId', String(filters.campaignId))
  if (filters.subtree !== undefined) params.set('subtree', String(filters.subtree))
  if (filters.status) params.set('status', filters.status)
  if (filters.overdue) params.set('overdue', 'true')
  const text = params.toString()
  return text ? `?${text}` : ''
}

/** Puts the filters in the address in place (no new history step per change). */
export function writeFilters(path: string, filters: ReviewFilters): void {
  if (location.pathname !== path) return
  history.replaceState(null, '', `${path}${filtersQuery(filters)}`)
}
