import { suggestNextPeriod } from '@yardstick/contract/periods'
import { type FormEvent, useEffect, useId, useRef, useState } from 'react'
import type { CampaignDetail } from '../api/types'
import { useApi } from '../api/useApi'
import { useErrorText } from '../api/useErrorText'
import { useI18n } from '../i18n/I18nProvider'
import { navigate } from '../router'
import { localDateTime } from './settings'

/**
 * 开始下一期: the next period's name and window (suggested by the contract's `suggestNextPeriod`,
 * the server's own defaults), then `POST /api/campaigns/:id/next-period` and on to the new draft.
 */
export function NextPeriodDialog({
  campaign,
  onClose,
}: {
  campaign: CampaignDetail
  onClose: () => void
}) {
  const { t } = useI18n()
  const api = useApi()
  const errorText = useErrorText()
  const id = useId()
  const ref = useRef<HTMLDialogElement>(null)
  const [draft, setDraft] = useState(() => {
    const next = suggestNextPeriod(campaign, campaign.cadence)
    return {
      name: next.name,
      opensAt: localDateTime(new Date(next.opensAt)),
      closesAt: localDateTime(new Date(next.closesAt)),
    }
  })
  const [busy, setBusy] = useState(false)
  const [failure, setFailure] = useState<unknown>(null)
  const opensAt = new Date(draft.opensAt)
  const closesAt = new Date(draft.closesAt)
  const windowValid = opensAt < closesAt

  useEffect(() => {
    const dialog = ref.current
    if (dialog && !dialog.open) dialog.showModal()
  }, [])

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    if (!windowValid) return
    setBusy(true)
    setFailure(null)
    try {
      const created = await api<{ id: number }>(`/api/campaigns/${campaign.id}/next-period`, {
        method: 'POST',
        body: {
          name: draft.name.trim(),
          opensAt: opensAt.toISOString(),
          closesAt: closesAt.toISOString(),
        },
      })
      navigate(`/campaigns/${created.id}/admin`)
    } catch (error) {
      setBusy(false)
      setFailure(error)
    }
  }

  const field = (key: keyof typeof draft, type: 'text' | 'datetime-local') => (
    <>
      <label htmlFor={`${id}-${key}`}>{t(`period.${key}`)}</label>
      <input
        id={`${id}-${key}`}
        type={type}
        required
        maxLength={type === 'text' ? 200 : undefined}
        value={draft[key]}
        onChange={(e) => setDraft({ ...draft, [key]: e.target.value })}
      />
    </>
  )

  return (
    <dialog
      ref={ref}
      className="dialog next-period"
      aria-labelledby={`${id}-h`}
      onClose={onClose}
      onCancel={onClose}
    >
      <form method="dialog" onSubmit={submit}>
        <h2 id={`${id}-h`}>{t('period.next')}</h2>
        <p className="muted">{t('period.intro')}</p>
        {field('name', 'text')}
        {field('opensAt', 'datetime-local')}
        {field('closesAt', 'datetime-local')}
        {!windowValid && (
          <p role="alert" className="error">
            {t('period.windowInvalid')}
          </p>
        )}
        {failure !== null && (
          <p role="alert" className="error">
            {errorText(failure)}
          </p>
        )}
        <div className="dialog-actions">
          <button type="button" onClick={onClose} disabled={busy}>
            {t('period.cancel')}
          </button>
          <button
            type="submit"
            className="primary"
            disabled={busy || !windowValid || !draft.name.trim()}
          >
            {busy ? t('period.creating') : t('period.create')}
          </button>
        </div>
      </form>
    </dialog>
  )
}
