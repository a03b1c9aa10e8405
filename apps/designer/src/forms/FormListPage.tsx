import { FORM_KINDS } from '@yardstick/sdk'
import { useEffect, useId, useState } from 'react'
import { query } from '../api/client'
import type { FormSummary, Page } from '../api/types'
import { useApi } from '../api/useApi'
import { useErrorText } from '../api/useErrorText'
import { useResource } from '../api/useResource'
import { useSignedIn } from '../auth/SessionProvider'
import { canEdit } from '../auth/session'
import { useI18n } from '../i18n/I18nProvider'
import { FormTable } from './FormTable'
import { kindKey } from './kinds'
import { NewFormPanel } from './NewFormPanel'

const PAGE = 20

/** Every form the user may see: search, filter by kind, archived, create, duplicate, archive. */
export function FormListPage() {
  const { t } = useI18n()
  const errorText = useErrorText()
  const api = useApi()
  const { user } = useSignedIn()
  const id = useId()
  const [search, setSearch] = useState('')
  const [q, setQ] = useState('')
  const [kind, setKind] = useState('')
  const [archived, setArchived] = useState(false)
  const [limit, setLimit] = useState(PAGE)
  const [notice, setNotice] = useState<string | null>(null)

  useEffect(() => {
    const timer = setTimeout(() => setQ(search.trim()), 250)
    return () => clearTimeout(timer)
  }, [search])

  const path = `/api/forms${query({ q, kind: kind || undefined, archived: archived || undefined, limit: Math.min(limit, 100) })}`
  const forms = useResource(path, (signal) => api<Page<FormSummary>>(path, { signal }))
  const editable = canEdit(user)

  return (
    <main className="page">
      <div className="page-head">
        <h1>{t('forms.title')}</h1>
        {forms.data && <span className="muted">{t('forms.total', { n: forms.data.total })}</span>}
      </div>
      {editable && <NewFormPanel />}
      <search className="filters">
        <label htmlFor={`${id}-q`} className="visually-hidden">
          {t('forms.search')}
        </label>
        <input
          id={`${id}-q`}
          type="search"
          placeholder={t('forms.search')}
          value={search}
          onChange={(e) => setSearch(e.target.value)}
        />
        <label htmlFor={`${id}-kind`}>{t('forms.kind')}</label>
        <select id={`${id}-kind`} value={kind} onChange={(e) => setKind(e.target.value)}>
          <option value="">{t('forms.allKinds')}</option>
          {FORM_KINDS.map((k) => (
            <option key={k} value={k}>
              {t(kindKey(k))}
            </option>
          ))}
        </select>
        <label className="check">
          <input
            type="checkbox"
            checked={archived}
            onChange={(e) => setArchived(e.target.checked)}
          />
          {t('forms.archived')}
        </label>
      </search>
      {notice && (
        <p role="status" className="notice">
          {notice}
        </p>
      )}
      {forms.error && (
        <p role="alert" className="error">
          {errorText(forms.error)}
        </p>
      )}
      {forms.data && (
        <FormTable
          forms={forms.data.items}
          editable={editable}
          onChanged={(message) => {
            setNotice(message)
            forms.reload()
          }}
        />
      )}
      {forms.data && forms.data.items.length === 0 && <p className="muted">{t('forms.empty')}</p>}
      {forms.data && forms.data.total > forms.data.items.length && limit < 100 && (
        <button type="button" onClick={() => setLimit((n) => n + PAGE)}>
          {t('forms.more')}
        </button>
      )}
    </main>
  )
}
