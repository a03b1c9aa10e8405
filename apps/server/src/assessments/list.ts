import type { PageQuery } from '@yardstick/contract'
import type { Db, UnitType } from '@yardstick/db'
import { queryRows } from '@yardstick/db'
import { type SQL, sql } from 'drizzle-orm'
import { reachablePaths } from '../auth/access'
import type { AuthUser } from '../auth/sessions'
import { pageStart, toPage } from '../forms/pagination'
import { AppError } from '../http/errors'
import { acceptsResponses } from '../submissions/link-context'

/** Filters of `listAssessments`: one campaign, only what is left to score, and the page. */
export type AssessmentFilter = PageQuery & { campaignId?: number; todo?: boolean }

/** One open campaign an assessor scores in, with their progress and everyone's. */
export interface AssessmentCampaign {
  id: number
  name: string
  opensAt: string
  closesAt: string
  /** Open and within [opensAt, closesAt]: a scorecard can be submitted now. */
  accepting: boolean
  /** Branches of the campaign the assessor's grants reach. */
  total: number
  /** Of those, the ones they have scored themselves. */
  scoredByMe: number
  /** Of those, the ones anyone has scored. */
  scoredByAnyone: number
}

/** One branch to score in one campaign: where its scorecard is, and whether it is done. */
export interface AssessmentItem {
  campaignId: number
  campaignName: string
  unitId: number
  unitName: string
  unitType: UnitType | null
  /** The organisation just above the branch (its sub-committee). */
  parentName: string | null
  /** The scorecard's link slug; the page answering it is `url`. */
  slug: string
  url: string
  scoredByMe: boolean
  /** When they last scored it; null while it is still theirs to score. */
  myLastScoredAt: string | null
  /** Scorecards stored for the branch in this campaign, by anyone. */
  responses: number
}

/** `GET /api/assessments`: the campaigns, then a page of branches still to score first. */
export interface AssessmentList {
  campaigns: AssessmentCampaign[]
  items: AssessmentItem[]
  total: number
  nextOffset: number | null
  nextCursor: string | null
}

interface ItemRow {
  campaignId: number
  campaignName: string
  unitId: number
  unitName: string
  unitType: UnitType | null
  parentName: string | null
  slug: string
  myLast: Date | string | null
  responses: number
}

interface CampaignRow {
  id: number
  name: string
  status: 'draft' | 'open' | 'closed'
  opensAt: Date | string
  closesAt: Date | string
  total: number
  scoredByMe: number
  scoredByAnyone: number
}

/**
 * The assessor's home (上级考评, 述职评议): every open campaign with a source the user answers
 * signed in — an `assessors` source, for each branch their assessor grants (or admin grants)
 * reach, and a `panel` source they are named on, for every branch of the campaign — with its
 * link and whether they (or anyone) rated it, branches still theirs to rate first (then by
 * campaign, newest first, and by the organisation tree). Offset paging, as every list; the
 * campaigns with their progress come whole. Throws 403 for a user with no assessor or admin
 * grant who is on no panel.
 *
 * @example
 * const { campaigns, items } = await listAssessments(db, user, { limit: 50, todo: true })
 */
export async function listAssessments(
  db: Db,
  user: AuthUser,
  { campaignId, todo = false, ...query }: AssessmentFilter,
): Promise<AssessmentList> {
  const paths = reachablePaths(user, ['assessor'])
  if (paths.length === 0 && !(await onAnyPanel(db, user.id))) {
    throw new AppError('forbidden', 'Only assessors (and admins) have branches to score', {
      roles: ['assessor'],
    })
  }
  if (query.cursor !== undefined) {
    throw new AppError('badRequest', 'Assessments are paged by offset (they run by branch)')
  }
  const { offset } = pageStart(query)
  const branches = reachedBranches(user.id, paths, campaignId)
  const [rows, campaigns] = await Promise.all([
    queryRows<ItemRow & { total: number }>(
      db,
      sql`with b as (${branches})
        select *, count(*) over ()::int as total from b
        ${todo ? sql`where "myLast" is null` : sql``}
        order by ("myLast" is not null), "campaignId" desc, path, "unitId", slug
        limit ${query.limit + 1} offset ${offset}`,
    ),
    queryRows<CampaignRow>(
      db,
      sql`with b as (${branches})
        select c.id, c.name, c.status, c.opens_at as "opensAt", c.closes_at as "closesAt",
          count(*)::int as total,
          count(b."myLast")::int as "scoredByMe",
          count(*) filter (where b.responses > 0)::int as "scoredByAnyone"
        from b join campaigns c on c.id = b."campaignId"
        group by c.id order by c.id desc`,
    ),
  ])
  const page = toPage(rows, {
    limit: query.limit,
    offset,
    total: rows[0]?.total ?? (offset > 0 ? await countOf(db, branches, todo) : 0),
    keyOf: (row) => row.unitId,
    cursorPaging: false,
  })
  return {
    campaigns: campaigns.map((c) => ({
      id: c.id,
      name: c.name,
      opensAt: iso(c.opensAt),
      closesAt: iso(c.closesAt),
      accepting: acceptsResponses({
        status: c.status,
        opensAt: new Date(c.opensAt),
        closesAt: new Date(c.closesAt),
      }),
      total: c.total,
      scoredByMe: c.scoredByMe,
      scoredByAnyone: c.scoredByAnyone,
    })),
    items: page.items.map(({ total: _total, myLast, ...row }) => ({
      campaignId: row.campaignId,
      campaignName: row.campaignName,
      unitId: row.unitId,
      unitName: row.unitName,
      unitType: row.unitType,
      parentName: row.parentName,
      slug: row.slug,
      url: `/s/${encodeURIComponent(row.slug)}`,
      scoredByMe: myLast !== null,
      myLastScoredAt: myLast === null ? null : iso(myLast),
      responses: row.responses,
    })),
    total: page.total,
    nextOffset: page.nextOffset,
    nextCursor: null,
  }
}

/**
 * Each (open campaign, branch, source) the user rates signed in: an `assessors` source's link the
 * grants at `paths` reach, a `panel` source's link where they are on its panel; with the user's
 * last response time and everyone's count.
 */
function reachedBranches(userId: number, paths: string[], campaignId: number | undefined): SQL {
  const reach =
    paths.length === 0
      ? sql`false`
      : sql.join(
          paths.map((path) => sql`o.path like ${`${path}%`}`),
          sql` or `,
        )
  return sql`select l.campaign_id as "campaignId", c.name as "campaignName",
      l.unit_id as "unitId", o.name as "unitName", o.unit_type as "unitType",
      p.name as "parentName", o.path, l.slug,
      (select max(r.created_at) from responses r
        where r.campaign_id = l.campaign_id and r.unit_id = l.unit_id
          and r.source_key = l.source_key and r.respondent_id = ${userId}) as "myLast",
      (select count(*)::int from responses r
        where r.campaign_id = l.campaign_id and r.unit_id = l.unit_id
          and r.source_key = l.source_key) as responses
    from links l
    join campaigns c on c.id = l.campaign_id and c.status = 'open'
    join campaign_sources s on s.campaign_id = l.campaign_id and s.key = l.source_key
    join orgs o on o.id = l.unit_id
    left join orgs p on p.id = o.parent_id
    where ((s.answered_by = 'assessors' and (${reach}))
      or (s.answered_by = 'panel' and exists (select 1 from campaign_source_panel sp
        where sp.campaign_id = l.campaign_id and sp.source_key = l.source_key
          and sp.user_id = ${userId})))
      ${campaignId === undefined ? sql`` : sql`and l.campaign_id = ${campaignId}`}`
}

/** Whether the user is named on any panel source (述职评议), whatever its campaign's status. */
async function onAnyPanel(db: Db, userId: number): Promise<boolean> {
  const [row] = await queryRows<{ n: number }>(
    db,
    sql`select 1 as n from campaign_source_panel where user_id = ${userId} limit 1`,
  )
  return row !== undefined
}

/** The count of a filtered list when the page asked for lies past its end (no row to carry it). */
async function countOf(db: Db, branches: SQL, todo: boolean): Promise<number> {
  const [row] = await queryRows<{ n: number }>(
    db,
    sql`with b as (${branches}) select count(*)::int as n from b
      ${todo ? sql`where "myLast" is null` : sql``}`,
  )
  return row?.n ?? 0
}

function iso(value: Date | string): string {
  return new Date(value).toISOString()
}
