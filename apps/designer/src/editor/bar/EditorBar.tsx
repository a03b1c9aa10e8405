import { localizedText } from '@yardstick/sdk'
import { useI18n } from '../../i18n/I18nProvider'
import { Link } from '../../router'
import { useEditor, useViewSelect } from '../EditorContext'
import { PublishButton } from '../publish/PublishButton'
import { TextImportButton } from '../text-import/TextImportButton'
import { ConnectionBadge } from './ConnectionBadge'
import { PresenceAvatars } from './PresenceAvatars'
import { UndoRedo } from './UndoRedo'

/** The editor's top bar: back, the form's title, connection, who is here, undo/redo, publish. */
export function EditorBar() {
  const { t, locale } = useI18n()
  const { form } = useEditor()
  const title =
    localizedText(
      useViewSelect((view) => view.json.title),
      locale,
    ) || form.title
  return (
    <div className="editor-bar">
      <Link to="/forms" className="back">
        ← {t('editor.back')}
      </Link>
      <h1 className="editor-title" title={title}>
        {title}
      </h1>
      <ConnectionBadge />
      <span className="spacer" />
      <PresenceAvatars />
      <TextImportButton />
      <UndoRedo />
      <PublishButton />
    </div>
  )
}
