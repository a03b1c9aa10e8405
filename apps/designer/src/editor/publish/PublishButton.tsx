import { lazy, Suspense, useState } from 'react'
import { useI18n } from '../../i18n/I18nProvider'
import { useEditor } from '../EditorContext'

// The dialog checks the form with `validateForm`, that is with survey-core: loaded when the
// dialog first opens, so the editor itself starts without survey-core in its script.
const PublishDialog = lazy(() =>
  import('./PublishDialog').then((module) => ({ default: module.PublishDialog })),
)

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
        <Suspense fallback={null}>
          <PublishDialog
            onClose={() => setOpen(false)}
            onPublished={(version) => {
              setPublished(version)
              setOpen(false)
            }}
          />
        </Suspense>
      )}
    </>
  )
}
