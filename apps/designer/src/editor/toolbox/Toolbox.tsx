import { useI18n } from '../../i18n/I18nProvider'
import { useEditor } from '../EditorContext'
import { insertTool, type Tool } from './insert'
import { BLOCKS, QUESTION_TYPES } from './tools'

/**
 * SurveyJS question types and Yardstick's assessment blocks. A click (or Enter) adds one after
 * the selected question, or inside the selected page or panel.
 */
export function Toolbox() {
  const { t } = useI18n()
  const { session, view, selected, select, canWrite, announce } = useEditor()

  const add = (tool: Tool, label: string) => {
    const id = insertTool(session, view, selected, tool)
    if (id) {
      select(id)
      announce(t('toolbox.added', { name: label }))
    }
  }

  return (
    <section className="toolbox" aria-label={t('toolbox.label')}>
      <h2 className="panel-title">{t('toolbox.label')}</h2>
      <p className="hint">{t('toolbox.hint')}</p>
      <details open>
        <summary>{t('toolbox.blocks')}</summary>
        <ul className="tools">
          {BLOCKS.map((block) => (
            <li key={block}>
              <button
                type="button"
                disabled={!canWrite}
                data-tool={block}
                onClick={() => add({ block }, t(`block.${block}`))}
              >
                {t(`block.${block}`)}
              </button>
            </li>
          ))}
        </ul>
      </details>
      <details>
        <summary>{t('toolbox.questions')}</summary>
        <ul className="tools">
          <li>
            <button
              type="button"
              disabled={!canWrite}
              data-tool="page"
              onClick={() => add({ page: true }, t('type.page'))}
            >
              {t('type.page')}
            </button>
          </li>
          {QUESTION_TYPES.map((type) => (
            <li key={type}>
              <button
                type="button"
                disabled={!canWrite}
                data-tool={type}
                onClick={() => add({ type }, t(`type.${type}`))}
              >
                {t(`type.${type}`)}
              </button>
            </li>
          ))}
        </ul>
      </details>
    </section>
  )
}
