import type { FormView } from '@yardstick/doc'
import { localizedText } from '@yardstick/sdk'
import { choiceValue } from '../properties/choices'
import type { QuestionValues } from './draft'

/** Question types whose answer is a number (a rule's value is then typed as one). */
const NUMERIC_TYPES = new Set(['rating', 'expression', 'slider'])

/** The question named `name` in the view, if any. */
function questionJson(view: FormView, name: string): Record<string, unknown> | undefined {
  for (const id of view.order) {
    const node = view.nodes.get(id)
    if (node?.kind === 'question' && node.json.name === name) return node.json
  }
  return undefined
}

/** What typing a rule's value needs of a question: its choice values and whether it is numeric. */
export function questionValues(view: FormView, name: string): QuestionValues | undefined {
  const json = questionJson(view, name)
  if (!json) return undefined
  const entries = choiceEntries(json, 'zh-CN')
  const numeric =
    NUMERIC_TYPES.has(String(json.type)) ||
    json.inputType === 'number' ||
    json.inputType === 'range'
  return { choices: entries.filter((_, i) => i % 2 === 0), numeric }
}

/**
 * A question's choices as a flat list `[value, label, value, label…]` (flat, so a selector can
 * compare it item by item): its `choices`, or yes/no for a boolean. Labels in `locale`.
 */
export function choiceEntries(
  json: Record<string, unknown> | undefined,
  locale: string,
  yesNo: [string, string] = ['是', '否'],
): unknown[] {
  if (!json) return []
  if (json.type === 'boolean') return [true, yesNo[0], false, yesNo[1]]
  if (!Array.isArray(json.choices)) return []
  const out: unknown[] = []
  for (const choice of json.choices) {
    const value = choiceValue(choice)
    const text =
      choice && typeof choice === 'object' && 'text' in choice
        ? localizedText((choice as { text: never }).text, locale).trim()
        : ''
    out.push(value, text && text !== String(value) ? `${text}（${String(value)}）` : String(value))
  }
  return out
}

/** The choice entries of the question named `name` (see `choiceEntries`). */
export function choiceEntriesOf(
  view: FormView,
  name: string,
  locale: string,
  yesNo: [string, string],
) {
  return choiceEntries(questionJson(view, name), locale, yesNo)
}
