import { useState } from 'react'
import { useI18n } from '../../i18n/I18nProvider'
import { useEditor } from '../EditorContext'
import { PublishDialog } from './PublishDialog'

/** Opens the publish dialog; shows the version just published. */
export function PublishButton() {
  const { t } = useI18n()
  const { canWrite } = useEditor()
  const [open, setOpen] = useState(false)
  const [published, setPublished] = useState<number | null>(null)
  return (
    <>
      {published !== null && (
        <span className="published" role="status">
          {t('publish.done', { version: published })}
        </span>
      )}
      <button
        type="button"
        className="primary"
        disabled={!canWrite}
        aria-haspopup="dialog"
        onClick={() => setOpen(true)}
      >
        {t('publish.button')}
      </button>
      {open && (
        <PublishDialog
          onClose={() => setOpen(false)}
          onPublished={(version) => {
            setPublished(version)
            setOpen(false)
          }}
        />
      )}
    </>
  )
}
