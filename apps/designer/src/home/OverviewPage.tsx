import './home.css'
import '../rectifications/rectifications.css'
import type { RectificationList } from '../api/branch'
import type { CampaignSummary, Page } from '../api/types'
import { useApi } from '../api/useApi'
import { useErrorText } from '../api/useErrorText'
import { useResource } from '../api/useResource'
import { daysLeft } from '../branch/days-left'
import { sourceName } from '../campaigns/source-name'
import { useI18n } from '../i18n/I18nProvider'
import { RECTIFICATION_REVIEW_PATH } from '../rectifications/paths'
import { filtersQuery } from '../rectifications/review-filters'
import { Link } from '../router'

/** Per source, how many branches have completed it (`GET /api/campaigns/:id/participation`). */
interface ParticipationSummary {
  summary: Array<{ source: 'self' | 'members' | 'superior'; units: number; complete: number }>
}

const review = (query: Parameters<typeof filtersQuery>[0]) =>
  `${RECTIFICATION_REVIEW_PATH}${filtersQuery(query)}`

/**
 * The admin's home (需要关注, `/overview`): each open campaign with its deadline and how many
 * branches completed each source, then the rectifications overdue, waiting to be accepted (销号)
 * or returned, the most overdue listed, each count opening the office's list filtered to it.
 */
export function OverviewPage() {
  const { t } = useI18n()
  const errorText = useErrorText()
  const api = useApi()
  const campaigns = useResource('campaigns:100', (signal) =>
    api<Page<CampaignSummary>>('/api/campaigns?limit=100', { signal }),
  )
  const path = '/api/rectifications?overdue=true&sort=urgency&limit=5'
  const late = useResource(path, (signal) => api<RectificationList>(path, { signal }))
  const open = campaigns.data?.items.filter((c) => c.status === 'open') ?? []
  const counts = late.data?.counts

  return (
    <main className="page overview-page" data-home="overview">
      <h1>{t('overview.title')}</h1>
      <p className="muted">{t('overview.intro')}</p>
      <section aria-labelledby="overview-rect-h" className="overview-section">
        <h2 id="overview-rect-h">{t('overview.rectifications')}</h2>
        {late.error && (
          <p role="alert" className="error">
            {errorText(late.error)}
          </p>
        )}
        {counts && (
          <ul className="overview-counts">
            <li data-kind="overdue">
              <Link to={review({ overdue: true })}>
                {t('overview.overdue', { n: counts.overdue })}
              </Link>
            </li>
            <li data-kind="fixed">
              <Link to={review({ status: 'fixed', overdue: false })}>
                {t('overview.awaiting', { n: counts.byStatus.fixed })}
              </Link>
            </li>
            <li data-kind="returned">
              <Link to={review({ status: 'returned', overdue: false })}>
                {t('overview.returned', { n: counts.byStatus.returned })}
              </Link>
            </li>
          </ul>
        )}
        {late.data?.items.length === 0 && <p className="muted">{t('overview.noOverdue')}</p>}
        <ul className="overview-late">
          {late.data?.items.map((r) => (
            <li key={r.id}>
              {t('overview.overdueItem', {
                unit: r.unitName,
                title: r.title,
                deadline: r.deadline ?? '',
              })}
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="overview-campaigns-h" className="overview-section">
        <h2 id="overview-campaigns-h">{t('overview.campaigns', { n: open.length })}</h2>
        {campaigns.error && (
          <p role="alert" className="error">
            {errorText(campaigns.error)}
          </p>
        )}
        {campaigns.data && open.length === 0 && (
          <p className="muted">{t('overview.noCampaigns')}</p>
        )}
        <ul className="overview-campaigns">
          {open.map((campaign) => (
            <CampaignCard key={campaign.id} campaign={campaign} />
          ))}
        </ul>
      </section>
    </main>
  )
}

function CampaignCard({ campaign }: { campaign: CampaignSummary }) {
  const { t, locale } = useI18n()
  const api = useApi()
  const path = `/api/campaigns/${campaign.id}/participation?limit=1`
  const participation = useResource(path, (signal) => api<ParticipationSummary>(path, { signal }))
  const closes = new Intl.DateTimeFormat(locale, { dateStyle: 'medium' }).format(
    new Date(campaign.closesAt),
  )
  const left = daysLeft(campaign.closesAt)
  return (
    <li className="overview-campaign" data-campaign={campaign.id}>
      <div className="card-head">
        <strong>{campaign.name}</strong>
        <span className="muted">{t('overview.units', { n: campaign.unitCount })}</span>
      </div>
      <p className="muted">
        {t('overview.closes', { date: closes })} ·{' '}
        {campaign.accepting ? t('overview.closesIn', { n: left }) : t('overview.closed')}
      </p>
      {participation.error && <p className="muted">{t('overview.noParticipation')}</p>}
      <ul className="overview-sources">
        {participation.data?.summary.map((s) => (
          <li key={s.source}>
            <span>
              {t('overview.source', {
                source: sourceName(t, s.source),
                complete: s.complete,
                units: s.units,
              })}
            </span>
            <progress max={Math.max(1, s.units)} value={s.complete} />
          </li>
        ))}
      </ul>
      <p className="overview-links">
        <Link to={`/campaigns/${campaign.id}/participation`}>{t('overview.participation')}</Link>
        <Link to={`/campaigns/${campaign.id}`}>{t('overview.results')}</Link>
      </p>
    </li>
  )
}
