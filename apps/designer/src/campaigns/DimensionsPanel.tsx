import { roundForDisplay } from '@yardstick/sdk'
import { useId, useState } from 'react'
import { query } from '../api/client'
import type { DimensionResults } from '../api/types'
import { useApi } from '../api/useApi'
import { useErrorText } from '../api/useErrorText'
import { useResource } from '../api/useResource'
import { useI18n } from '../i18n/I18nProvider'
import { Chart } from './Charts'
import { dimensionBars } from './dimension-bars'
import { FileDownloads } from './FileDownloads'
import { useSourceName } from './SourceNames'

type Filters = { subtree?: string | undefined; unitType?: string | undefined }

const figure = (value: number | null) => (value === null ? '—' : `${roundForDisplay(value, 1)}%`)

/**
 * Dimension results (`GET /api/campaigns/:id/results/dimensions`) under the dashboard's filters:
 * for the chosen source, a chart per dimension (四强, 五基本) across the units in scope, with its
 * median, min, max and mean, and CSV / XLSX downloads of every unit's percents.
 */
export function DimensionsPanel({ campaignId, filters }: { campaignId: number; filters: Filters }) {
  const { t, locale } = useI18n()
  const nameOf = useSourceName()
  const errorText = useErrorText()
  const api = useApi()
  const id = useId()
  const [source, setSource] = useState('')
  const path = `/api/campaigns/${campaignId}/results/dimensions${query({ ...filters, limit: 10000 })}`
  const report = useResource(path, (signal) => api<DimensionResults>(path, { signal }))
  const lang = locale === 'en' ? 'en' : 'zh-CN'
  const sources = report.data?.sources ?? []
  const chosen = sources.find((s) => s.key === source) ?? sources[0]
  const exportQuery = query(filters)
  return (
    <section className="card dimensions" aria-labelledby={`${id}-h`}>
      <div className="page-head">
        <h2 id={`${id}-h`}>{t('dimensions.title')}</h2>
        <span className="spacer" />
        {sources.length > 1 && (
          <>
            <label htmlFor={`${id}-src`}>{t('dimensions.source')}</label>
            <select
              id={`${id}-src`}
              value={chosen?.key ?? ''}
              onChange={(e) => setSource(e.target.value)}
            >
              {sources.map((s) => (
                <option key={s.key} value={s.key}>
                  {nameOf(s.key)}
                </option>
              ))}
            </select>
          </>
        )}
        <FileDownloads
          path={`/api/campaigns/${campaignId}/dimensions`}
          query={exportQuery}
          csv={t('dimensions.exportCsv')}
          xlsx={t('dimensions.exportXlsx')}
        />
      </div>
      {report.error && (
        <p role="alert" className="error">
          {errorText(report.error)}
        </p>
      )}
      {report.loading && !report.data && <p className="muted">{t('dimensions.loading')}</p>}
      {report.data && !chosen && <p className="muted">{t('dimensions.none')}</p>}
      {report.data && chosen && (
        <>
          <p className="muted">{t('dimensions.rule')}</p>
          <div className="question-grid">
            {chosen.dimensions.map((d) => {
              const title = d.title[lang]
              const { kind, bars } = dimensionBars(report.data?.units ?? [], chosen.key, d.name)
              const label = t(
                kind === 'units' ? 'dimensions.unitsChart' : 'dimensions.bandsChart',
                {
                  title,
                },
              )
              return (
                <figure key={d.name} className="question dimension" data-dimension={d.name}>
                  <figcaption>
                    <b>{title}</b>{' '}
                    <span className="muted">
                      {t('dimensions.stats', {
                        median: figure(d.median),
                        min: figure(d.min),
                        max: figure(d.max),
                        mean: figure(d.mean),
                        n: d.units,
                      })}
                    </span>
                  </figcaption>
                  <Chart
                    bars={bars}
                    label={label}
                    horizontal
                    {...(kind === 'units' ? { max: 100 } : {})}
                    listed
                  />
                </figure>
              )
            })}
          </div>
        </>
      )}
    </section>
  )
}
