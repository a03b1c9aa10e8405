import { useEffect, useId, useState } from 'react'
import type { Participation, UnitParticipation } from '../api/campaign-office'
import { query } from '../api/client'
import type { CampaignDetail, CampaignSource } from '../api/types'
import { useApi } from '../api/useApi'
import { useErrorText } from '../api/useErrorText'
import { useResource } from '../api/useResource'
import { useI18n } from '../i18n/I18nProvider'
import { Link } from '../router'
import { SearchInput, SubtreeSelect } from './FilterControls'
import { ParticipationRow } from './ParticipationRow'
import { ParticipationSummary } from './ParticipationSummary'
import { reminderText } from './participation'
import './campaigns.css'
import './office.css'
import { SourceNames, useSourceName } from './SourceNames'

const PAGE = 100

/**
 * Who has answered: per branch and source, answered / expected (and why that many), the branches
 * still owing with the URL to paste in a reminder, a copy of the whole reminder list, and CSV /
 * XLSX exports (`GET /api/campaigns/:id/participation` and its `.csv` / `.xlsx`).
 */
export function ParticipationPage({ campaignId }: { campaignId: number }) {
  const { t } = useI18n()
  const errorText = useErrorText()
  const api = useApi()
  const id = useId()
  const [source, setSource] = useState<CampaignSource['key'] | ''>('')
  const [pendingOnly, setPendingOnly] = useState(true)
  const [subtree, setSubtree] = useState('')
  const [search, setSearch] = useState('')
  const [pages, setPages] = useState(1)
  const [copied, setCopied] = useState<'idle' | 'copied' | { error: unknown }>('idle')
  const base = `/api/campaigns/${campaignId}`
  const campaign = useResource(base, (signal) => api<CampaignDetail>(base, { signal }))
  const filters = {
    source: source || undefined,
    pending: pendingOnly ? 'true' : undefined,
    subtree: subtree || undefined,
    q: search.trim() || undefined,
  }
  const filterQuery = query(filters)
  // Other filters start from the first page again.
  useEffect(() => setPages(1), [filterQuery])
  const list = useResource(`${base}/participation${filterQuery}:${pages}`, async (signal) => {
    let last: Participation | undefined
    const items: UnitParticipation[] = []
    for (let page = 0; page < pages; page++) {
      last = await api<Participation>(
        `${base}/participation${query({ ...filters, limit: PAGE, offset: page * PAGE })}`,
        { signal },
      )
      items.push(...last.items)
      if (last.nextOffset === null) break
    }
    return { ...(last as Participation), items }
  })
  const nameOf = useSourceName(campaign.data?.sources)
  const sources = campaign.data?.sources.map((s) => s.key) ?? []
  const shownSources = source ? [source] : sources

  const copyAll = async () => {
    setCopied('idle')
    try {
      const items: UnitParticipation[] = []
      for (let offset: number | null = 0; offset !== null; ) {
        const page: Participation = await api<Participation>(
          `${base}/participation${query({ ...filters, pending: 'true', limit: 1000, offset })}`,
        )
        items.push(...page.items)
        offset = page.nextOffset
      }
      await navigator.clipboard.writeText(reminderText(items, shownSources, t, nameOf))
      setCopied('copied')
    } catch (error) {
      setCopied({ error })
    }
  }

  const error = campaign.error ?? list.error
  const href = (format: 'csv' | 'xlsx') =>
    `${base}/participation.${format}${query({ ...filters, q: undefined })}`
  return (
    <main className="page participation-page">
      <Link to={`/campaigns/${campaignId}/admin`}>← {t('office.backToAdmin')}</Link>
      <h1>{t('office.participationTitle', { name: campaign.data?.name ?? '' })}</h1>
      {error && (
        <p role="alert" className="error">
          {errorText(error)}
        </p>
      )}
      <SourceNames sources={campaign.data?.sources ?? []}>
        {list.data && <ParticipationSummary summary={list.data.summary} />}
      </SourceNames>
      <div className="filters">
        <label htmlFor={`${id}-source`}>{t('office.linkSheetSource')}</label>
        <select
          id={`${id}-source`}
          value={source}
          onChange={(e) => setSource(e.target.value as CampaignSource['key'] | '')}
        >
          <option value="">{t('office.allSources')}</option>
          {sources.map((key) => (
            <option key={key} value={key}>
              {nameOf(key)}
            </option>
          ))}
        </select>
        <SubtreeSelect value={subtree} onChange={setSubtree} />
        <SearchInput value={search} onChange={setSearch} />
        <label className="check">
          <input
            type="checkbox"
            checked={pendingOnly}
            onChange={(e) => setPendingOnly(e.target.checked)}
          />
          {t('office.pendingOnly')}
        </label>
      </div>
      <div className="toolbar">
        <button type="button" className="primary" onClick={copyAll}>
          {copied === 'copied' ? `✓ ${t('campaignAdmin.copied')}` : t('office.copyReminder')}
        </button>
        <a className="button" href={href('csv')} download>
          {pendingOnly ? t('office.exportPendingCsv') : t('office.exportCsv')}
        </a>
        <a className="button" href={href('xlsx')} download>
          {pendingOnly ? t('office.exportPendingXlsx') : t('office.exportXlsx')}
        </a>
        {typeof copied === 'object' && (
          <span role="alert" className="error">
            {t('campaignAdmin.copyFailed', { message: errorText(copied.error) })}
          </span>
        )}
      </div>
      <p className="muted" role="status">
        {list.data &&
          t(pendingOnly ? 'office.pendingCount' : 'office.unitCount', { n: list.data.total })}
      </p>
      <div className="participation-scroll">
        <table className="data-table compact participation-table">
          <thead>
            <tr>
              <th scope="col">{t('results.subtree')}</th>
              <th scope="col">{t('campaignAdmin.col.unit')}</th>
              {shownSources.map((key) => (
                <th scope="col" key={key}>
                  {nameOf(key)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {list.data?.items.map((unit) => (
              <ParticipationRow key={unit.unitId} unit={unit} sources={shownSources} />
            ))}
          </tbody>
        </table>
      </div>
      {list.data && list.data.items.length < list.data.total && (
        <button type="button" onClick={() => setPages((p) => p + 1)} disabled={list.loading}>
          {t('campaignAdmin.moreLinks')}
        </button>
      )}
    </main>
  )
}
