import {
  type Answers,
  type ChoiceJson,
  compileForm,
  type ElementJson,
  type FormJson,
  localizedText,
  reasonKey,
  reasonQuestions,
} from '@yardstick/sdk'
import type { CellValue } from './cells'

/** One column of the raw-responses table: its header and how to read it from the answers. */
export interface AnswerColumn {
  header: string
  width: number
  cell: (answers: Answers) => CellValue
}

const DISPLAY_ONLY_TYPES = new Set(['html', 'image'])
const zh = (text: ChoiceJson['text'], fallback: string) => localizedText(text, 'zh-CN', fallback)

/**
 * One column per question of a form, flattened: a choice shows its Chinese text (several joined
 * by `、`), a boolean 是 / 否, a `multipletext` one column per item and a `matrix` one per row;
 * anything else nested is written as JSON; a deduction or veto item is followed by its reason
 * (`标题·理由`, see `reasonQuestions`). Headers are the Chinese titles (a repeated title gets the
 * question name after it).
 *
 * @example
 * const columns = answerColumns(templates.satisfaction)
 * columns[0].cell({ theoryStudy: 'basic' }) // '基本满意'
 */
export function answerColumns(form: FormJson): AnswerColumn[] {
  const questions = compileForm(form).questions.filter((q) => !DISPLAY_ONLY_TYPES.has(q.type))
  const reasoned = new Set(reasonQuestions(form))
  const columns = questions.flatMap(({ element, name }) =>
    [...columnsOf(element, name), ...(reasoned.has(name) ? [reasonColumn(element, name)] : [])].map(
      (column) => ({ ...column, name }),
    ),
  )
  // Two questions titled alike stay apart: each gets its name after the title.
  const times = new Map<string, number>()
  for (const { header } of columns) times.set(header, (times.get(header) ?? 0) + 1)
  return columns.map(({ name, ...column }) =>
    (times.get(column.header) ?? 0) > 1
      ? { ...column, header: `${column.header}（${name}）` }
      : column,
  )
}

/** The reason an assessor gave for a deduction or veto (`<name>-Comment`), beside its answer. */
function reasonColumn(element: ElementJson, name: string): AnswerColumn {
  return {
    header: `${zh(element.title, name)}·理由`,
    width: 30,
    cell: (answers) => scalar(answers[reasonKey(name)]),
  }
}

function columnsOf(element: ElementJson, name: string): AnswerColumn[] {
  const title = zh(element.title, name)
  const value = (answers: Answers) => answers[name]
  if (element.type === 'multipletext' && Array.isArray(element.items)) {
    return (element.items as Array<{ name: string; title?: ChoiceJson['text'] }>).map((item) => ({
      header: `${title}·${zh(item.title, item.name)}`,
      width: 20,
      cell: (answers) => scalar(objectOf(value(answers))[item.name]),
    }))
  }
  if (element.type === 'matrix' && Array.isArray(element.rows)) {
    const columnTexts = textsOf(element.columns)
    return [...textsOf(element.rows)].map(
      ([rowKey, rowText]): AnswerColumn => ({
        header: `${title}·${rowText}`,
        width: 16,
        cell: (answers) => labelled(objectOf(value(answers))[rowKey], columnTexts),
      }),
    )
  }
  if (element.type === 'boolean') {
    const yes = zh(element.labelTrue as ChoiceJson['text'], '是')
    const no = zh(element.labelFalse as ChoiceJson['text'], '否')
    return [{ header: title, width: 8, cell: (a) => booleanCell(value(a), yes, no) }]
  }
  const choices = textsOf(element.type === 'rating' ? element.rateValues : element.choices)
  if (choices.size > 0) {
    return [{ header: title, width: 16, cell: (answers) => labelled(value(answers), choices) }]
  }
  return [{ header: title, width: 20, cell: (answers) => scalar(value(answers)) }]
}

// Choice value (as SurveyJS matches it, `1` equals `'1'`) → its Chinese text.
function textsOf(list: unknown): Map<string, string> {
  const texts = new Map<string, string>()
  if (!Array.isArray(list)) return texts
  for (const raw of list) {
    const choice: ChoiceJson =
      raw !== null && typeof raw === 'object' ? (raw as ChoiceJson) : { value: raw }
    const key = valueKey(choice.value)
    texts.set(key, zh(choice.text, key))
  }
  return texts
}

function valueKey(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value)
}

function labelled(answer: unknown, texts: Map<string, string>): CellValue {
  if (answer === undefined || answer === null || answer === '') return null
  const values = Array.isArray(answer) ? answer : [answer]
  return values.map((v) => texts.get(valueKey(v)) ?? String(scalar(v) ?? '')).join('、')
}

function booleanCell(answer: unknown, yes: string, no: string): CellValue {
  if (answer === true) return yes
  if (answer === false) return no
  return scalar(answer)
}

function objectOf(answer: unknown): Record<string, unknown> {
  return answer !== null && typeof answer === 'object' && !Array.isArray(answer)
    ? (answer as Record<string, unknown>)
    : {}
}

function scalar(answer: unknown): CellValue {
  if (answer === undefined || answer === null) return null
  if (typeof answer === 'number') return answer
  if (typeof answer === 'string') return answer
  if (typeof answer === 'boolean') return answer ? '是' : '否'
  return JSON.stringify(answer)
}
