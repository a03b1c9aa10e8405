import { useId, useState } from 'react'
import { query } from '../api/client'
import type { CampaignSource, CommonProblems } from '../api/types'
import { useApi } from '../api/useApi'
import { useErrorText } from '../api/useErrorText'
import { useResource } from '../api/useResource'
import { useI18n } from '../i18n/I18nProvider'
import { FileDownloads } from './FileDownloads'
import { useSourceName } from './SourceNames'

type Filters = { subtree?: string | undefined; unitType?: string | undefined }

const percent = (share: number) => `${Math.round(share * 1000) / 10}%`

/**
 * 共性问题 (`GET /api/campaigns/:id/results/common-problems`) of one source under the dashboard's
 * filters: the questions on which units answered 否 or lost points, the most units first, each
 * with its dimension and share of the units, and CSV / XLSX downloads of the whole list.
 */
export function CommonProblemsPanel({
  campaignId,
  sources,
  filters,
}: {
  campaignId: number
  sources: CampaignSource['key'][]
  filters: Filters
}) {
  const { t, locale } = useI18n()
  const nameOf = useSourceName()
  const errorText = useErrorText()
  const api = useApi()
  const id = useId()
  const [source, setSource] = useState<CampaignSource['key'] | ''>('')
  const chosen = source || (sources.includes('self') ? 'self' : sources[0]) || ''
  const path = `/api/campaigns/${campaignId}/results/common-problems${query({ ...filters, source: chosen })}`
  const report = useResource(path, (signal) =>
    chosen ? api<CommonProblems>(path, { signal }) : Promise.resolve(null),
  )
  const lang = locale === 'en' ? 'en' : 'zh-CN'
  const found = (report.data?.questions ?? []).filter((q) => q.units > 0)
  const fileQuery = query({ ...filters, source: chosen })
  return (
    <section className="card common-problems" aria-labelledby={`${id}-h`}>
      <div className="page-head">
        <h2 id={`${id}-h`}>{t('commonProblems.title')}</h2>
        <span className="spacer" />
        <label htmlFor={`${id}-src`}>{t('commonProblems.source')}</label>
        <select
          id={`${id}-src`}
          value={chosen}
          onChange={(e) => setSource(e.target.value as CampaignSource['key'])}
        >
          {sources.map((key) => (
            <option key={key} value={key}>
              {nameOf(key)}
            </option>
          ))}
        </select>
        <FileDownloads
          path={`/api/campaigns/${campaignId}/common-problems`}
          query={fileQuery}
          csv={t('commonProblems.exportCsv')}
          xlsx={t('commonProblems.exportXlsx')}
        />
      </div>
      {report.error && (
        <p role="alert" className="error">
          {errorText(report.error)}
        </p>
      )}
      {report.loading && !report.data && <p className="muted">{t('commonProblems.loading')}</p>}
      {report.data?.withheldBelow != null && (
        <p className="muted">{t('commonProblems.withheld', { n: report.data.withheldBelow })}</p>
      )}
      {report.data && report.data.withheldBelow == null && (
        <>
          <p className="muted">{t('commonProblems.base', { n: report.data.unitsWithResponses })}</p>
          {found.length === 0 ? (
            <p className="muted">{t('commonProblems.none')}</p>
          ) : (
            <ol className="common-problem-list">
              {found.map((q) => (
                <li key={q.name} data-question={q.name}>
                  <span className="common-problem-title">{q.title[lang]}</span>
                  <span className="muted">
                    {[q.dimension?.title[lang], t(`commonProblems.measure.${q.measure}`)]
                      .filter(Boolean)
                      .join(' · ')}
                  </span>
                  <span className="common-problem-count">
                    <meter min={0} max={1} value={q.share} aria-hidden="true" />
                    {t('commonProblems.units', { n: q.units, share: percent(q.share) })}
                  </span>
                </li>
              ))}
            </ol>
          )}
        </>
      )}
    </section>
  )
}
