import { useId, useMemo, useState } from 'react'
import { query } from '../api/client'
import type { CampaignSource, QuestionResults } from '../api/types'
import { useApi } from '../api/useApi'
import { useErrorText } from '../api/useErrorText'
import { useResource } from '../api/useResource'
import { useI18n } from '../i18n/I18nProvider'
import type { Bar } from './BarChart'
import { Chart } from './Charts'
import { useSourceName } from './SourceNames'

const percent = (share: number) => `${Math.round(share * 1000) / 10}%`
const SHADES = ['#2f9e44', '#1971c2', '#e8590c', '#c92a2a', '#868e96', '#7048e8']

/**
 * Per-question figures of one source (`GET /api/campaigns/:id/results/questions`): the pooled
 * satisfaction rate, the satisfaction rate of each aspect as one chart, and each choice
 * question's shares as its own chart — under the dashboard's filters.
 */
export function QuestionsPanel({
  campaignId,
  sources,
  filters,
}: {
  campaignId: number
  sources: CampaignSource['key'][]
  filters: { subtree?: string | undefined; unitType?: string | undefined }
}) {
  const { t, locale } = useI18n()
  const nameOf = useSourceName()
  const errorText = useErrorText()
  const api = useApi()
  const id = useId()
  const [source, setSource] = useState<CampaignSource['key'] | ''>('')
  // A source with a form per branch type is reported one instrument at a time ('' = the default).
  const [formVersion, setFormVersion] = useState('')
  const chosen = source || (sources.includes('members') ? 'members' : sources[0]) || ''
  const path = `/api/campaigns/${campaignId}/results/questions${query({
    ...filters,
    source: chosen,
    ...(formVersion ? { formVersion } : {}),
  })}`
  const report = useResource(path, (signal) =>
    chosen ? api<QuestionResults>(path, { signal }) : Promise.resolve(null),
  )
  const lang = locale === 'en' ? 'en' : 'zh-CN'
  const aspects: Bar[] = useMemo(
    () =>
      (report.data?.questions ?? [])
        .filter((q) => q.satisfactionRate !== null)
        .map((q) => ({
          name: q.title,
          value: Math.round((q.satisfactionRate ?? 0) * 1000) / 10,
          label: percent(q.satisfactionRate ?? 0),
          color: '#2f9e44',
        })),
    [report.data],
  )
  const choiceQuestions = (report.data?.questions ?? []).filter(
    (q) => Object.keys(q.choiceTexts).length > 0 && q.answered > 0,
  )
  return (
    <section className="card questions" aria-labelledby={`${id}-h`}>
      <div className="page-head">
        <h2 id={`${id}-h`}>{t('results.questions')}</h2>
        <span className="spacer" />
        <label htmlFor={`${id}-src`}>{t('results.questionsSource')}</label>
        <select
          id={`${id}-src`}
          value={chosen}
          onChange={(e) => {
            setSource(e.target.value as CampaignSource['key'])
            setFormVersion('')
          }}
        >
          {sources.map((key) => (
            <option key={key} value={key}>
              {nameOf(key)}
            </option>
          ))}
        </select>
        {(report.data?.instruments.length ?? 0) > 1 && (
          <>
            <label htmlFor={`${id}-form`}>{t('instruments.questionsOf')}</label>
            <select
              id={`${id}-form`}
              value={formVersion || String(report.data?.formVersionId ?? '')}
              onChange={(e) => setFormVersion(e.target.value)}
            >
              {report.data?.instruments.map((instrument) => (
                <option key={instrument.formVersion} value={instrument.formVersion}>
                  {instrument.title}
                </option>
              ))}
            </select>
          </>
        )}
      </div>
      {report.error && (
        <p role="alert" className="error">
          {errorText(report.error)}
        </p>
      )}
      {report.loading && !report.data && <p className="muted">{t('results.questionsLoading')}</p>}
      {report.data?.withheldBelow != null && (
        <p className="muted">{t('results.withheld', { n: report.data.withheldBelow })}</p>
      )}
      {report.data?.overall && (
        <p className="overall">
          {t('results.overall', {
            rate: percent(report.data.overall.rate),
            satisfied: report.data.overall.satisfied,
            answered: report.data.overall.answered,
          })}
        </p>
      )}
      {aspects.length > 0 && (
        <>
          <h3>{t('results.aspects')}</h3>
          <Chart bars={aspects} label={t('results.aspects')} horizontal max={100} />
        </>
      )}
      <div className="question-grid">
        {choiceQuestions.map((q) => {
          const bars: Bar[] = Object.entries(q.shares).map(([value, share], i) => ({
            name: q.choiceTexts[value]?.[lang] ?? value,
            value: Math.round(share * 1000) / 10,
            label: `${q.counts[value] ?? 0}（${percent(share)}）`,
            color: SHADES[i % SHADES.length],
          }))
          const label = t('results.choiceShares', { title: q.title })
          return (
            <figure key={q.name} className="question" data-question={q.name}>
              <figcaption>
                <b>{q.title}</b>{' '}
                <span className="muted">
                  {t('results.answered', { n: q.answered })}
                  {q.satisfactionRate !== null &&
                    ` · ${t('results.satisfactionRate', { rate: percent(q.satisfactionRate) })}`}
                  {q.mean !== null &&
                    ` · ${t('results.mean', { mean: Math.round(q.mean * 10) / 10 })}`}
                </span>
              </figcaption>
              <Chart bars={bars} label={label} horizontal max={100} listed />
            </figure>
          )
        })}
      </div>
    </section>
  )
}
