import { lazy, Suspense, useState } from 'react'
import { useI18n } from '../../i18n/I18nProvider'
import { useEditor } from '../EditorContext'

// The dialog parses with the SDK and shows SurveyJS-free previews; loaded when first opened, so
// the editor starts without it.
const TextImportDialog = lazy(() =>
  import('./TextImportDialog').then((module) => ({ default: module.TextImportDialog })),
)

/** Opens the paste-a-form dialog (文本导入) for an editor who may write. */
export function TextImportButton() {
  const { t } = useI18n()
  const { canWrite } = useEditor()
  const [open, setOpen] = useState(false)
  return (
    <>
      <button
        type="button"
        disabled={!canWrite}
        aria-haspopup="dialog"
        onClick={() => setOpen(true)}
      >
        {t('textImport.button')}
      </button>
      {open && (
        <Suspense fallback={null}>
          <TextImportDialog onClose={() => setOpen(false)} />
        </Suspense>
      )}
    </>
  )
}
