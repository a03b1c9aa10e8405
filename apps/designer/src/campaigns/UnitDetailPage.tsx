import { roundForDisplay } from '@yardstick/sdk'
import { useId } from 'react'
import type { CampaignDetail, UnitDetail } from '../api/types'
import { useApi } from '../api/useApi'
import { useErrorText } from '../api/useErrorText'
import { useResource } from '../api/useResource'
import { ScorecardReasons } from '../assess/ScorecardReasons'
import { useI18n } from '../i18n/I18nProvider'
import { Link } from '../router'
import { RaiseDeductionButton } from './RaiseDeductionButton'
import { RectificationsTable } from './RectificationsTable'
import { ChangeBadge, SeriesPanel } from './SeriesPanel'
import { TransformationFollowUp } from './TransformationPlanForm'
import { UnitDimensions } from './UnitDimensions'
import './campaigns.css'
import { SourceNames, useSourceName } from './SourceNames'

/**
 * One branch of a campaign (`GET /api/campaigns/:id/results/units/:unitId`): its composite,
 * grade and rank, each source's value and responses against its rule, the self-check's status
 * and problem list, and each rectification's status (overdue ones marked); the branch across
 * its series (晋级 / 降级 / 持平) and, graded lowest, its 转化 plan; its percent on each dimension
 * beside the median of the units under the same parent.
 */
export function UnitDetailPage({ campaignId, unitId }: { campaignId: number; unitId: number }) {
  const { t, locale } = useI18n()
  const errorText = useErrorText()
  const api = useApi()
  const id = useId()
  const path = `/api/campaigns/${campaignId}/results/units/${unitId}`
  const detail = useResource(path, (signal) => api<UnitDetail>(path, { signal }))
  const d = detail.data
  // The campaign names its sources (their labels); a reader who may not read it sees the usual names.
  const campaign = useResource(`campaign:${campaignId}`, (signal) =>
    api<CampaignDetail>(`/api/campaigns/${campaignId}`, { signal }),
  )
  const sources = campaign.data?.sources ?? []
  const nameOf = useSourceName(sources)
  const lang = locale === 'en' ? 'en' : 'zh-CN'
  const date = new Intl.DateTimeFormat(locale, { dateStyle: 'medium' })
  return (
    <SourceNames sources={sources}>
      <main className="page unit-detail">
        <Link to={`/campaigns/${campaignId}`}>← {t('unitDetail.back')}</Link>
        {detail.error && (
          <p role="alert" className="error">
            {errorText(detail.error)}
          </p>
        )}
        {!d && !detail.error && <p className="muted">{t('app.loading')}</p>}
        {d && (
          <>
            <div className="page-head">
              <h1>{t('unitDetail.title', { unit: d.unit.name })}</h1>
              <span className="muted">{d.campaignName}</span>
            </div>
            <p className="unit-summary">
              {d.unit.incomplete
                ? t('unitDetail.incomplete', { reason: d.unit.incomplete.message[lang] })
                : t('unitDetail.summary', {
                    composite: roundForDisplay(d.unit.composite, 1) ?? '—',
                    grade: d.unit.grade ?? '—',
                    rank: d.unit.rank ?? '—',
                  })}
              {d.unit.stars ? ` ${'★'.repeat(d.unit.stars)}` : ''}
              {d.unit.vetoed && ` · ${t('results.vetoed')}`}
              {d.unit.demoted && ` · ${t('results.demoted')}`}
            </p>
            {d.series.change?.change && <ChangeBadge change={d.series.change} />}
            <section className="card" aria-labelledby={`${id}-src`}>
              <h2 id={`${id}-src`}>{t('unitDetail.sources')}</h2>
              <table className="data-table compact" aria-labelledby={`${id}-src`}>
                <thead>
                  <tr>
                    <th scope="col">{t('unitDetail.col.source')}</th>
                    <th scope="col">{t('unitDetail.col.weight')}</th>
                    <th scope="col">{t('unitDetail.col.rule')}</th>
                    <th scope="col">{t('unitDetail.col.value')}</th>
                    <th scope="col">{t('unitDetail.col.n')}</th>
                    <th scope="col">{t('instruments.column')}</th>
                  </tr>
                </thead>
                <tbody>
                  {d.sources.map((s) => (
                    <tr key={s.key} data-source={s.key}>
                      <th scope="row">{nameOf(s.key)}</th>
                      <td>{s.weight}</td>
                      <td>
                        {[
                          t(`campaignNew.measure.${s.measure}`),
                          s.required ? t('unitDetail.required') : null,
                          s.minResponses !== null
                            ? t('unitDetail.min', { n: s.minResponses })
                            : null,
                        ]
                          .filter(Boolean)
                          .join(' · ')}
                      </td>
                      <td>{s.value === null ? '—' : roundForDisplay(s.value, 1)}</td>
                      <td>{s.n}</td>
                      <td data-instrument>
                        {d.unit.instruments.find((used) => used.source === s.key)?.title ?? '—'}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </section>
            <UnitDimensions dimensions={d.dimensions} />
            <SeriesPanel series={d.series} />
            <TransformationFollowUp
              campaignId={campaignId}
              unitId={unitId}
              grade={d.unit.grade}
              rectifications={d.rectifications}
              mayFollowUp={d.mayFollowUp}
              onCreated={detail.reload}
            />
            {d.scorecards !== null && (
              <ScorecardReasons
                scorecards={d.scorecards}
                // Only for whom the server lets raise it (`mayFollowUp`): anyone else would get 403.
                itemAction={
                  d.mayFollowUp
                    ? (responseId, question) => (
                        <RaiseDeductionButton
                          campaignId={campaignId}
                          unitId={unitId}
                          responseId={responseId}
                          question={question}
                          raised={d.rectifications.some(
                            (r) => r.responseId === responseId && r.question === question,
                          )}
                          onRaised={detail.reload}
                        />
                      )
                    : undefined
                }
              />
            )}
            <section className="card" aria-labelledby={`${id}-self`}>
              <h2 id={`${id}-self`}>{t('unitDetail.selfCheck')}</h2>
              {d.selfCheck === null ? (
                <p className="muted">{t('unitDetail.noSelfCheck')}</p>
              ) : (
                <>
                  <p>
                    {t('unitDetail.selfStatus', { status: t(`selfStatus.${d.selfCheck.status}`) })}
                    {d.selfCheck.submittedAt &&
                      ` · ${date.format(new Date(d.selfCheck.submittedAt))}`}
                  </p>
                  <h3>{t('unitDetail.problems', { n: d.selfCheck.problems.length })}</h3>
                  {d.selfCheck.problems.length === 0 ? (
                    <p className="muted">{t('unitDetail.noProblems')}</p>
                  ) : (
                    <ol className="problems">
                      {d.selfCheck.problems.map((p) => (
                        <li key={p.question} data-question={p.question}>
                          {p.title}
                          {p.note && <span className="muted">：{p.note}</span>}
                        </li>
                      ))}
                    </ol>
                  )}
                </>
              )}
              <h3>{t('unitDetail.rectifications', { n: d.rectifications.length })}</h3>
              <RectificationsTable items={d.rectifications} />
            </section>
          </>
        )}
      </main>
    </SourceNames>
  )
}
