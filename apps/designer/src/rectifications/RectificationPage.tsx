import './rectifications.css'
import { type FormEvent, useEffect, useId, useState } from 'react'
import type { Rectification, RectificationStatus } from '../api/branch'
import { ApiError } from '../api/client'
import { useApi } from '../api/useApi'
import { useErrorText } from '../api/useErrorText'
import { useResource } from '../api/useResource'
import { useI18n } from '../i18n/I18nProvider'
import { Link } from '../router'
import { RectificationCard } from './RectificationCard'

interface Draft {
  measure: string
  owner: string
  deadline: string
  progress: string
  evidence: string
}

const draftOf = (r: Rectification): Draft => ({
  measure: r.measure ?? '',
  owner: r.owner ?? '',
  deadline: r.deadline ?? '',
  progress: r.progress ?? '',
  evidence: r.evidence ?? '',
})

/**
 * The branch's screen for one rectification (`/branch/rectifications/:id`): the secretary
 * records progress and evidence, moves the deadline, marks it fixed (sent to the office above
 * for 销号) or takes that back, and reads why it was returned. Who may change what, and when,
 * is the server's (`can.update`); an accepted rectification is shown closed.
 */
export function RectificationPage({ id }: { id: number }) {
  const { t } = useI18n()
  const errorText = useErrorText()
  const api = useApi()
  const formId = useId()
  const path = `/api/rectifications/${id}`
  const loaded = useResource(path, (signal) => api<Rectification>(path, { signal }))
  const [current, setCurrent] = useState<Rectification | null>(null)
  const [draft, setDraft] = useState<Draft | null>(null)
  const [busy, setBusy] = useState(false)
  const [failure, setFailure] = useState<unknown>(null)
  const [saved, setSaved] = useState(false)

  useEffect(() => {
    if (!loaded.data) return
    setCurrent(loaded.data)
    setDraft(draftOf(loaded.data))
  }, [loaded.data])

  if (loaded.error) {
    return (
      <main className="page">
        <p role="alert" className="error">
          {errorText(loaded.error)}
        </p>
        <Link to="/branch">{t('rect.back')}</Link>
      </main>
    )
  }
  if (!current || !draft) return <p className="page muted">{t('app.loading')}</p>

  const send = async (status?: RectificationStatus) => {
    setBusy(true)
    setFailure(null)
    setSaved(false)
    // Only what changed travels; text the secretary emptied is cleared (progress, evidence).
    const before = draftOf(current)
    const body: Record<string, unknown> = {}
    for (const key of Object.keys(draft) as Array<keyof Draft>) {
      if (draft[key] === before[key]) continue
      body[key] =
        draft[key].trim() === '' && (key === 'progress' || key === 'evidence') ? null : draft[key]
    }
    if (status && status !== current.status) body.status = status
    try {
      const next =
        Object.keys(body).length > 0
          ? await api<Rectification>(path, { method: 'PATCH', body })
          : current
      setCurrent(next)
      setDraft(draftOf(next))
      setSaved(true)
    } catch (error) {
      setFailure(error)
    } finally {
      setBusy(false)
    }
  }
  // Writing progress on a new or returned item is working on it.
  const working: RectificationStatus | undefined =
    (current.status === 'open' || current.status === 'returned') && draft.progress.trim()
      ? 'inProgress'
      : undefined
  const save = (event: FormEvent) => {
    event.preventDefault()
    void send(working)
  }
  const set = (key: keyof Draft) => (value: string) =>
    setDraft((d) => (d ? { ...d, [key]: value } : d))
  const editable = current.can.update
  const awaiting = current.status === 'fixed'

  return (
    <main className="page rect-page" data-status={current.status}>
      <p>
        <Link to="/branch">{t('rect.back')}</Link>
      </p>
      <h1>{t('rect.title')}</h1>
      <RectificationCard item={current} />
      {current.status === 'accepted' && <p className="notice">{t('rect.closed')}</p>}
      {awaiting && <p className="notice">{t('rect.waiting')}</p>}
      {!editable && current.status !== 'accepted' && <p className="muted">{t('rect.readOnly')}</p>}
      {editable && (
        <form className="rect-form" onSubmit={save}>
          <label>
            <span>{t('rect.progress')}</span>
            <textarea
              rows={3}
              value={draft.progress}
              onChange={(e) => set('progress')(e.target.value)}
              aria-describedby={`${formId}-progress`}
            />
            <small id={`${formId}-progress`} className="hint">
              {t('rect.progressHint')}
            </small>
          </label>
          <label>
            <span>{t('rect.evidence')}</span>
            <textarea
              rows={3}
              value={draft.evidence}
              onChange={(e) => set('evidence')(e.target.value)}
              aria-describedby={`${formId}-evidence`}
            />
            <small id={`${formId}-evidence`} className="hint">
              {t('rect.evidenceHint')}
            </small>
          </label>
          <div className="rect-form-row">
            <label>
              <span>{t('rect.newDeadline')}</span>
              <input
                type="date"
                required
                value={draft.deadline}
                onChange={(e) => set('deadline')(e.target.value)}
              />
            </label>
            <label>
              <span>{t('rect.owner')}</span>
              <input required value={draft.owner} onChange={(e) => set('owner')(e.target.value)} />
            </label>
          </div>
          <label>
            <span>{t('rect.measure')}</span>
            <textarea
              rows={2}
              required
              value={draft.measure}
              onChange={(e) => set('measure')(e.target.value)}
            />
          </label>
          {failure !== null && (
            <p role="alert" className="error">
              {needsEvidence(failure) ? t('rect.evidenceHint') : errorText(failure)}
            </p>
          )}
          {saved && failure === null && (
            <p role="status" className="ok">
              {t('rect.saved')}
            </p>
          )}
          <div className="rect-actions">
            <button type="submit" disabled={busy}>
              {t('rect.save')}
            </button>
            {awaiting ? (
              <button type="button" disabled={busy} onClick={() => void send('inProgress')}>
                {t('rect.withdraw')}
              </button>
            ) : (
              <button
                type="button"
                className="primary"
                disabled={busy || draft.evidence.trim() === ''}
                onClick={() => void send('fixed')}
              >
                {t('rect.markFixed')}
              </button>
            )}
          </div>
        </form>
      )}
    </main>
  )
}

// The server refuses "fixed" without evidence by naming what is missing.
function needsEvidence(error: unknown): boolean {
  if (!(error instanceof ApiError) || error.code !== 'invalidTransition') return false
  const missing = (error.details as { missing?: unknown } | undefined)?.missing
  return Array.isArray(missing) && missing.includes('evidence')
}
