import { useId, useMemo, useState } from 'react'
import { query } from '../api/client'
import type { CampaignResults, CampaignSummary } from '../api/types'
import { useApi } from '../api/useApi'
import { useResource } from '../api/useResource'
import { useI18n } from '../i18n/I18nProvider'
import type { MessageKey } from '../i18n/zh-CN'
import { Link } from '../router'
import { GradeChart } from './GradeChart'
import { RankingTable } from './RankingTable'

const UNIT_TYPES = [
  'organ',
  'enterprise',
  'publicInstitution',
  'school',
  'hospital',
  'research',
  'socialOrganization',
  'retired',
] as const

interface OrgNode {
  id: number
  kind: 'committee' | 'subcommittee' | 'branch'
  name: string
  children?: OrgNode[]
}

/** The results dashboard of a campaign: grades, participation, ranking, exports. */
export function ResultsPage({ campaignId }: { campaignId: number }) {
  const { t } = useI18n()
  const api = useApi()
  const id = useId()
  const [subtree, setSubtree] = useState('')
  const [unitType, setUnitType] = useState('')
  const [search, setSearch] = useState('')
  const filters = { subtree: subtree || undefined, unitType: unitType || undefined }
  const campaign = useResource(`campaign:${campaignId}`, (signal) =>
    api<CampaignSummary>(`/api/campaigns/${campaignId}`, { signal }),
  )
  const orgs = useResource('orgs', (signal) => api<{ items: OrgNode[] }>('/api/orgs', { signal }))
  const path = `/api/campaigns/${campaignId}/results${query({ ...filters, limit: 10000 })}`
  const results = useResource(path, (signal) => api<CampaignResults>(path, { signal }))
  const subcommittees = useMemo(() => collect(orgs.data?.items ?? [], 'subcommittee'), [orgs.data])
  const units = useMemo(() => {
    const all = results.data?.units ?? []
    const needle = search.trim()
    return needle ? all.filter((u) => u.name.includes(needle)) : all
  }, [results.data, search])
  const exportQuery = query(filters)

  return (
    <main className="page results">
      <Link to="/campaigns">← {t('results.back')}</Link>
      <div className="page-head">
        <h1>{t('results.title', { name: campaign.data?.name ?? '…' })}</h1>
        <span className="spacer" />
        <a
          className="button"
          href={`/api/campaigns/${campaignId}/results.csv${exportQuery}`}
          download
        >
          {t('results.exportCsv')}
        </a>
        <a
          className="button"
          href={`/api/campaigns/${campaignId}/results.xlsx${exportQuery}`}
          download
        >
          {t('results.exportXlsx')}
        </a>
      </div>
      <search className="filters">
        <label htmlFor={`${id}-sub`}>{t('results.subtree')}</label>
        <select id={`${id}-sub`} value={subtree} onChange={(e) => setSubtree(e.target.value)}>
          <option value="">{t('results.allSubtrees')}</option>
          {subcommittees.map((o) => (
            <option key={o.id} value={o.id}>
              {o.name}
            </option>
          ))}
        </select>
        <label htmlFor={`${id}-type`}>{t('results.unitType')}</label>
        <select id={`${id}-type`} value={unitType} onChange={(e) => setUnitType(e.target.value)}>
          <option value="">{t('results.allTypes')}</option>
          {UNIT_TYPES.map((type) => (
            <option key={type} value={type}>
              {t(`unitType.${type}`)}
            </option>
          ))}
        </select>
        <label htmlFor={`${id}-q`} className="visually-hidden">
          {t('results.search')}
        </label>
        <input
          id={`${id}-q`}
          type="search"
          placeholder={t('results.search')}
          value={search}
          onChange={(e) => setSearch(e.target.value)}
        />
      </search>
      {results.error && (
        <p role="alert" className="error">
          {t('app.error', { message: results.error.message })}
        </p>
      )}
      {!results.data && !results.error && <p className="muted">{t('results.loading')}</p>}
      {results.data && (
        <>
          <div className="results-top">
            <section className="card" aria-labelledby={`${id}-dist`}>
              <h2 id={`${id}-dist`}>{t('results.distribution')}</h2>
              <GradeChart grades={results.data.distribution} label={t('results.distribution')} />
              <ul className="legend">
                {results.data.distribution.map((g) => (
                  <li key={g.grade}>
                    {g.grade}：{t('results.count', { n: g.count })}（
                    {Math.round(g.share * 1000) / 10}%）
                  </li>
                ))}
              </ul>
            </section>
            <section className="card" aria-labelledby={`${id}-part`}>
              <h2 id={`${id}-part`}>{t('results.participation')}</h2>
              <p>
                {t('results.units', {
                  n: results.data.participation.units,
                  graded: results.data.participation.graded,
                  incomplete: results.data.participation.incomplete,
                })}
              </p>
              <ul>
                {Object.entries(results.data.participation.bySource).map(([source, p]) => (
                  <li key={source}>
                    {t('results.source', {
                      source: t(`source.${source}` as MessageKey),
                      responses: p.responses,
                      units: p.unitsWithResponses,
                    })}
                  </li>
                ))}
              </ul>
            </section>
          </div>
          <section className="card" aria-labelledby={`${id}-rank`}>
            <div className="page-head">
              <h2 id={`${id}-rank`}>{t('results.ranking')}</h2>
              <span className="muted">
                {t('results.shown', { n: units.length, total: results.data.total })}
              </span>
            </div>
            <RankingTable units={units} label={t('results.ranking')} />
          </section>
        </>
      )}
    </main>
  )
}

function collect(nodes: OrgNode[], kind: OrgNode['kind']): OrgNode[] {
  const out: OrgNode[] = []
  const walk = (list: OrgNode[]) => {
    for (const node of list) {
      if (node.kind === kind) out.push(node)
      if (node.children) walk(node.children)
    }
  }
  walk(nodes)
  return out
}
