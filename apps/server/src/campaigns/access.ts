import { type Db, schema } from '@yardstick/db'
import { and, eq, type SQL, sql } from 'drizzle-orm'
import { reachablePaths, reaches } from '../auth/access'
import type { AuthUser } from '../auth/sessions'
import { AppError } from '../http/errors'

/** A campaign row with its office's path. */
export type CampaignRow = typeof schema.campaigns.$inferSelect & {
  orgPath: string
  orgName: string
}

/**
 * Who sees a campaign, as SQL over `campaigns`: anyone with a role reaching its office, or
 * reaching one of its units (a branch secretary, an assessor of a sub-committee).
 *
 * @example
 * db.select().from(schema.campaigns).where(campaignVisibleTo(user))
 */
export function campaignVisibleTo(user: AuthUser): SQL {
  const paths = [...new Set(user.grants.map((grant) => grant.path))]
  if (paths.length === 0) return sql`false`
  // Written out in full: drizzle leaves columns unqualified in one-table queries, and inside
  // these subqueries an unqualified "id" would name the wrong table.
  const prefixes = (column: string) =>
    sql.join(
      paths.map((path) => sql`${sql.raw(column)} like ${`${path}%`}`),
      sql` or `,
    )
  return sql`(exists (select 1 from "orgs" "office" where "office"."id" = "campaigns"."org_id"
      and (${prefixes('"office"."path"')}))
    or exists (select 1 from "campaign_units" "cu" join "orgs" "unit" on "unit"."id" = "cu"."unit_id"
      where "cu"."campaign_id" = "campaigns"."id" and (${prefixes('"unit"."path"')})))`
}

/**
 * A campaign the user may see, or 404 (an invisible campaign is not confirmed to exist).
 *
 * @example
 * const campaign = await visibleCampaign(db, user, 7)
 */
export async function visibleCampaign(db: Db, user: AuthUser, id: number): Promise<CampaignRow> {
  const { campaigns, orgs } = schema
  const [row] = await db
    .select({ campaign: campaigns, orgPath: orgs.path, orgName: orgs.name })
    .from(campaigns)
    .innerJoin(orgs, eq(orgs.id, campaigns.orgId))
    .where(and(eq(campaigns.id, id), campaignVisibleTo(user)))
  if (!row) throw new AppError('notFound', `No campaign ${id}`)
  return { ...row.campaign, orgPath: row.orgPath, orgName: row.orgName }
}

/**
 * Whether the user manages the campaign: admin or editor reaching its office. A role reaching
 * only some of its units (a sub-committee's editor) lets one see it, not manage it.
 *
 * @example
 * const canManage = managesCampaign(user, await visibleCampaign(db, user, id))
 */
export function managesCampaign(user: AuthUser, campaign: CampaignRow): boolean {
  return reaches(user, campaign.orgPath, ['editor'])
}

/** Throws 403 unless `managesCampaign(user, campaign)`. */
export function assertManages(user: AuthUser, campaign: CampaignRow): void {
  if (!managesCampaign(user, campaign)) {
    throw new AppError(
      'forbidden',
      `Only an admin or editor of ${campaign.orgName} manages this campaign`,
      {
        roles: ['admin', 'editor'],
      },
    )
  }
}

/** The org paths whose links a user may list: their editor, assessor and secretary subtrees. */
export function linkPaths(user: AuthUser): string[] {
  return reachablePaths(user, ['editor', 'assessor', 'secretary'])
}
