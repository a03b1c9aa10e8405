import { localizedText, templates } from '@yardstick/sdk'
import { type FormEvent, useId, useState } from 'react'
import type { FormSummary, Page } from '../api/types'
import { useApi } from '../api/useApi'
import { useErrorText } from '../api/useErrorText'
import { useResource } from '../api/useResource'
import { useI18n } from '../i18n/I18nProvider'
import { navigate } from '../router'
import { TEMPLATE_IDS } from './kinds'

/**
 * Creates a form — blank, from one of the SDK's templates, or as a copy of one of the office's
 * own forms (issue 19) — and opens it.
 */
export function NewFormPanel() {
  const { t, locale } = useI18n()
  const errorText = useErrorText()
  const api = useApi()
  const id = useId()
  const [title, setTitle] = useState('')
  const [template, setTemplate] = useState('')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<unknown>(null)
  // The office's own forms to start from: the ones this editor reaches, newest first.
  const own = useResource(OWN_FORMS, (signal) => api<Page<FormSummary>>(OWN_FORMS, { signal }))

  const create = async (event: FormEvent) => {
    event.preventDefault()
    setBusy(true)
    setError(null)
    try {
      const copyOf = template.startsWith(COPY) ? Number(template.slice(COPY.length)) : null
      if (copyOf !== null) {
        // The copy is the server's duplicate: the form as its editors see it now.
        const copied = await api<{ id: number }>(`/api/forms/${copyOf}/duplicate`, {
          method: 'POST',
          body: title.trim() ? { title: title.trim() } : {},
        })
        navigate(`/forms/${copied.id}`)
        return
      }
      const chosen = template ? templates[template as keyof typeof templates] : undefined
      const name =
        title.trim() ||
        (chosen ? localizedText(chosen.title, locale) : '') ||
        t('forms.newTitleDefault')
      const created = await api<{ id: number }>('/api/forms', {
        method: 'POST',
        body: { title: name, ...(template ? { template } : {}) },
      })
      navigate(`/forms/${created.id}`)
    } catch (caught) {
      setError(caught)
      setBusy(false)
    }
  }

  return (
    <form className="new-form" onSubmit={create} aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{t('forms.new')}</h2>
      <label htmlFor={`${id}-title`}>{t('forms.newTitle')}</label>
      <input
        id={`${id}-title`}
        value={title}
        maxLength={200}
        placeholder={t('forms.newTitleDefault')}
        onChange={(e) => setTitle(e.target.value)}
      />
      <label htmlFor={`${id}-template`}>{t('forms.template')}</label>
      <select id={`${id}-template`} value={template} onChange={(e) => setTemplate(e.target.value)}>
        <option value="">{t('forms.blank')}</option>
        {TEMPLATE_IDS.map((key) => (
          <option key={key} value={key}>
            {localizedText(templates[key].title, locale)}
          </option>
        ))}
        {(own.data?.items.length ?? 0) > 0 && (
          <optgroup label={t('forms.ownForms')}>
            {own.data?.items.map((form) => (
              <option key={form.id} value={`${COPY}${form.id}`}>
                {t('forms.fromOwnForm', { title: form.title })}
              </option>
            ))}
          </optgroup>
        )}
      </select>
      <button type="submit" className="primary" disabled={busy}>
        {busy ? t('forms.creating') : t('forms.create')}
      </button>
      {error !== null && (
        <p role="alert" className="error">
          {errorText(error)}
        </p>
      )}
    </form>
  )
}

const OWN_FORMS = '/api/forms?limit=100'
/** The menu value of "a copy of form N". */
const COPY = 'copy:'
