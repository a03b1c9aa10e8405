import { nodeOf, ROOT } from '@yardstick/doc'
import { useI18n } from '../../i18n/I18nProvider'
import { useSelected, useViewSelect } from '../EditorContext'
import { NodeProperties } from './NodeProperties'
import { SurveyProperties } from './SurveyProperties'

/** The properties of what is selected: the form, a page, a panel or a question (its choices). */
export function PropertyPanel() {
  const { t } = useI18n()
  const selected = useSelected()
  const node = useViewSelect((view) => nodeOf(view, selected))
  if (selected === ROOT) return <SurveyProperties />
  if (!node) return <p className="muted props-empty">{t('props.nothing')}</p>
  return <NodeProperties key={node.id} node={node} />
}
