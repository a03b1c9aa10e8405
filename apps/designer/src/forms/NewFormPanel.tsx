import { localizedText, templates } from '@yardstick/sdk'
import { type FormEvent, useId, useState } from 'react'
import { useApi } from '../api/useApi'
import { useErrorText } from '../api/useErrorText'
import { useI18n } from '../i18n/I18nProvider'
import { navigate } from '../router'
import { TEMPLATE_IDS } from './kinds'

/** Creates a form, blank or from one of the SDK's templates, and opens it. */
export function NewFormPanel() {
  const { t, locale } = useI18n()
  const errorText = useErrorText()
  const api = useApi()
  const id = useId()
  const [title, setTitle] = useState('')
  const [template, setTemplate] = useState('')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<unknown>(null)

  const create = async (event: FormEvent) => {
    event.preventDefault()
    setBusy(true)
    setError(null)
    try {
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
