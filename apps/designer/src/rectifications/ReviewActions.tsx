import { type FormEvent, useId, useState } from 'react'
import type { Rectification } from '../api/branch'
import { useApi } from '../api/useApi'
import { useErrorText } from '../api/useErrorText'
import { useI18n } from '../i18n/I18nProvider'

/**
 * The office's decision on a fixed rectification: accept it (销号) at once, or return it with
 * a reason the branch's secretary will read (the reason is required, here and by the server).
 */
export function ReviewActions({
  item,
  onDecided,
}: {
  item: Rectification
  onDecided: (next: Rectification) => void
}) {
  const { t } = useI18n()
  const errorText = useErrorText()
  const api = useApi()
  const id = useId()
  const [returning, setReturning] = useState(false)
  const [reason, setReason] = useState('')
  const [busy, setBusy] = useState(false)
  const [failure, setFailure] = useState<unknown>(null)

  const decide = async (decision: 'accept' | 'return') => {
    setBusy(true)
    setFailure(null)
    try {
      const body = decision === 'return' ? { decision, note: reason.trim() } : { decision }
      onDecided(
        await api<Rectification>(`/api/rectifications/${item.id}/review`, { method: 'POST', body }),
      )
    } catch (error) {
      setFailure(error)
    } finally {
      setBusy(false)
    }
  }
  const confirmReturn = (event: FormEvent) => {
    event.preventDefault()
    if (reason.trim()) void decide('return')
  }

  return (
    <div className="rect-review">
      {failure !== null && (
        <p role="alert" className="error">
          {errorText(failure)}
        </p>
      )}
      {returning ? (
        <form onSubmit={confirmReturn} className="rect-return">
          <label htmlFor={`${id}-reason`}>{t('rectReview.reason')}</label>
          <textarea
            id={`${id}-reason`}
            rows={2}
            required
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            aria-describedby={`${id}-hint`}
          />
          <small id={`${id}-hint`} className="hint">
            {t('rectReview.reasonHint')}
          </small>
          <div className="rect-actions">
            <button type="submit" className="danger" disabled={busy || reason.trim() === ''}>
              {t('rectReview.confirmReturn')}
            </button>
            <button type="button" disabled={busy} onClick={() => setReturning(false)}>
              {t('rectReview.cancel')}
            </button>
          </div>
        </form>
      ) : (
        <div className="rect-actions">
          <button
            type="button"
            className="primary"
            disabled={busy}
            onClick={() => void decide('accept')}
          >
            {t('rectReview.accept')}
          </button>
          <button type="button" disabled={busy} onClick={() => setReturning(true)}>
            {t('rectReview.return')}
          </button>
        </div>
      )}
    </div>
  )
}
