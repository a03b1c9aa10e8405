import { problemEntry } from '../builders/problem-entry'
import { selfCheckChoices } from '../builders/shared'
import type { ElementJson } from '../types'
import { readAnswer } from './read-answer'
import { type Line, readChoices, readOption } from './read-options'
import { readStem, type Stem } from './stem'
import {
  BLANK,
  KIND_TAG_OUT,
  MATRIX_COLUMNS,
  MATRIX_ROW,
  MATRIX_ROWS,
  SCALE_RANGE,
  TEXT_QUESTION_KINDS,
  type TextQuestionKind,
} from './syntax'
import type { TextProblem } from './types'

/** What a question reads from around it. */
export interface QuestionContext {
  /** The next free question name (`q1`, `q2`, … in order). */
  nextName: () => string
  /** The document marks required questions with `*` (older 问卷星): unmarked ones are optional. */
  starConvention: boolean
  /** The name of the dimension the heading above declared. */
  dimension: string | undefined
}

/** A question read: its elements (a 是否 item may bring its 问题清单 entry) and problems. */
export interface ReadQuestion {
  elements: ElementJson[]
  problems: TextProblem[]
}

type Body = Omit<ElementJson, 'name'> | undefined

/**
 * Reads one question: its stem line and the lines under it. A question that cannot be read is
 * left out whole, its stem line with the reason and each other line as `skipped`.
 */
export function readQuestion(block: Line[], context: QuestionContext): ReadQuestion {
  const [first, ...rest] = block as [Line, ...Line[]]
  const stem = readStem(first.text)
  const problems: TextProblem[] = []
  const fail = (code: TextProblem['code'], detail?: string): ReadQuestion => ({
    elements: [],
    problems: [
      { line: first.no, code, text: first.text, ...(detail === undefined ? {} : { detail }) },
      ...problems.filter((p) => p.line === first.no),
      ...rest.map((line) => ({ line: line.no, code: 'skipped' as const, text: line.text })),
    ],
  })
  if (stem.unknownTag !== undefined) return fail('unknownType', stem.unknownTag)
  // No tag: options make it 问卷星's default single choice; no options, a fill-in.
  const kind: TextQuestionKind = stem.kind ?? (rest.length > 0 ? 'single' : 'fill')
  if (stem.title === '' && kind !== 'paragraph') return fail('emptyTitle')
  const body = readBody(kind, stem, rest, problems)
  if ('failure' in body) return fail(body.failure)
  if (body.element === undefined) return fail('noOptions')
  const name = context.nextName()
  const element: ElementJson = { ...body.element, name } as ElementJson
  if (kind !== 'paragraph') {
    element.title = stem.title
    if (stem.description !== undefined) element.description = stem.description
    const required = context.starConvention ? stem.star : (stem.required ?? true)
    if (required) element.isRequired = true
    if (context.dimension !== undefined) element.dimension = context.dimension
  }
  if (stem.answer !== undefined) {
    const answer = readAnswer(element, stem.answer)
    if (answer === undefined)
      problems.push({ line: first.no, code: 'badAnswer', text: first.text, detail: stem.answer })
    else element.correctAnswer = answer
  }
  if (stem.points !== undefined) element.points = stem.points
  const elements = [element]
  if (stem.followUp) {
    if (kind === 'yesNo') elements.push(problemEntry(name))
    else problems.push({ line: first.no, code: 'followUpNotYesNo', text: first.text })
  }
  return { elements, problems }
}

function readBody(
  kind: TextQuestionKind,
  stem: Stem,
  lines: Line[],
  problems: TextProblem[],
): { element: Body } | { failure: TextProblem['code'] } {
  const type = TEXT_QUESTION_KINDS[kind]
  const extra = (line: Line) =>
    problems.push({
      line: line.no,
      code: 'unexpectedLine',
      text: line.text,
      detail: KIND_TAG_OUT.wjx[kind],
    })
  switch (kind) {
    case 'single':
    case 'multiple':
    case 'dropdown':
    case 'ranking': {
      const choices = readChoices(lines, problems).map((c) => c.choice)
      return { element: choices.length === 0 ? undefined : { type, choices } }
    }
    case 'yesNo': {
      if (lines.length === 0) return { element: { type, choices: selfCheckChoices() } }
      if (lines.length !== 2) return { failure: 'yesNoOptions' }
      const [yes, no] = lines.map((line) => readOption(line.text)) as [
        ReturnType<typeof readOption>,
        ReturnType<typeof readOption>,
      ]
      const scored = (value: string, o: typeof yes) =>
        o.score === undefined ? { value, text: o.text } : { value, text: o.text, score: o.score }
      return {
        element: { type, choices: [scored('yes', yes), { ...scored('no', no), problem: true }] },
      }
    }
    case 'trueFalse': {
      if (lines.length !== 2) {
        lines.forEach(extra)
        return { element: { type } }
      }
      const [yes, no] = lines.map((line) => readOption(line.text).text) as [string, string]
      return { element: { type, labelTrue: yes, labelFalse: no } }
    }
    case 'scale': {
      const rangeAt = lines.findIndex((line) => SCALE_RANGE.test(line.text))
      const range = rangeAt < 0 ? null : SCALE_RANGE.exec((lines[rangeAt] as Line).text)
      const min = Number(range?.[1])
      const max = Number(range?.[2])
      if (!range || !(min < max)) return { failure: 'badScale' }
      lines.forEach((line, i) => {
        if (i !== rangeAt) extra(line)
      })
      return { element: { type, rateMin: min, rateMax: max } }
    }
    case 'fill':
    case 'essay':
      lines.forEach(extra)
      return { element: { type } }
    case 'multiFill':
      return readMultiFill(stem, lines, problems)
    case 'matrix':
      return readMatrix(lines, problems)
    case 'paragraph': {
      const texts = [stem.title, ...lines.map((line) => line.text)].filter((t) => t !== '')
      if (texts.length === 0) return { failure: 'emptyTitle' }
      return { element: { type, html: paragraphHtml(texts) } }
    }
  }
}

function readMultiFill(
  stem: Stem,
  lines: Line[],
  problems: TextProblem[],
): { element: Body } | { failure: TextProblem['code'] } {
  const labels: string[] = []
  const inStem = stem.title.split(BLANK)
  if (inStem.length > 1) {
    // 问卷星 writes blanks inside the stem: each label is the words just before its blank
    // (`请填写：姓名{_}，电话{_}` → 姓名, 电话).
    labels.push(
      ...inStem.slice(0, -1).map((part) => {
        const words = part.replace(/[\s：:]+$/, '').split(/[\s，,、；;：:]+/)
        return (words[words.length - 1] ?? '').trim()
      }),
    )
    stem.title = stem.title.replace(BLANK, '____')
  }
  for (const line of lines) {
    const parts = line.text.split(BLANK)
    if (parts.length === 2 && (parts[1] ?? '').trim() === '')
      labels.push(readOption(parts[0] ?? '').text.replace(/[：:]$/, ''))
    else
      problems.push({
        line: line.no,
        code: 'unexpectedLine',
        text: line.text,
        detail: '多项填空题',
      })
  }
  if (labels.length === 0) return { failure: 'noBlanks' }
  const items = labels.map((label, i) => ({
    name: `item${i + 1}`,
    ...(label === '' ? {} : { title: label }),
  }))
  return { element: { type: 'multipletext', items } }
}

function readMatrix(
  lines: Line[],
  problems: TextProblem[],
): { element: Body } | { failure: TextProblem['code'] } {
  const rows: string[] = []
  const columnLines: Line[] = []
  for (const line of lines) {
    if (MATRIX_ROWS.test(line.text) || MATRIX_COLUMNS.test(line.text)) continue
    const row = MATRIX_ROW.exec(line.text)
    if (row) {
      const text = (row[1] ?? '').trim()
      if (text === '' || rows.includes(text))
        problems.push({ line: line.no, code: 'duplicateOption', text: line.text, detail: text })
      else rows.push(text)
    } else columnLines.push(line)
  }
  const columns = readChoices(columnLines, problems).map((c) => c.choice)
  if (rows.length === 0 || columns.length === 0) return { failure: 'badMatrix' }
  return { element: { type: 'matrix', columns, rows } }
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' }

/** A paragraph's lines as SurveyJS html: one `<p>` a line, the text escaped. */
export function paragraphHtml(lines: string[]): string {
  return lines.map((line) => `<p>${line.replace(/[&<>]/g, (c) => ESCAPES[c] ?? c)}</p>`).join('')
}
