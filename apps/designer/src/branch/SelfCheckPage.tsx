import './branch.css'
import { useCallback, useEffect, useRef, useState } from 'react'
import { type SelfCheck, selfCheckPath } from '../api/branch'
import { useApi } from '../api/useApi'
import { useErrorText } from '../api/useErrorText'
import { useResource } from '../api/useResource'
import { useI18n } from '../i18n/I18nProvider'
import { Link } from '../router'
import { CoFillSurvey } from './CoFillSurvey'
import { ProblemList } from './ProblemList'
import { WorkflowPanel } from './WorkflowPanel'

/** After the last answer (anyone's) this long, the live score, pending items and problems reload. */
const REFRESH_AFTER_MS = 700

/**
 * A branch's self-check in one campaign: filled together live, with its live score, the
 * required items still open and the problem list; then approved, announced and submitted.
 */
export function SelfCheckPage({ campaignId, unitId }: { campaignId: number; unitId: number }) {
  const { t } = useI18n()
  const errorText = useErrorText()
  const api = useApi()
  const path = selfCheckPath(campaignId, unitId)
  const loaded = useResource(path, (signal) => api<SelfCheck>(path, { signal }))
  const [current, setCurrent] = useState<SelfCheck | null>(null)
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null)

  const [beginError, setBeginError] = useState<unknown>(null)

  // Reading a self-check creates nothing (issue 16, item 11): one nobody has begun has no id,
  // so no co-filled document. Whoever may fill it in begins it here (creating the empty
  // draft, or finding the one a fellow member just began); a reader is refused and sees it
  // has not begun.
  useEffect(() => {
    const data = loaded.data
    if (!data) return
    setCurrent(data)
    if (data.id !== null) return
    api<SelfCheck>(`${path}/begin`, { method: 'POST' }).then(setCurrent, setBeginError)
  }, [loaded.data, api, path])
  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current)
    },
    [],
  )
  // The server writes co-filled answers back to the draft within 200 ms (COL24): reading it a
  // little after the last change shows what approval will see.
  const onAnswers = useCallback(() => {
    if (timer.current) clearTimeout(timer.current)
    timer.current = setTimeout(() => {
      api<SelfCheck>(path).then(setCurrent, () => {})
    }, REFRESH_AFTER_MS)
  }, [api, path])

  if (loaded.error)
    return (
      <main className="page">
        <p className="error">{errorText(loaded.error)}</p>
      </main>
    )
  if (!current)
    return (
      <main className="page">
        <p className="muted">{t('app.loading')}</p>
      </main>
    )
  const percent = typeof current.score.percent === 'number' ? current.score.percent : null
  return (
    <main className="page self-check-page" data-status={current.status}>
      <p>
        <Link to="/branch">{t('branch.back')}</Link>
      </p>
      <h1>{current.unitName}</h1>
      <p className="self-check-summary">
        <span className="self-check-status">
          {t('branch.status', { status: t(`branch.statusName.${current.status}`) })}
        </span>
        {percent !== null && (
          <span>{t('branch.score', { percent: Math.round(percent * 10) / 10 })}</span>
        )}
        <span className="self-check-pending" data-pending={current.pending.length}>
          {current.pending.length > 0
            ? t('branch.pending', { n: current.pending.length })
            : t('branch.complete')}
        </span>
      </p>
      <div className="self-check-body">
        {current.id === null ? (
          <p className="muted self-check-not-begun">
            {beginError ? errorText(beginError) : t('branch.notBegun')}
          </p>
        ) : (
          <CoFillSurvey key={current.id} selfCheck={current} onAnswers={onAnswers} />
        )}
        <aside className="self-check-side">
          <WorkflowPanel selfCheck={current} onChange={setCurrent} />
          <ProblemList selfCheck={current} />
        </aside>
      </div>
    </main>
  )
}
