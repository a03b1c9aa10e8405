import { compileForm, type FormJson, type LocalizedText, localizedText } from '@yardstick/sdk'
import { type FormEvent, useId, useState } from 'react'
import { type SelfCheck, selfCheckPath } from '../api/branch'
import { useApi } from '../api/useApi'
import { useErrorText } from '../api/useErrorText'
import { useI18n } from '../i18n/I18nProvider'

const today = () => new Date().toISOString().slice(0, 10)

// A refused answer is named by the question's title, as the secretary sees it on the page.
function questionTitle(form: FormJson, name: string, locale: string): string {
  const question = compileForm(form).byName.get(name)
  return question ? localizedText(question.element.title, locale, name) : name
}

// A required entry of a problem entry (整改时限…) by the item's title; a deeper path as it is.
function itemTitle(form: FormJson, name: string, item: string, locale: string): string {
  const items = compileForm(form).byName.get(name)?.element.items
  const found = Array.isArray(items)
    ? (items as Array<{ name?: unknown; title?: LocalizedText }>).find((i) => i.name === item)
    : undefined
  return found ? localizedText(found.title, locale, item) : item
}

/**
 * The self-check's workflow as the secretary moves it: record the committee's approval (the
 * meeting's date; the server refuses an incomplete or invalid self-check with the reason), then
 * the announcement to all members, then submit upward. Each step answers the new self-check.
 */
export function WorkflowPanel({
  selfCheck,
  onChange,
}: {
  selfCheck: SelfCheck
  onChange: (next: SelfCheck) => void
}) {
  const { t, locale } = useI18n()
  const api = useApi()
  const id = useId()
  const [approvedOn, setApprovedOn] = useState(today)
  const [busy, setBusy] = useState(false)
  const [failure, setFailure] = useState<unknown>(null)
  const errorText = useErrorText()
  const base = selfCheckPath(selfCheck.campaignId, selfCheck.unitId)
  const date = (iso: string | null) =>
    iso ? new Intl.DateTimeFormat(locale, { dateStyle: 'medium' }).format(new Date(iso)) : ''

  const step = async (path: string, body?: unknown) => {
    setBusy(true)
    setFailure(null)
    try {
      onChange(await api<SelfCheck>(`${base}/${path}`, { method: 'POST', body }))
    } catch (error) {
      setFailure(error)
    } finally {
      setBusy(false)
    }
  }
  const approve = (event: FormEvent) => {
    event.preventDefault()
    void step('approve', { approvedOn })
  }

  return (
    <section className="workflow" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{t('branch.workflow')}</h2>
      <ol className="workflow-steps">
        {selfCheck.approvedOn && (
          <li>{t('branch.done.approved', { date: date(selfCheck.approvedOn) })}</li>
        )}
        {selfCheck.announcedAt && (
          <li>{t('branch.done.announced', { date: date(selfCheck.announcedAt) })}</li>
        )}
        {selfCheck.submittedAt && (
          <li>{t('branch.done.submitted', { date: date(selfCheck.submittedAt) })}</li>
        )}
      </ol>
      {selfCheck.status === 'draft' && (
        <form onSubmit={approve} className="workflow-approve">
          <p className="muted">{t('branch.approveHint')}</p>
          <label htmlFor={`${id}-date`}>{t('branch.approvedOn')}</label>
          <input
            id={`${id}-date`}
            type="date"
            required
            value={approvedOn}
            max={today()}
            onChange={(e) => setApprovedOn(e.target.value)}
          />
          <button type="submit" className="primary" disabled={busy || !approvedOn}>
            {t('branch.approve')}
          </button>
        </form>
      )}
      {selfCheck.status === 'approved' && (
        <button
          type="button"
          className="primary"
          disabled={busy}
          onClick={() => void step('announce')}
        >
          {t('branch.announce')}
        </button>
      )}
      {selfCheck.status === 'announced' && (
        <button
          type="button"
          className="primary"
          disabled={busy}
          onClick={() => void step('submit')}
        >
          {t('branch.submit')}
        </button>
      )}
      {failure !== null && (
        <p role="alert" className="error">
          {t('branch.failed', {
            message: errorText(failure, {
              questionTitle: (name) => questionTitle(selfCheck.form, name, locale),
              itemTitle: (name, item) => itemTitle(selfCheck.form, name, item, locale),
            }),
          })}
        </p>
      )}
    </section>
  )
}
