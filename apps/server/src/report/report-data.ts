import {
  type CampaignReport,
  type FilterQuery,
  REPORT_TOP_PROBLEMS,
  REPORT_WEAKEST_DIMENSIONS,
} from '@yardstick/contract'
import { type Db, schema } from '@yardstick/db'
import { eq } from 'drizzle-orm'
import { loadParticipation } from '../participation/participation'
import { commonProblems } from '../results/common-problems'
import type { ResultsContext } from '../results/context'
import { dimensionFigures } from '../results/dimension-figures'
import { gradeCampaign } from '../results/grade'
import { gradeDistribution, inFilter, participationOf, type ResultsFilter } from '../results/view'
import { localToday } from '../self-checks/dates'
import { reportRanking } from './report-ranking'
import { rectificationCounts } from './report-rectifications'

/**
 * Everything the printed 通报 of a campaign shows, for the units the reader may see that match
 * the filter, gathered from the modules the dashboard reads: grades and shares as
 * `GET /results` counts them (graded over the whole campaign; a secretary's distribution covers
 * the whole campaign), the ranking (`reportRanking`), each source's dimension medians and its
 * weakest dimensions, its first 共性问题, participation (for readers who may read it) and the
 * rectifications by status and origin.
 *
 * @example
 * const report = await campaignReport(db, context, { subtree: 4 }, { subtreePath: '/1/4/' })
 */
export async function campaignReport(
  db: Db,
  context: ResultsContext,
  query: FilterQuery,
  filter: ResultsFilter,
  now: Date = new Date(),
): Promise<CampaignReport> {
  const { campaign, units, access } = context
  const graded = await gradeCampaign(db, campaign, units)
  const inScope = (unit: Pick<(typeof units)[number], 'path' | 'unitType'>) =>
    access.shows(unit) && inFilter(unit, filter)
  const shown = graded.filter(inScope)
  const counted = access.secretaryOnly ? graded : shown
  const keys = campaign.sources.map((source) => source.key)
  const [head, figures, problems, participation, rectifications] = await Promise.all([
    campaignHead(db, campaign.id, query.subtree),
    dimensionFigures(db, context, inScope),
    Promise.all(keys.map((key) => commonProblems(db, context, key, filter))),
    units.some(access.exportsRaw)
      ? loadParticipation(db, context, filter, '').then(({ summary }) => summary)
      : null,
    rectificationCounts(db, context, filter, localToday(now)),
  ])
  return {
    campaign: head.campaign,
    generatedAt: now.toISOString(),
    scope: { subtree: head.subtree, unitType: query.unitType ?? null },
    distribution: gradeDistribution(campaign.policy, counted),
    totals: participationOf(campaign.policy, counted),
    ranking: reportRanking(campaign.policy, shown),
    dimensions: figures.sources.map((source) => ({ ...source, weakest: weakest(source) })),
    commonProblems: problems.map((report) => ({
      ...report,
      questions: report.questions.slice(0, REPORT_TOP_PROBLEMS),
    })),
    participation,
    rectifications,
    sources: campaign.sources.map(({ key, label }) => ({ key, label })),
  }
}

type SourceDimensions = CampaignReport['dimensions'][number]

/** The dimensions with the lowest median (those with a median only), lowest first. */
function weakest(source: Omit<SourceDimensions, 'weakest'>): string[] {
  return source.dimensions
    .filter((d): d is typeof d & { median: number } => d.median !== null)
    .sort((a, b) => a.median - b.median)
    .slice(0, REPORT_WEAKEST_DIMENSIONS)
    .map((d) => d.name)
}

async function campaignHead(db: Db, campaignId: number, subtreeId: number | undefined) {
  const { campaigns, orgs } = schema
  const [[row], subtree] = await Promise.all([
    db
      .select({
        id: campaigns.id,
        name: campaigns.name,
        office: orgs.name,
        opensAt: campaigns.opensAt,
        closesAt: campaigns.closesAt,
      })
      .from(campaigns)
      .innerJoin(orgs, eq(orgs.id, campaigns.orgId))
      .where(eq(campaigns.id, campaignId)),
    subtreeId === undefined
      ? []
      : db.select({ id: orgs.id, name: orgs.name }).from(orgs).where(eq(orgs.id, subtreeId)),
  ])
  // loadResultsContext found the campaign, and resolveFilter the subtree, just before.
  const found = row as NonNullable<typeof row>
  return {
    campaign: {
      ...found,
      opensAt: found.opensAt.toISOString(),
      closesAt: found.closesAt.toISOString(),
    },
    subtree: subtree[0] ?? null,
  }
}
