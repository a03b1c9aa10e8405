import { problemEntry } from '../builders/problem-entry'
import type { ChoiceJson, ElementJson } from '../types'
import { readOption } from './read-options'
import { paragraphHtml } from './read-question'
import { readStem } from './stem'
import { KIND_TAG_OUT, optionLetter, type TextQuestionKind, type TextSyntax } from './syntax'
import { type Leave, optionReadsBack, plain, standsApart } from './write-text'

/** The element kinds and the properties the text carries for each, beyond the common ones. */
const KIND_OF_TYPE: Record<string, TextQuestionKind> = {
  radiogroup: 'single',
  checkbox: 'multiple',
  dropdown: 'dropdown',
  ranking: 'ranking',
  boolean: 'trueFalse',
  rating: 'scale',
  text: 'fill',
  comment: 'essay',
  multipletext: 'multiFill',
  matrix: 'matrix',
  html: 'paragraph',
}
const COMMON = [
  'type',
  'name',
  'title',
  'description',
  'isRequired',
  'dimension',
  'correctAnswer',
  'points',
]
const CARRIED: Record<TextQuestionKind, string[]> = {
  single: ['choices'],
  multiple: ['choices'],
  dropdown: ['choices'],
  ranking: ['choices'],
  yesNo: ['choices'],
  trueFalse: ['labelTrue', 'labelFalse'],
  scale: ['rateMin', 'rateMax'],
  fill: [],
  essay: [],
  multiFill: ['items'],
  matrix: ['columns', 'rows'],
  paragraph: ['type', 'name', 'html'],
}

/** Whether an element is the self-check 是否 item: `yes`, then `no` that opens a problem. */
function isYesNo(element: ElementJson): boolean {
  const [yes, no, ...more] = element.choices ?? []
  const fits = (c: unknown, value: string, keys: string[]) =>
    typeof c === 'object' &&
    c !== null &&
    (c as ChoiceJson).value === value &&
    (c as ChoiceJson).text !== undefined &&
    Object.keys(c).every((k) => keys.includes(k))
  return (
    element.type === 'radiogroup' &&
    more.length === 0 &&
    fits(yes, 'yes', ['value', 'text', 'score']) &&
    fits(no, 'no', ['value', 'text', 'score', 'problem']) &&
    (no as ChoiceJson).problem === true
  )
}

/** Whether an element is exactly the standard 问题清单 entry of the item named. */
export function isFollowUpOf(element: ElementJson | undefined, item: string): boolean {
  return element !== undefined && JSON.stringify(element) === JSON.stringify(problemEntry(item))
}

/** What a question needs to be written. */
export interface WriteContext {
  syntax: TextSyntax
  number: number
  path: string
  quiz: boolean
  followUp: boolean
  leave: Leave
}

/** The element's kind in the text, or undefined when the text has none for its type. */
export function textKind(element: ElementJson): TextQuestionKind | undefined {
  if (isYesNo(element)) return 'yesNo'
  return KIND_OF_TYPE[element.type]
}

/** The lines of one question (or paragraph). */
export function writeQuestion(
  element: ElementJson,
  kind: TextQuestionKind,
  context: WriteContext,
): string[] {
  const { path, leave } = context
  const carried = kind === 'paragraph' ? CARRIED.paragraph : [...COMMON, ...CARRIED[kind]]
  for (const key of Object.keys(element)) {
    if (!carried.includes(key)) leave(`${path}.${key}`, 'property', key)
  }
  if (kind === 'paragraph') return ['[段落说明]', ...paragraphLines(element, context)]
  const options = optionLines(element, kind, context)
  const title = plain(element.title, `${path}.title`, leave)
  const description =
    element.description === undefined
      ? undefined
      : plain(element.description, `${path}.description`, leave)
  const tags: string[] = []
  const required = element.isRequired === true
  if (context.syntax === 'wjx' && !required) tags.push('（选填）')
  tags.push(`[${KIND_TAG_OUT[context.syntax][kind]}]`)
  if (description !== undefined) tags.push(`(${description})`)
  if (context.syntax === 'tencent') tags.push(required ? '[必答]' : '[选答]')
  if (context.followUp) tags.push('[问题清单]')
  const answer = answerText(element, kind, context)
  if (answer !== undefined) tags.push(`[答案：${answer}]`)
  if (typeof element.points === 'number') tags.push(`[分数：${element.points}]`)
  const stem = `${context.number}. ${title}${tags.join('')}`
  const read = readStem(stem)
  if (read.title !== title || read.description !== description || standsApart(title))
    leave(`${path}.title`, 'multiline')
  return [stem, ...options]
}

function choiceParts(choice: ChoiceJson | string | number, at: string, leave: Leave) {
  if (typeof choice !== 'object') {
    if (typeof choice !== 'string') leave(at, 'choiceValue')
    return { text: String(choice), score: undefined as number | undefined }
  }
  for (const key of Object.keys(choice)) {
    if (!['value', 'text', 'score'].includes(key)) leave(`${at}.${key}`, 'property', key)
  }
  const text =
    choice.text === undefined ? String(choice.value) : plain(choice.text, `${at}.text`, leave)
  if (typeof choice.value !== 'string' || text !== choice.value) leave(at, 'choiceValue')
  return { text, score: typeof choice.score === 'number' ? choice.score : undefined }
}

function optionLine(
  index: number,
  text: string,
  score: number | undefined,
  at: string,
  leave: Leave,
): string {
  const line = `${optionLetter(index)}. ${text}${score === undefined ? '' : ` (${score}分)`}`
  if (!optionReadsBack(line, text, score)) leave(at, 'multiline')
  return line
}

function optionLines(
  element: ElementJson,
  kind: TextQuestionKind,
  context: WriteContext,
): string[] {
  const { path, leave } = context
  switch (kind) {
    case 'single':
    case 'multiple':
    case 'dropdown':
    case 'ranking':
      return (element.choices ?? []).map((choice, i) => {
        const { text, score } = choiceParts(choice, `${path}.choices[${i}]`, leave)
        return optionLine(i, text, score, `${path}.choices[${i}]`, leave)
      })
    case 'yesNo':
      return (element.choices as ChoiceJson[]).map((choice, i) => {
        const at = `${path}.choices[${i}]`
        const text = plain(choice.text, `${at}.text`, leave)
        return optionLine(i, text, choice.score, at, leave)
      })
    case 'trueFalse': {
      if (element.labelTrue === undefined && element.labelFalse === undefined) return []
      const yes = plain(element.labelTrue as string | undefined, `${path}.labelTrue`, leave) || '对'
      const no =
        plain(element.labelFalse as string | undefined, `${path}.labelFalse`, leave) || '错'
      return [
        optionLine(0, yes, undefined, `${path}.labelTrue`, leave),
        optionLine(1, no, undefined, `${path}.labelFalse`, leave),
      ]
    }
    case 'scale':
      return [`${element.rateMin ?? 1}~${element.rateMax ?? 5}`]
    case 'fill':
    case 'essay':
    case 'paragraph':
      return []
    case 'multiFill':
      return ((element.items ?? []) as Array<Record<string, unknown>>).map((item, i) => {
        const at = `${path}.items[${i}]`
        for (const key of Object.keys(item))
          if (key !== 'name' && key !== 'title') leave(`${at}.${key}`, 'property', key)
        if (item.name !== `item${i + 1}`) leave(`${at}.name`, 'name', String(item.name))
        const label = plain(item.title as string | undefined, `${at}.title`, leave)
        const line = `${label}{_}`
        if (readOption(label).text.replace(/[：:]$/, '') !== label || standsApart(line))
          leave(at, 'multiline')
        return line
      })
    case 'matrix': {
      const rows = ((element.rows ?? []) as Array<ChoiceJson | string>).map((row, i) => {
        const { text } = choiceParts(row, `${path}.rows[${i}]`, leave)
        if (standsApart(text)) leave(`${path}.rows[${i}]`, 'multiline')
        return `- ${text}`
      })
      const columns = ((element.columns ?? []) as Array<ChoiceJson | string>).map((column, i) => {
        const { text, score } = choiceParts(column, `${path}.columns[${i}]`, leave)
        return optionLine(i, text, score, `${path}.columns[${i}]`, leave)
      })
      return ['行：', ...rows, ...columns]
    }
  }
}

function answerText(element: ElementJson, kind: TextQuestionKind, context: WriteContext) {
  const answer = element.correctAnswer
  if (answer === undefined) return undefined
  if (!context.quiz) context.leave(`${context.path}.correctAnswer`, 'property', 'correctAnswer')
  const values = (element.choices ?? []).map((c) => (typeof c === 'object' ? c.value : c))
  const letter = (value: unknown) => {
    const i = values.indexOf(value)
    return i < 0 ? undefined : optionLetter(i)
  }
  let text: string | undefined
  if (kind === 'trueFalse') text = answer === true ? '对' : answer === false ? '错' : undefined
  else if (kind === 'multiple' && Array.isArray(answer)) {
    const letters = answer.map(letter)
    text = letters.every((l) => l !== undefined) ? letters.join('、') : undefined
  } else if (values.length > 0) text = letter(answer)
  else if (typeof answer === 'number' || typeof answer === 'string') text = String(answer)
  if (text === undefined || /[[\]\r\n]/.test(text))
    context.leave(`${context.path}.correctAnswer`, 'property', 'correctAnswer')
  return text
}

const UNESCAPES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>' }

function paragraphLines(element: ElementJson, { path, leave }: WriteContext): string[] {
  const html = typeof element.html === 'string' ? element.html : ''
  const lines = [...html.matchAll(/<p>([^<>]*)<\/p>/g)].map((m) =>
    (m[1] ?? '').replace(/&(?:amp|lt|gt);/g, (e) => UNESCAPES[e] ?? e),
  )
  if (lines.length === 0 || paragraphHtml(lines) !== html) {
    leave(`${path}.html`, 'html')
    const text = html
      .replace(/<[^>]*>/g, '\n')
      .split('\n')
      .map((l) => l.trim())
    return text.filter((l) => l !== '')
  }
  for (const line of lines) if (standsApart(line)) leave(`${path}.html`, 'multiline')
  return lines
}
