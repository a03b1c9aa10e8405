import { ROOT } from '@yardstick/doc'
import { useI18n } from '../../i18n/I18nProvider'
import { useEditor } from '../EditorContext'
import { nodeOf } from '../form-view'
import { NodeProperties } from './NodeProperties'
import { SurveyProperties } from './SurveyProperties'

/** The properties of what is selected: the form, a page, a panel or a question (its choices). */
export function PropertyPanel() {
  const { t } = useI18n()
  const { view, selected } = useEditor()
  if (selected === ROOT) return <SurveyProperties />
  const node = nodeOf(view, selected)
  if (!node) return <p className="muted props-empty">{t('props.nothing')}</p>
  return <NodeProperties key={node.id} node={node} />
}
