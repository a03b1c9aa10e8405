import { lazy, Suspense } from 'react'
import { useI18n } from '../../i18n/I18nProvider'

// survey-react-ui and its styles are most of the editor's script: loaded when the preview is.
const LivePreview = lazy(() => import('./LivePreview'))

/** The live preview with its score, loaded on demand so the editor opens without it. */
export function PreviewPanel() {
  const { t } = useI18n()
  return (
    <Suspense fallback={<p className="muted">{t('preview.loading')}</p>}>
      <LivePreview />
    </Suspense>
  )
}
