import { useCallback, useState } from 'react'
import type { FormDetail } from '../api/types'
import { useApi } from '../api/useApi'
import { useErrorText } from '../api/useErrorText'
import { useResource } from '../api/useResource'
import { useI18n } from '../i18n/I18nProvider'
import { Link } from '../router'
import { Editor } from './Editor'
import { useFormSession } from './useFormSession'

/** `/forms/:id`: loads the form's record, then opens its shared document in the editor. */
export function EditorPage({ formId }: { formId: number }) {
  const { t } = useI18n()
  const errorText = useErrorText()
  const api = useApi()
  const form = useResource(`form:${formId}`, (signal) =>
    api<FormDetail>(`/api/forms/${formId}`, { signal }),
  )
  if (form.error) {
    return (
      <main className="page">
        <p role="alert" className="error">
          {errorText(form.error)}
        </p>
        <Link to="/forms">{t('editor.back')}</Link>
      </main>
    )
  }
  if (!form.data) return <p className="page muted">{t('app.loading')}</p>
  return <OpenEditor form={form.data} />
}

// A new key mounts a fresh session (and editor): after the server refused this editor's
// unsynced changes and they were discarded, it loads the server's document.
function OpenEditor({ form }: { form: FormDetail }) {
  const [opened, setOpened] = useState(0)
  const reopen = useCallback(() => setOpened((n) => n + 1), [])
  return <SessionEditor key={opened} form={form} reopen={reopen} />
}

function SessionEditor({ form, reopen }: { form: FormDetail; reopen: () => void }) {
  const { t } = useI18n()
  const session = useFormSession(form)
  if (!session) return <p className="page muted">{t('app.loading')}</p>
  return <Editor form={form} session={session} reopen={reopen} />
}
