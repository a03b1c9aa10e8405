import { UNIT_TYPES } from '@yardstick/sdk/domain'
import { useId, useMemo, useState } from 'react'
import { query } from '../api/client'
import type { CampaignDetail, CampaignResults } from '../api/types'
import { useApi } from '../api/useApi'
import { useErrorText } from '../api/useErrorText'
import { useResource } from '../api/useResource'
import { useI18n } from '../i18n/I18nProvider'
import { Link } from '../router'
import { Chart } from './Charts'
import { CommonProblemsPanel } from './CommonProblemsPanel'
import { DimensionsPanel } from './DimensionsPanel'
import { SearchInput, SubtreeSelect } from './FilterControls'
import { ParticipationCard } from './ParticipationCard'
import { QuestionsPanel } from './QuestionsPanel'
import { RankingTable } from './RankingTable'
import { ResponsesExport } from './ResponsesExport'
import { type RankingSort, searchUnits, sortRanking, starCounts } from './ranking'
import { SourceNames } from './SourceNames'
import './campaigns.css'
import { FileDownloads } from './FileDownloads'

const GRADE_COLORS = ['#c92a2a', '#1971c2', '#868e96', '#2f9e44', '#e8590c']
const percent = (share: number) => `${Math.round(share * 1000) / 10}%`

/**
 * The results dashboard of a campaign: grade and star distribution, participation, the ranking
 * (sort, filter by sub-committee and branch type, search; each branch opens its detail),
 * a chart per dimension (四强, 五基本) across the units in scope, 共性问题 (worst first),
 * per-question charts and CSV / XLSX exports of the results, the dimension scores and 共性问题
 * and, for office roles, of the raw responses.
 */
export function ResultsPage({ campaignId }: { campaignId: number }) {
  const { t } = useI18n()
  const errorText = useErrorText()
  const api = useApi()
  const id = useId()
  const [subtree, setSubtree] = useState('')
  const [unitType, setUnitType] = useState('')
  const [search, setSearch] = useState('')
  const [sort, setSort] = useState<RankingSort>({ column: 'rank', direction: 'asc' })
  const filters = { subtree: subtree || undefined, unitType: unitType || undefined }
  const campaign = useResource(`campaign:${campaignId}`, (signal) =>
    api<CampaignDetail>(`/api/campaigns/${campaignId}`, { signal }),
  )
  const path = `/api/campaigns/${campaignId}/results${query({ ...filters, limit: 10000 })}`
  const results = useResource(path, (signal) => api<CampaignResults>(path, { signal }))
  const bandOrder = useMemo(() => (campaign.data?.bands ?? []).map((b) => b.grade), [campaign.data])
  const sorted = useMemo(
    () => sortRanking(results.data?.units ?? [], sort, bandOrder),
    [results.data, sort, bandOrder],
  )
  const units = useMemo(() => searchUnits(sorted, search), [sorted, search])
  const gradeBars = useMemo(
    () =>
      (results.data?.distribution ?? []).map((g, i) => ({
        name: g.grade,
        value: g.count,
        label: `${g.count}（${percent(g.share)}）`,
        color: GRADE_COLORS[i % GRADE_COLORS.length],
      })),
    [results.data],
  )
  const stars = useMemo(() => starCounts(results.data?.units ?? []), [results.data])
  const starBars = useMemo(
    () =>
      stars.map((s) => ({
        name: s.stars ? '★'.repeat(s.stars) : t('results.noStars'),
        value: s.count,
        label: String(s.count),
        color: '#e8590c',
      })),
    [stars, t],
  )
  const exportQuery = query(filters)

  return (
    <SourceNames sources={campaign.data?.sources ?? []}>
      <main className="page results">
        <Link to="/campaigns">← {t('results.back')}</Link>
        <div className="page-head">
          <h1>{t('results.title', { name: campaign.data?.name ?? '…' })}</h1>
          <span className="spacer" />
          <Link to={`/campaigns/${campaignId}/admin`} className="button">
            {t('results.manage')}
          </Link>
          <Link to={`/campaigns/${campaignId}/report${exportQuery}`} className="button report-link">
            {t('report.link')}
          </Link>
          <FileDownloads
            path={`/api/campaigns/${campaignId}/results`}
            query={exportQuery}
            csv={t('results.exportCsv')}
            xlsx={t('results.exportXlsx')}
          />
          {results.data?.canExportResponses && campaign.data && (
            <ResponsesExport
              campaignId={campaignId}
              sources={campaign.data.sources.map((s) => s.key)}
              filterQuery={exportQuery}
            />
          )}
        </div>
        <search className="filters">
          <SubtreeSelect value={subtree} onChange={setSubtree} />
          <label htmlFor={`${id}-type`}>{t('results.unitType')}</label>
          <select id={`${id}-type`} value={unitType} onChange={(e) => setUnitType(e.target.value)}>
            <option value="">{t('results.allTypes')}</option>
            {UNIT_TYPES.map((type) => (
              <option key={type} value={type}>
                {t(`unitType.${type}`)}
              </option>
            ))}
          </select>
          <SearchInput value={search} onChange={setSearch} />
        </search>
        {results.error && (
          <p role="alert" className="error">
            {errorText(results.error)}
          </p>
        )}
        {!results.data && !results.error && <p className="muted">{t('results.loading')}</p>}
        {results.data && (
          <>
            <div className="results-top">
              <section className="card" aria-labelledby={`${id}-dist`}>
                <h2 id={`${id}-dist`}>{t('results.distribution')}</h2>
                <div className="chart-pair">
                  {/* `.chart` marks the dashboard's main chart (the first e2e test waits for it). */}
                  <Chart bars={gradeBars} label={t('results.distribution')} className="chart" />
                  <Chart bars={starBars} label={t('results.starsChart')} />
                </div>
                <ul className="legend">
                  {results.data.distribution.map((g) => (
                    <li key={g.grade}>
                      {g.grade}：{t('results.count', { n: g.count })}（{percent(g.share)}）
                    </li>
                  ))}
                  {stars.map((s) => (
                    <li key={`s${s.stars}`}>
                      {s.stars ? t('results.stars', { n: s.stars }) : t('results.noStars')}：
                      {t('results.count', { n: s.count })}
                    </li>
                  ))}
                </ul>
              </section>
              <ParticipationCard
                participation={results.data.participation}
                campaignId={results.data.canExportResponses ? campaignId : undefined}
              />
            </div>
            <section className="card" aria-labelledby={`${id}-rank`}>
              <div className="page-head">
                <h2 id={`${id}-rank`}>{t('results.ranking')}</h2>
                <span className="muted ranking-count">
                  {t('results.shown', { n: units.length, total: results.data.total })}
                </span>
              </div>
              <RankingTable
                units={units}
                label={t('results.ranking')}
                sort={sort}
                onSort={setSort}
                detailPath={(unit) => `/campaigns/${campaignId}/units/${unit.unitId}`}
              />
            </section>
            <DimensionsPanel campaignId={campaignId} filters={filters} />
            {campaign.data && (
              <CommonProblemsPanel
                campaignId={campaignId}
                sources={campaign.data.sources.map((s) => s.key)}
                filters={filters}
              />
            )}
            {campaign.data && (
              <QuestionsPanel
                campaignId={campaignId}
                sources={campaign.data.sources.map((s) => s.key)}
                filters={filters}
              />
            )}
          </>
        )}
      </main>
    </SourceNames>
  )
}
