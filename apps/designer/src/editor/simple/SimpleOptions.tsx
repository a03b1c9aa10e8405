import { addChoice, type FormView, type NodeView, removeChoice } from '@yardstick/doc'
import { useI18n } from '../../i18n/I18nProvider'
import { useEditor } from '../EditorContext'
import { uniqueName } from '../names'
import { choiceValue } from '../properties/choices'
import { SharedTextField } from '../properties/SharedTextField'
import { type TextLocale, textIn } from '../properties/text-value'
import { bilingual } from '../toolbox/tools'

/** A question's options, each text editable in place; add and remove. */
export function SimpleOptions({
  node,
  view,
  n,
  textLocale,
}: {
  node: NodeView
  view: FormView
  n: number
  textLocale: TextLocale
}) {
  const { t } = useI18n()
  const { session, canWrite } = useEditor()
  const ids = node.items.choices
  if (!ids) return null
  const add = () => {
    const taken = new Set(ids.map((id) => String(choiceValue(view.items.get(id)?.json))))
    addChoice(
      session.doc,
      {
        parent: node.id,
        slot: 'choices',
        json: {
          value: uniqueName('item', taken),
          text: bilingual('choice.option', { n: ids.length + 1 }),
        },
      },
      session.origin,
    )
  }
  const marker = node.json.type === 'checkbox' ? '☐' : '○'
  return (
    <ul className="simple-options">
      {ids.map((id, index) => {
        const json = view.items.get(id)?.json
        const m = index + 1
        // A bare value (`choices: [1, 2, 3]`) has no text of its own to edit here.
        if (!json || typeof json !== 'object') {
          return (
            <li key={id}>
              <span aria-hidden="true">{marker}</span> {String(json)}
            </li>
          )
        }
        return (
          <li key={id} data-choice={String(choiceValue(json))}>
            <span aria-hidden="true">{marker}</span>
            <SharedTextField
              target={id}
              field="text"
              locale={textLocale}
              value={textIn((json as { text?: unknown }).text, textLocale)}
              label={t('simple.option', { n, m })}
              hideLabel
            />
            {canWrite && (
              <button
                type="button"
                className="link-button"
                aria-label={t('simple.removeOption', { m })}
                onClick={() => removeChoice(session.doc, id, session.origin)}
              >
                ×
              </button>
            )}
          </li>
        )
      })}
      {canWrite && (
        <li>
          <button type="button" className="link-button" onClick={add}>
            + {t('simple.addOption')}
          </button>
        </li>
      )}
    </ul>
  )
}
