import type { CampaignReport } from '@yardstick/contract'
import { reportNumber, reportShare } from '@yardstick/contract/report-figures'
import { useI18n } from '../i18n/I18nProvider'
import { namedSource } from './report-sources'
import { sourceName } from './source-name'

/** The report's analysis: each source's dimension medians and weakest dimensions, then 共性问题. */
export function ReportAnalysis({ report }: { report: CampaignReport }) {
  const { t, locale } = useI18n()
  return (
    <>
      <section className="report-section" aria-labelledby="report-dimensions">
        <h2 id="report-dimensions">{t('report.dimensions')}</h2>
        {report.dimensions.length === 0 && <p className="muted">{t('report.noDimensions')}</p>}
        {report.dimensions.map((source) => {
          const titles = new Map(source.dimensions.map((d) => [d.name, d.title[locale]]))
          return (
            <div key={source.key} className="report-block">
              <h3>{sourceName(t, namedSource(report, source.key), locale)}</h3>
              <table className="report-table">
                <thead>
                  <tr>
                    <th scope="col">{t('report.col.dimension')}</th>
                    <th scope="col">{t('report.col.median')}</th>
                    <th scope="col">{t('report.col.min')}</th>
                    <th scope="col">{t('report.col.max')}</th>
                  </tr>
                </thead>
                <tbody>
                  {source.dimensions.map((d) => (
                    <tr
                      key={d.name}
                      className={source.weakest.includes(d.name) ? 'weak' : undefined}
                    >
                      <th scope="row">{d.title[locale]}</th>
                      <td className="number">{reportNumber(d.median)}</td>
                      <td className="number">{reportNumber(d.min)}</td>
                      <td className="number">{reportNumber(d.max)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
              {source.weakest.length > 0 && (
                <p>
                  {t('report.weakest', {
                    names: source.weakest
                      .map((name) => titles.get(name) ?? name)
                      .join(locale === 'en' ? ', ' : '、'),
                  })}
                </p>
              )}
            </div>
          )
        })}
      </section>
      <section className="report-section" aria-labelledby="report-problems">
        <h2 id="report-problems">{t('report.problems')}</h2>
        {report.commonProblems.map((source) => (
          <div key={source.source} className="report-block">
            <h3>{sourceName(t, namedSource(report, source.source), locale)}</h3>
            {source.withheldBelow !== null ? (
              <p className="muted">{t('report.withheld', { n: source.withheldBelow })}</p>
            ) : source.questions.length === 0 ? (
              <p className="muted">{t('report.noProblems')}</p>
            ) : (
              <table className="report-table">
                <thead>
                  <tr>
                    <th scope="col">{t('report.col.question')}</th>
                    <th scope="col">{t('report.col.measure')}</th>
                    <th scope="col">{t('report.col.units')}</th>
                    <th scope="col">{t('report.col.share')}</th>
                  </tr>
                </thead>
                <tbody>
                  {source.questions.map((q) => (
                    <tr key={q.name}>
                      <th scope="row">{q.title[locale]}</th>
                      <td>{t(`commonProblems.measure.${q.measure}`)}</td>
                      <td className="number">{q.units}</td>
                      <td className="number">{reportShare(q.share)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </div>
        ))}
      </section>
    </>
  )
}
