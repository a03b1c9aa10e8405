import type { Role } from '@yardstick/db'
import { reachablePaths } from '../auth/access'
import type { AuthUser } from '../auth/sessions'
import { AppError } from '../http/errors'
import { type CampaignUnit, isUnder } from './units'

/** The roles that read a campaign's results for the units they reach (admin holds them all). */
export const OFFICE_READER_ROLES: readonly Role[] = ['editor', 'assessor']

/** What one user may read of one campaign's results. */
export interface ResultsAccess {
  /** Whether the unit's row (and its responses in aggregates) may be shown. */
  shows: (unit: Pick<CampaignUnit, 'path'>) => boolean
  /** Whether the unit's raw responses may be exported (office roles only, never a secretary). */
  exportsRaw: (unit: Pick<CampaignUnit, 'path'>) => boolean
  /**
   * True for a reader who sees only their own branch as secretary: the grade distribution and
   * participation then cover the whole campaign (aggregates without names), and filters do not
   * narrow them, so no filter can single out another branch's grade.
   */
  secretaryOnly: boolean
}

/**
 * Decides what a user may read of a campaign's results. Admin, editor or assessor reaching the
 * campaign's office see every unit; reaching only some units, they see those; a secretary sees
 * the branches they are secretary of. Anyone who would see no unit gets 403 `forbidden`. A
 * closed campaign's units are matched where they were when it closed (`isUnder`).
 *
 * @example
 * const access = resultsAccess(c.var.user, campaign, units)
 * const rows = units.filter(access.shows)
 */
export function resultsAccess(
  user: AuthUser,
  campaign: { id: number; orgPath: string },
  units: readonly CampaignUnit[],
): ResultsAccess {
  const officePaths = reachablePaths(user, OFFICE_READER_ROLES)
  const secretaryPaths = user.grants.filter((g) => g.role === 'secretary').map((g) => g.path)
  const seesAll = officePaths.some((path) => campaign.orgPath.startsWith(path))
  const under = (paths: string[]) => (unit: Pick<CampaignUnit, 'path'>) =>
    paths.some((path) => isUnder(unit.path, path))
  const office = seesAll ? () => true : under(officePaths)
  const secretary = under(secretaryPaths)
  const shows = (unit: Pick<CampaignUnit, 'path'>) => office(unit) || secretary(unit)
  if (!seesAll && !units.some(shows)) {
    throw new AppError(
      'forbidden',
      `You have no admin, editor, assessor or secretary role that reaches campaign ${campaign.id} or any of its units`,
      { roles: [...OFFICE_READER_ROLES, 'secretary'] },
    )
  }
  return { shows, exportsRaw: office, secretaryOnly: !seesAll && !units.some(office) }
}

/**
 * The ids of the units a query may cover: those `include` keeps, or `'all'` when it keeps every
 * unit (so SQL needs no id list).
 *
 * @example
 * const scope = unitScope(units, (unit) => access.shows(unit) && inFilter(unit, filter))
 */
export function unitScope(
  units: readonly CampaignUnit[],
  include: (unit: CampaignUnit) => boolean,
): number[] | 'all' {
  const ids = units.filter(include).map((unit) => unit.id)
  return ids.length === units.length ? 'all' : ids
}
