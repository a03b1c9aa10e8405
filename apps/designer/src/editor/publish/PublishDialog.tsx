import { validateForm } from '@yardstick/sdk'
import { type FormEvent, useEffect, useId, useRef, useState } from 'react'
import { ApiError } from '../../api/client'
import type { Published } from '../../api/types'
import { useApi } from '../../api/useApi'
import { useStore } from '../../collab/store'
import { useI18n } from '../../i18n/I18nProvider'
import { useEditor } from '../EditorContext'

/**
 * Asks for a note and publishes the shared document as the next immutable version. Refused
 * here while `validateForm` finds errors (the server refuses too) or while not synced: the
 * server publishes the document as it has it.
 */
export function PublishDialog({
  onClose,
  onPublished,
}: {
  onClose: () => void
  onPublished: (version: number) => void
}) {
  const { t, locale } = useI18n()
  const api = useApi()
  const { form, view, session, versionPublished } = useEditor()
  const connection = useStore(session.connection)
  const ref = useRef<HTMLDialogElement>(null)
  const id = useId()
  const [note, setNote] = useState('')
  const [busy, setBusy] = useState(false)
  const [message, setMessage] = useState<string | null>(null)
  const errors = validateForm(view.json, { locale }).errors.length
  const synced = connection.state === 'synced'

  useEffect(() => {
    const dialog = ref.current
    if (dialog && !dialog.open) dialog.showModal()
  }, [])

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    if (errors > 0 || !synced) return
    setBusy(true)
    setMessage(null)
    try {
      const published = await api<Published>(`/api/forms/${form.id}/publish`, {
        method: 'POST',
        body: { note: note.trim() },
      })
      versionPublished()
      onPublished(published.version)
    } catch (error) {
      setBusy(false)
      if (error instanceof ApiError && error.code === 'conflict') setMessage(t('publish.nothing'))
      else setMessage(t('publish.failed', { message: (error as Error).message }))
    }
  }

  return (
    <dialog
      ref={ref}
      className="dialog"
      aria-labelledby={`${id}-h`}
      onClose={onClose}
      onCancel={onClose}
    >
      <form method="dialog" onSubmit={submit}>
        <h2 id={`${id}-h`}>{t('publish.title')}</h2>
        <label htmlFor={`${id}-note`}>{t('publish.note')}</label>
        <textarea
          id={`${id}-note`}
          rows={3}
          maxLength={2000}
          value={note}
          placeholder={t('publish.notePlaceholder')}
          onChange={(e) => setNote(e.target.value)}
        />
        {errors > 0 && (
          <p role="alert" className="error">
            {t('publish.refused', { n: errors })}
          </p>
        )}
        {errors === 0 && !synced && (
          <p role="alert" className="error">
            {t('publish.offline')}
          </p>
        )}
        {message && (
          <p role="alert" className="error">
            {message}
          </p>
        )}
        <div className="dialog-actions">
          <button type="button" onClick={onClose}>
            {t('publish.cancel')}
          </button>
          <button type="submit" className="primary" disabled={busy || errors > 0 || !synced}>
            {t('publish.submit')}
          </button>
        </div>
      </form>
    </dialog>
  )
}
