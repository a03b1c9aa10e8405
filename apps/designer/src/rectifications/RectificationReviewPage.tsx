import './rectifications.css'
import { useEffect, useId, useState } from 'react'
import type { Rectification, RectificationList, RectificationStatus } from '../api/branch'
import { query } from '../api/client'
import type { CampaignSummary, Page } from '../api/types'
import { useApi } from '../api/useApi'
import { useErrorText } from '../api/useErrorText'
import { useResource } from '../api/useResource'
import { orgsOfKinds, useOrgs } from '../campaigns/useOrgs'
import { useI18n } from '../i18n/I18nProvider'
import { RECTIFICATION_REVIEW_PATH } from './paths'
import { RectificationCard } from './RectificationCard'
import { ReviewActions } from './ReviewActions'
import { type ReviewFilters, readFilters, STATUS_ORDER, writeFilters } from './review-filters'

const PAGE = 20

/**
 * The superior office's screen (`/rectifications`, 整改销号): the rectifications of the branches
 * it reaches, overdue first, filtered by campaign, status and subtree (kept in the address, so a
 * link such as `?status=fixed` opens the ones waiting to be accepted), each fixed one accepted
 * (销号) or returned with a reason where the server says the user may (`can.review`).
 */
export function RectificationReviewPage() {
  const { t } = useI18n()
  const errorText = useErrorText()
  const api = useApi()
  const id = useId()
  const [filters, setFilters] = useState<ReviewFilters>(() => readFilters(location.search))
  const [more, setMore] = useState<{ items: Rectification[]; nextOffset: number | null }>({
    items: [],
    nextOffset: null,
  })
  const [changed, setChanged] = useState<Map<number, Rectification>>(new Map())
  const [done, setDone] = useState<string | null>(null)
  const [moreError, setMoreError] = useState<unknown>(null)
  const campaigns = useResource('campaigns:100', (signal) =>
    api<Page<CampaignSummary>>('/api/campaigns?limit=100', { signal }),
  )
  const orgs = useOrgs()
  const path = `/api/rectifications${query({
    campaignId: filters.campaignId,
    subtree: filters.subtree,
    status: filters.status,
    overdue: filters.overdue || undefined,
    sort: 'urgency',
    limit: PAGE,
  })}`
  const list = useResource(path, async (signal) => {
    const first = await api<RectificationList>(path, { signal })
    setMore({ items: [], nextOffset: first.nextOffset })
    return first
  })

  useEffect(() => writeFilters(RECTIFICATION_REVIEW_PATH, filters), [filters])
  const update = (patch: Partial<ReviewFilters>) => {
    setDone(null)
    setFilters((f) => ({ ...f, ...patch }))
  }
  const loadMore = async () => {
    if (more.nextOffset === null) return
    setMoreError(null)
    try {
      const page = await api<RectificationList>(`${path}&offset=${more.nextOffset}`)
      setMore((m) => ({ items: [...m.items, ...page.items], nextOffset: page.nextOffset }))
    } catch (error) {
      setMoreError(error)
    }
  }
  const decided = (item: Rectification) => {
    setChanged((m) => new Map(m).set(item.id, item))
    const key = item.status === 'accepted' ? 'rectReview.done.accepted' : 'rectReview.done.returned'
    setDone(t(key, { unit: item.unitName, title: item.title }))
  }

  // A decision taken here shows until the list brings something newer (a reload in flight while
  // deciding must not hide it).
  const items = [...(list.data?.items ?? []), ...more.items].map((r) => {
    const decidedHere = changed.get(r.id)
    return decidedHere && decidedHere.updatedAt >= r.updatedAt ? decidedHere : r
  })
  const counts = list.data?.counts
  const subtrees = orgsOfKinds(orgs.data?.items ?? [], ['committee', 'subcommittee'])
  return (
    <main className="page rect-review-page">
      <h1>{t('rectReview.title')}</h1>
      <p className="muted">{t('rectReview.intro')}</p>
      <div className="filters rect-filters">
        <label>
          <span>{t('rectReview.campaign')}</span>
          <select
            value={filters.campaignId ?? ''}
            onChange={(e) => update({ campaignId: Number(e.target.value) || undefined })}
          >
            <option value="">{t('rectReview.allCampaigns')}</option>
            {campaigns.data?.items.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span>{t('rectReview.status')}</span>
          <select
            value={filters.status ?? ''}
            onChange={(e) =>
              update({ status: (e.target.value || undefined) as RectificationStatus | undefined })
            }
          >
            <option value="">{t('rectReview.allStatuses')}</option>
            {STATUS_ORDER.map((status) => (
              <option key={status} value={status}>
                {t('rectReview.countStatus', {
                  status: t(`rectStatus.${status}`),
                  n: counts?.byStatus[status] ?? 0,
                })}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span>{t('rectReview.subtree')}</span>
          <select
            value={filters.subtree ?? ''}
            onChange={(e) => update({ subtree: Number(e.target.value) || undefined })}
          >
            <option value="">{t('rectReview.allSubtrees')}</option>
            {subtrees.map(({ node, depth }) => (
              <option key={node.id} value={node.id}>
                {`${'　'.repeat(depth)}${node.name}`}
              </option>
            ))}
          </select>
        </label>
        <label className="check">
          <input
            type="checkbox"
            checked={filters.overdue}
            onChange={(e) => update({ overdue: e.target.checked })}
          />
          {t('rectReview.overdueOnly')}
          {counts && <span className="badge overdue">{counts.overdue}</span>}
        </label>
      </div>
      <p className="muted" id={`${id}-total`}>
        {list.data && t('rectReview.total', { n: list.data.total })}
      </p>
      {list.error && (
        <p role="alert" className="error">
          {errorText(list.error)}
        </p>
      )}
      {done && (
        <p role="status" className="ok">
          {done}
        </p>
      )}
      {list.data?.total === 0 && <p className="muted">{t('rectReview.empty')}</p>}
      <ul className="rect-cards" aria-describedby={`${id}-total`}>
        {items.map((item) => (
          <li key={item.id}>
            <RectificationCard item={item}>
              {item.can.review ? (
                <ReviewActions item={item} onDecided={decided} />
              ) : (
                item.status !== 'accepted' &&
                item.status !== 'fixed' && (
                  <p className="muted rect-waiting">{t('rectReview.waitingBranch')}</p>
                )
              )}
            </RectificationCard>
          </li>
        ))}
      </ul>
      {moreError !== null && (
        <p role="alert" className="error">
          {errorText(moreError)}
        </p>
      )}
      {more.nextOffset !== null && (
        <button type="button" onClick={() => void loadMore()}>
          {t('rectReview.more')}
        </button>
      )}
    </main>
  )
}
