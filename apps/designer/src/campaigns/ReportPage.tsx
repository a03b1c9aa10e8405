import type { CampaignReport } from '@yardstick/contract'
import { query } from '../api/client'
import { useApi } from '../api/useApi'
import { useErrorText } from '../api/useErrorText'
import { useResource } from '../api/useResource'
import { useI18n } from '../i18n/I18nProvider'
import { Link } from '../router'
import { ReportAnalysis } from './ReportAnalysis'
import { ReportFollowUp } from './ReportFollowUp'
import { ReportGrades } from './ReportGrades'
import './report.css'

const DATE = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai' })
const TIME = new Intl.DateTimeFormat('sv-SE', {
  timeZone: 'Asia/Shanghai',
  dateStyle: 'short',
  timeStyle: 'short',
})

/** `?subtree=` and `?unitType=` of the address: the dashboard's filters the report keeps. */
function filtersOfAddress() {
  const search = new URLSearchParams(location.search)
  return {
    subtree: search.get('subtree') ?? undefined,
    unitType: search.get('unitType') ?? undefined,
  }
}

/**
 * The printable results report (通报) of a campaign for the dashboard's filters: on screen with a
 * print button and the server's PDF; on paper (report.css) A4 pages without the app around it,
 * each section on a new page, no table row split.
 */
export function ReportPage({ campaignId }: { campaignId: number }) {
  const { t, locale } = useI18n()
  const api = useApi()
  const errorText = useErrorText()
  const filterQuery = query(filtersOfAddress())
  const path = `/api/campaigns/${campaignId}/report${filterQuery}`
  const report = useResource(path, (signal) => api<CampaignReport>(path, { signal }))
  const data = report.data
  return (
    <main className="page report-page">
      <div className="report-toolbar no-print">
        <Link to={`/campaigns/${campaignId}`}>← {t('report.back')}</Link>
        <span className="spacer" />
        <button type="button" onClick={() => window.print()}>
          {t('report.print')}
        </button>
        <a
          className="button"
          // The PDF in the reader's language, as the page is.
          href={`/api/campaigns/${campaignId}/report.pdf${query({ ...filtersOfAddress(), lang: locale })}`}
          download
        >
          {t('report.pdf')}
        </a>
      </div>
      {report.error && (
        <p role="alert" className="error">
          {errorText(report.error)}
        </p>
      )}
      {!data && !report.error && <p className="muted">{t('report.loading')}</p>}
      {data && (
        <article className="report" lang={locale}>
          <header className="report-head">
            <h1>{t('report.title', { name: data.campaign.name })}</h1>
            <dl>
              <dt>{t('report.office')}</dt>
              <dd>{data.campaign.office}</dd>
              <dt>{t('report.period')}</dt>
              <dd>
                {t('report.periodRange', {
                  from: DATE.format(new Date(data.campaign.opensAt)),
                  to: DATE.format(new Date(data.campaign.closesAt)),
                })}
              </dd>
              <dt>{t('report.scope')}</dt>
              <dd>
                {[
                  data.scope.subtree?.name,
                  data.scope.unitType && t(`unitType.${data.scope.unitType}`),
                ]
                  .filter(Boolean)
                  .join(' · ') || t('report.wholeCampaign')}
              </dd>
              <dt>{t('report.generatedAt')}</dt>
              <dd>{TIME.format(new Date(data.generatedAt))}</dd>
            </dl>
          </header>
          <ReportGrades report={data} />
          <ReportAnalysis report={data} />
          <ReportFollowUp report={data} />
        </article>
      )}
    </main>
  )
}
