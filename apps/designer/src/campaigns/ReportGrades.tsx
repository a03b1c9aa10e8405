import type { CampaignReport } from '@yardstick/contract'
import { REPORT_RANKING, reportNumber, reportShare } from '@yardstick/contract/report-figures'
import { useI18n } from '../i18n/I18nProvider'

/** The report's first two sections: grades with their shares, and the ranking. */
export function ReportGrades({ report }: { report: CampaignReport }) {
  const { t } = useI18n()
  const { distribution, totals, ranking } = report
  return (
    <>
      <section className="report-section" aria-labelledby="report-grades">
        <h2 id="report-grades">{t('report.grades')}</h2>
        <p>
          {t('report.totals', {
            units: totals.units,
            graded: totals.graded,
            incomplete: totals.incomplete,
          })}
        </p>
        <table className="report-table report-grades">
          <thead>
            <tr>
              <th scope="col">{t('report.col.grade')}</th>
              <th scope="col">{t('report.col.count')}</th>
              <th scope="col">{t('report.col.share')}</th>
            </tr>
          </thead>
          <tbody>
            {distribution.map((row) => (
              <tr key={row.grade} data-grade={row.grade}>
                <th scope="row">{row.grade}</th>
                <td className="number">{row.count}</td>
                <td className="number">{reportShare(row.share)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <section className="report-section" aria-labelledby="report-ranking">
        <h2 id="report-ranking">{t('report.ranking')}</h2>
        {!ranking.complete && ranking.lowestGrade !== null && (
          <p>
            {t('report.rankingPartial', {
              units: ranking.units,
              top: REPORT_RANKING.top,
              lowest: ranking.lowestGrade,
            })}
          </p>
        )}
        {ranking.rows.length === 0 ? (
          <p className="muted">{t('report.noUnits')}</p>
        ) : (
          <table className="report-table report-ranking">
            <thead>
              <tr>
                <th scope="col">{t('report.col.rank')}</th>
                <th scope="col">{t('report.col.unit')}</th>
                <th scope="col">{t('report.col.composite')}</th>
                <th scope="col">{t('report.col.grade')}</th>
                <th scope="col">{t('report.col.stars')}</th>
                <th scope="col">{t('report.col.note')}</th>
              </tr>
            </thead>
            <tbody>
              {ranking.rows.map((row) => (
                <tr key={row.unitId} data-unit={row.unitId}>
                  <td className="number">{row.rank ?? '—'}</td>
                  <th scope="row">{row.name}</th>
                  <td className="number">{reportNumber(row.composite)}</td>
                  <td>{row.grade ?? '—'}</td>
                  <td className="number">{row.stars ?? '—'}</td>
                  <td>
                    {[row.vetoed && t('report.vetoed'), row.demoted && t('report.demoted')]
                      .filter(Boolean)
                      .join('，')}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </>
  )
}
