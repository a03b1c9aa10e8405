import {
  type ChoiceJson,
  type ElementJson,
  type FormJson,
  type LocalizedText,
  localizedText,
} from '@yardstick/sdk'
import { type BlankCondition, blankCondition, elementsByName } from './blank-condition'

/** What every printed question says of itself. */
interface BlankQuestion {
  name: string
  title: string
  required: boolean
  /** When it is answered (its `visibleIf`), or null: always. */
  condition: BlankCondition | null
}

/** One thing a blank form prints: a heading, boxes to tick, fields or lines to write on, a grid. */
export type BlankItem =
  | {
      kind: 'heading'
      level: 2 | 3
      title: string
      description: string
      /** When the page or panel is answered (its `visibleIf`), or null: always. */
      condition: BlankCondition | null
    }
  | (BlankQuestion & {
      kind: 'choices'
      multiple: boolean
      maxScore: number | null
      choices: string[]
    })
  | (BlankQuestion & { kind: 'lines'; lines: number })
  | (BlankQuestion & { kind: 'fields'; fields: string[] })
  | (BlankQuestion & { kind: 'matrix'; rows: string[]; columns: string[] })

/** The words a blank form needs that a form does not carry: a boolean's two answers. */
export interface BlankWords {
  yes: string
  no: string
}

const SINGLE = new Set(['radiogroup', 'dropdown', 'imagepicker'])
const MULTIPLE = new Set(['checkbox', 'tagbox', 'ranking'])
// What prints nothing to fill in: display-only elements.
const SILENT = new Set(['html', 'image', 'expression', 'json'])

/**
 * A form version as a paper form, in reading order: each page and panel as a heading, each
 * question with every choice as a box to tick (a rating's values, a boolean's two answers), a
 * text as a line and a comment as several, a multiple text as labelled fields and a matrix as a
 * grid of boxes. On paper every question is there, so each conditional one (`visibleIf`) carries
 * its condition for the page to print as a sentence (`blankCondition`).
 *
 * @example
 * blankForm({ pages: [{ elements: [{ type: 'boolean', name: 'q', title: '按时交纳党费' }] }] }, 'zh-CN', words)
 * // [{ kind: 'choices', name: 'q', title: '按时交纳党费', choices: ['是', '否'], … }]
 */
export function blankForm(form: FormJson, locale: string, words: BlankWords): BlankItem[] {
  const text = (value: unknown) => localizedText(value as LocalizedText | undefined, locale)
  const elements = elementsByName(form)
  const ctx: Context = {
    text,
    words,
    conditionOf: (visibleIf) => blankCondition(visibleIf, elements, { text, ...words }),
  }
  const pages = form.pages ?? [{ elements: form.elements }]
  return pages.flatMap((page): BlankItem[] => {
    const title = text(page.title)
    const condition = ctx.conditionOf(page.visibleIf)
    const heading: BlankItem[] =
      title || condition
        ? [{ kind: 'heading', level: 2, title, description: text(page.description), condition }]
        : []
    return [...heading, ...blankElements(page.elements, ctx)]
  })
}

interface Context {
  text: (value: unknown) => string
  words: BlankWords
  conditionOf: (visibleIf: unknown) => BlankCondition | null
}

function blankElements(elements: readonly ElementJson[] | undefined, ctx: Context): BlankItem[] {
  return (elements ?? []).flatMap((element) => blankElement(element, ctx))
}

function blankElement(element: ElementJson, ctx: Context): BlankItem[] {
  const { text, words } = ctx
  const { type, name } = element
  if (SILENT.has(type)) return []
  const title = text(element.title) || name
  const condition = ctx.conditionOf(element.visibleIf)
  if (type === 'panel' || type === 'paneldynamic') {
    const heading: BlankItem = {
      kind: 'heading',
      level: 3,
      title,
      description: text(element.description),
      condition,
    }
    const nested = (element.elements ?? element.templateElements) as ElementJson[] | undefined
    return [heading, ...blankElements(nested, ctx)]
  }
  const base = { name, title, required: element.isRequired === true, condition }
  const choiceText = (choice: ChoiceJson | string | number) =>
    typeof choice === 'object' ? text(choice.text) || String(choice.value) : String(choice)
  if (SINGLE.has(type) || MULTIPLE.has(type)) {
    return [
      {
        kind: 'choices',
        ...base,
        multiple: MULTIPLE.has(type),
        maxScore: typeof element.maxScore === 'number' ? element.maxScore : null,
        choices: (element.choices ?? []).map(choiceText),
      },
    ]
  }
  if (type === 'rating') {
    const values = element.rateValues?.length
      ? element.rateValues.map(choiceText)
      : ratingRange(element)
    return [{ kind: 'choices', ...base, multiple: false, maxScore: null, choices: values }]
  }
  if (type === 'boolean') {
    const yes = text(element.labelTrue) || words.yes
    const no = text(element.labelFalse) || words.no
    return [{ kind: 'choices', ...base, multiple: false, maxScore: null, choices: [yes, no] }]
  }
  if (type === 'multipletext') {
    const fields = ((element.items ?? []) as Array<{ name: string; title?: unknown }>).map(
      (item) => text(item.title) || item.name,
    )
    return [{ kind: 'fields', ...base, fields }]
  }
  if (type === 'matrix' || type === 'matrixdropdown') {
    const labels = (list: unknown) =>
      ((list ?? []) as Array<ChoiceJson | string | number>).map(choiceText)
    return [
      { kind: 'matrix', ...base, rows: labels(element.rows), columns: labels(element.columns) },
    ]
  }
  const lines = type === 'comment' ? Math.max(3, Number(element.rows) || 4) : 1
  return [{ kind: 'lines', ...base, lines }]
}

function ratingRange(element: ElementJson): string[] {
  const min = Number(element.rateMin ?? 1)
  const max = Number(element.rateMax ?? 5)
  const step = Math.max(1, Number(element.rateStep ?? 1))
  const values: string[] = []
  for (let v = min; v <= max; v += step) values.push(String(v))
  return values
}
