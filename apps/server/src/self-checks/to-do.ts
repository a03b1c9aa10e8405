import { type Db, schema } from '@yardstick/db'
import { and, asc, eq, inArray, type SQL, sql } from 'drizzle-orm'
import { assertReaches } from '../auth/access'
import type { AuthUser } from '../auth/sessions'
import { AppError } from '../http/errors'
import { isTakingSubmissions, SELF_CHECK_READERS } from './context'
import { localToday } from './dates'
import { SETTLED_STATUSES } from './rectification-rules'

const { campaigns, campaignSources, campaignUnits, orgs, selfChecks, rectifications } = schema

/**
 * The branches whose to-do list a user asks for: `unitId` (403 unless they read it), or else
 * the branches of their secretary grants.
 */
async function branchesOf(db: Db, user: AuthUser, unitId: number | undefined): Promise<number[]> {
  if (unitId === undefined) {
    return [...new Set(user.grants.filter((g) => g.role === 'secretary').map((g) => g.orgId))]
  }
  const [unit] = await db
    .select({ path: orgs.path, name: orgs.name })
    .from(orgs)
    .where(eq(orgs.id, unitId))
  if (!unit) throw new AppError('notFound', `No organisation ${unitId}`)
  assertReaches(user, unit.path, SELF_CHECK_READERS, `the self-checks of ${unit.name}`)
  return [unitId]
}

const counted = (condition: SQL) =>
  sql<number>`(select count(*) from ${rectifications} where ${rectifications.campaignId} = ${campaigns.id} and ${rectifications.unitId} = ${orgs.id} and ${condition})`.mapWith(
    Number,
  )

/**
 * What a branch has to do (支部待办): each open campaign with a `self` source that assesses the
 * branch, with its window (the closing time is the deadline), whether it takes submissions now,
 * the self-check's status (`draft` until it is started), and the branch's rectifications there
 * still open (not accepted) and overdue. The ones still to submit come first, nearest deadline
 * first; submitted ones follow. Campaigns without a self-check, drafts and closed ones are not
 * the branch's to do.
 *
 * @param unitId one branch (403 unless the user reads it); default: the user's secretary branches
 * @example
 * const items = await selfCheckToDo(db, user)
 */
export async function selfCheckToDo(db: Db, user: AuthUser, unitId?: number) {
  const units = await branchesOf(db, user, unitId)
  if (units.length === 0) return { items: [] }
  const today = localToday()
  const rows = await db
    .select({
      campaign: campaigns,
      unitId: orgs.id,
      unitName: orgs.name,
      selfCheckId: selfChecks.id,
      status: selfChecks.status,
      submittedAt: selfChecks.submittedAt,
      updatedAt: selfChecks.updatedAt,
      openRectifications: counted(sql`${rectifications.status} <> 'accepted'`),
      overdueRectifications: counted(
        sql`${rectifications.deadline} < ${today}::date and ${rectifications.status} not in (${sql.join(
          SETTLED_STATUSES.map((s) => sql`${s}`),
          sql`, `,
        )})`,
      ),
    })
    .from(campaignUnits)
    .innerJoin(campaigns, eq(campaigns.id, campaignUnits.campaignId))
    .innerJoin(
      campaignSources,
      and(
        eq(campaignSources.campaignId, campaigns.id),
        eq(campaignSources.answeredBy, 'selfCheck'),
      ),
    )
    .innerJoin(orgs, eq(orgs.id, campaignUnits.unitId))
    .leftJoin(
      selfChecks,
      and(eq(selfChecks.campaignId, campaigns.id), eq(selfChecks.unitId, orgs.id)),
    )
    .where(and(inArray(campaignUnits.unitId, units), eq(campaigns.status, 'open')))
    .orderBy(
      sql`case when ${selfChecks.status} = 'submitted' then 1 else 0 end`,
      asc(campaigns.closesAt),
      asc(campaigns.id),
      asc(orgs.id),
    )
  return {
    items: rows.map((row) => ({
      campaignId: row.campaign.id,
      campaignName: row.campaign.name,
      opensAt: row.campaign.opensAt.toISOString(),
      closesAt: row.campaign.closesAt.toISOString(),
      accepting: isTakingSubmissions(row.campaign),
      unitId: row.unitId,
      unitName: row.unitName,
      started: row.selfCheckId !== null,
      status: row.status ?? 'draft',
      submittedAt: row.submittedAt?.toISOString() ?? null,
      updatedAt: row.updatedAt?.toISOString() ?? null,
      openRectifications: row.openRectifications,
      overdueRectifications: row.overdueRectifications,
    })),
  }
}
