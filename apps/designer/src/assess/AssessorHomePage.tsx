import { useId, useState } from 'react'
import type { AssessmentItem, AssessmentList } from '../api/types'
import { useApi } from '../api/useApi'
import { useErrorText } from '../api/useErrorText'
import { useResource } from '../api/useResource'
import { useI18n } from '../i18n/I18nProvider'
import type { MessageKey } from '../i18n/zh-CN'
import './assess.css'

const PAGE = 50

/**
 * The assessor's home (上级考评, `/assess`): each open campaign they score in with their progress
 * and every assessor's, then the branches their grants reach — those they have not scored first —
 * each opening its scorecard at `/s/<slug>` (the respondent page, served by the server).
 */
export function AssessorHomePage() {
  const { t, locale } = useI18n()
  const errorText = useErrorText()
  const api = useApi()
  const id = useId()
  const [todoOnly, setTodoOnly] = useState(false)
  const [more, setMore] = useState<{ items: AssessmentItem[]; nextOffset: number | null }>({
    items: [],
    nextOffset: null,
  })
  const [loadingMore, setLoadingMore] = useState(false)
  const [moreError, setMoreError] = useState<unknown>(null)
  const path = `/api/assessments?limit=${PAGE}${todoOnly ? '&todo=true' : ''}`
  const list = useResource(path, async (signal) => {
    const first = await api<AssessmentList>(path, { signal })
    setMore({ items: [], nextOffset: first.nextOffset })
    return first
  })
  const data = list.data
  const items = [...(data?.items ?? []), ...more.items]
  const day = new Intl.DateTimeFormat(locale, { dateStyle: 'medium' })
  const time = new Intl.DateTimeFormat(locale, { dateStyle: 'short', timeStyle: 'short' })
  const manyCampaigns = (data?.campaigns.length ?? 0) > 1

  const loadMore = async () => {
    if (more.nextOffset === null) return
    setLoadingMore(true)
    setMoreError(null)
    try {
      const page = await api<AssessmentList>(`${path}&offset=${more.nextOffset}`)
      setMore((m) => ({ items: [...m.items, ...page.items], nextOffset: page.nextOffset }))
    } catch (error) {
      setMoreError(error)
    } finally {
      setLoadingMore(false)
    }
  }

  return (
    <main className="page assess-page">
      <h1>{t('assess.title')}</h1>
      <p className="muted">{t('assess.intro')}</p>
      {list.error && (
        <p role="alert" className="error">
          {errorText(list.error)}
        </p>
      )}
      {!data && !list.error && <p className="muted">{t('app.loading')}</p>}
      {data && data.campaigns.length === 0 && <p className="notice">{t('assess.noCampaigns')}</p>}
      {data && data.campaigns.length > 0 && (
        <>
          <ul className="assess-campaigns">
            {data.campaigns.map((c) => (
              <li key={c.id} className="card" data-campaign={c.id}>
                <h2>{c.name}</h2>
                <p className="muted">
                  {t('assess.window', {
                    opens: day.format(new Date(c.opensAt)),
                    closes: day.format(new Date(c.closesAt)),
                  })}
                  {!c.accepting && (
                    <span className="assess-closed"> · {t('assess.notAccepting')}</span>
                  )}
                </p>
                <progress
                  max={Math.max(1, c.total)}
                  value={c.scoredByMe}
                  aria-label={t('assess.progressLabel', { campaign: c.name })}
                />
                <p className="assess-progress">
                  <strong>
                    {t('assess.progressMine', { done: c.scoredByMe, total: c.total })}
                  </strong>
                  <span className="muted">
                    {t('assess.progressAll', { done: c.scoredByAnyone, total: c.total })}
                  </span>
                </p>
              </li>
            ))}
          </ul>
          <div className="page-head assess-head">
            <h2 id={`${id}-list`}>{t('assess.branches', { n: data.total })}</h2>
            <label className="check">
              <input
                type="checkbox"
                checked={todoOnly}
                onChange={(e) => setTodoOnly(e.target.checked)}
              />
              {t('assess.todoOnly')}
            </label>
          </div>
          {items.length === 0 && <p className="muted">{t('assess.allDone')}</p>}
          <ul className="assess-list" aria-labelledby={`${id}-list`}>
            {items.map((item) => (
              <li
                key={`${item.campaignId}:${item.unitId}`}
                data-unit={item.unitId}
                data-scored={item.scoredByMe}
              >
                <div className="assess-unit">
                  {/* The scorecard is the server's page, not the designer's: a plain link. */}
                  <a href={item.url}>{item.unitName}</a>
                  <span className="muted">
                    {[
                      item.parentName,
                      item.unitType ? t(`unitType.${item.unitType}` as MessageKey) : null,
                      manyCampaigns ? item.campaignName : null,
                    ]
                      .filter(Boolean)
                      .join(' · ')}
                  </span>
                </div>
                <div className="assess-state">
                  {item.scoredByMe ? (
                    <span className="badge assess-done">
                      {item.myLastScoredAt
                        ? t('assess.doneAt', { time: time.format(new Date(item.myLastScoredAt)) })
                        : t('assess.done')}
                    </span>
                  ) : (
                    <span className="badge assess-todo">{t('assess.todo')}</span>
                  )}
                  {!item.scoredByMe && item.responses > 0 && (
                    <span className="muted">{t('assess.others', { n: item.responses })}</span>
                  )}
                  <a
                    className={item.scoredByMe ? 'button' : 'button primary'}
                    href={item.url}
                    aria-label={`${item.scoredByMe ? t('assess.rescore') : t('assess.score')} ${item.unitName}`}
                  >
                    {item.scoredByMe ? t('assess.rescore') : t('assess.score')}
                  </a>
                </div>
              </li>
            ))}
          </ul>
          {moreError !== null && (
            <p role="alert" className="error">
              {errorText(moreError)}
            </p>
          )}
          {more.nextOffset !== null && (
            <button type="button" onClick={loadMore} disabled={loadingMore}>
              {t('assess.more')}
            </button>
          )}
        </>
      )}
    </main>
  )
}
