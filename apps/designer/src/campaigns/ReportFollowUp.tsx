import type { CampaignReport, RectificationOrigin, RectificationStatus } from '@yardstick/contract'
import { useI18n } from '../i18n/I18nProvider'
import { namedSource } from './report-sources'
import { sourceName } from './source-name'

// The server lists every status and origin, in their order (the contract's closed sets).
const entries = <K extends string>(counts: Record<K, number>) =>
  Object.entries(counts) as Array<[K, number]>

/** The report's last sections: participation per source, and rectifications by status and origin. */
export function ReportFollowUp({ report }: { report: CampaignReport }) {
  const { t, locale } = useI18n()
  const { participation, rectifications } = report
  return (
    <>
      <section className="report-section" aria-labelledby="report-participation">
        <h2 id="report-participation">{t('report.participation')}</h2>
        {participation === null ? (
          <p className="muted">{t('report.participationHidden')}</p>
        ) : (
          <table className="report-table">
            <thead>
              <tr>
                <th scope="col">{t('report.col.source')}</th>
                <th scope="col">{t('report.col.complete')}</th>
                <th scope="col">{t('report.col.partial')}</th>
                <th scope="col">{t('report.col.none')}</th>
                <th scope="col">{t('report.col.answered')}</th>
              </tr>
            </thead>
            <tbody>
              {participation.map((row) => (
                <tr key={row.source}>
                  <th scope="row">{sourceName(t, namedSource(report, row.source), locale)}</th>
                  <td className="number">{row.complete}</td>
                  <td className="number">{row.partial}</td>
                  <td className="number">{row.none}</td>
                  <td className="number">
                    {row.answered} / {row.expected}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <section className="report-section" aria-labelledby="report-rectifications">
        <h2 id="report-rectifications">{t('report.rectifications')}</h2>
        <p>
          {t('report.rectTotal', {
            total: rectifications.total,
            overdue: rectifications.overdue,
          })}
        </p>
        <div className="report-pair">
          <table className="report-table">
            <thead>
              <tr>
                <th scope="col">{t('report.col.status')}</th>
                <th scope="col">{t('report.col.count')}</th>
              </tr>
            </thead>
            <tbody>
              {entries<RectificationStatus>(rectifications.byStatus).map(([status, n]) => (
                <tr key={status}>
                  <th scope="row">{t(`rectStatus.${status}`)}</th>
                  <td className="number">{n}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <table className="report-table">
            <thead>
              <tr>
                <th scope="col">{t('report.col.origin')}</th>
                <th scope="col">{t('report.col.count')}</th>
              </tr>
            </thead>
            <tbody>
              {entries<RectificationOrigin>(rectifications.byOrigin).map(([origin, n]) => (
                <tr key={origin}>
                  <th scope="row">{t(`origin.${origin}`)}</th>
                  <td className="number">{n}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    </>
  )
}
