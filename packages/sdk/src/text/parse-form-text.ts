import type { DimensionJson, ElementJson, FormJson, PageJson } from '../types'
import type { Line } from './read-options'
import { readQuestion } from './read-question'
import { hasKindTag, isNumbered, readStem } from './stem'
import { DIMENSION_LINE, PAGE_BREAK, TENCENT_MARKS, type TextSyntax } from './syntax'
import type { FormTextResult, ParseFormTextOptions, TextProblem } from './types'

// Choice questions a quiz scores: every one needs an answer once the form is a quiz
// (validateForm's quizWithoutCorrectAnswer).
const QUIZ_SCORED = new Set(['radiogroup', 'checkbox', 'dropdown', 'rating'])

type Piece =
  | { kind: 'block'; lines: Line[] }
  | { kind: 'page'; line: Line; title: string }
  | { kind: 'dimension'; line: Line; title: string; weight?: number }

/**
 * Reads a form written as text the way offices write it — 问卷星's or 腾讯问卷's text import,
 * plus our extensions (a `【维度】` heading, option scores `是 (1分)`, `[是否题][问题清单]`) —
 * into form JSON that passes `validateForm`. Every line it does not read is listed in
 * `problems` with its number and a code (`textProblemMessage` words it); nothing is dropped
 * silently. Questions are named `q1`, `q2`, … in order. `formToText` writes the same format.
 *
 * @param text the pasted text
 * @param options `syntax`: `wjx`, `tencent` or `auto` (default, tells them apart by 腾讯问卷's marks)
 * @example
 * parseFormText('满意度调查\n\n1. 您对服务满意吗？[单选题]\nA. 满意\nB. 不满意').form.pages[0].elements[0]
 * // { type: 'radiogroup', name: 'q1', title: '您对服务满意吗？', isRequired: true, choices: ['满意', '不满意'] }
 */
export function parseFormText(
  text: string,
  { syntax = 'auto' }: ParseFormTextOptions = {},
): FormTextResult {
  const lines = text
    .replace(/^\uFEFF/, '')
    .split(/\r\n|\r|\n/)
    .map((raw, i) => ({ no: i + 1, text: raw.replace(/[\u200B-\u200D\u2060]/g, '').trim() }))
  const read: TextSyntax = syntax === 'auto' ? detectSyntax(text) : syntax
  const problems: TextProblem[] = []
  const form: FormJson = {}
  const pieces = splitPieces(lines)

  // 问卷星: the title is line 1; lines after it in its paragraph describe the form.
  const head = pieces[0]
  if (head?.kind === 'block' && !startsQuestion(head.lines[0] as Line)) {
    const [title, ...description] = head.lines as [Line, ...Line[]]
    form.title = title.text
    if (description.length > 0) form.description = description.map((l) => l.text).join('\n')
    pieces.shift()
  }

  const starConvention = lines.some((line) => startsQuestion(line) && readStem(line.text).star)
  let count = 0
  const context = {
    nextName: () => `q${++count}`,
    starConvention,
    dimension: undefined as string | undefined,
  }
  const dimensions: DimensionJson[] = []
  const pages: PageJson[] = [{ name: 'page1', elements: [] }]
  const stemLines = new Map<ElementJson, Line>()
  const headings = new Map<DimensionJson, Line>()
  for (const piece of pieces) {
    const page = pages[pages.length - 1] as PageJson
    if (piece.kind === 'page') {
      // A dimension heading holds until the next heading or page.
      context.dimension = undefined
      const isFirstEmpty = pages.length === 1 && (page.elements ?? []).length === 0
      const target = isFirstEmpty ? page : { name: `page${pages.length + 1}`, elements: [] }
      if (piece.title !== '') target.title = piece.title
      if (!isFirstEmpty) pages.push(target)
    } else if (piece.kind === 'dimension') {
      let dimension = dimensions.find((d) => d.title === piece.title)
      if (!dimension) {
        dimension = { name: `dim${dimensions.length + 1}`, title: piece.title }
        if (piece.weight !== undefined) dimension.weight = piece.weight
        dimensions.push(dimension)
        headings.set(dimension, piece.line)
      }
      context.dimension = dimension.name
    } else if (!startsQuestion(piece.lines[0] as Line)) {
      const [first, ...rest] = piece.lines as [Line, ...Line[]]
      problems.push({ line: first.no, code: 'notAQuestion', text: first.text })
      for (const line of rest) problems.push({ line: line.no, code: 'skipped', text: line.text })
    } else {
      const question = readQuestion(piece.lines, context)
      problems.push(...question.problems)
      for (const element of question.elements) stemLines.set(element, piece.lines[0] as Line)
      page.elements?.push(...question.elements)
    }
  }
  if (dimensions.length > 0) form.dimensions = dimensions
  const kept = pages.filter((page) => (page.elements ?? []).length > 0)
  form.pages = kept.length > 0 ? kept : pages.slice(0, 1)
  markQuiz(form, stemLines, problems)
  dropUncoveredWeights(form, headings, problems)
  problems.sort((a, b) => a.line - b.line)
  return { form, syntax: read, problems }
}

/** 腾讯问卷's own marks (`[必答]`, `[答案：…]`, `=== 分页 ===`, `[题型](描述)`) tell it apart. */
function detectSyntax(text: string): TextSyntax {
  return TENCENT_MARKS.test(text) || /\][(（](?!选填|必填|非必填)[^)）]*[)）]\s*$/m.test(text)
    ? 'tencent'
    : 'wjx'
}

function startsQuestion(line: Line): boolean {
  return isNumbered(line.text) || hasKindTag(line.text)
}

/**
 * Paragraphs (blank-line separated) of lines; a page break or dimension heading stands alone,
 * and a numbered line with a type tag starts a question even without a blank line before it.
 */
function splitPieces(lines: Line[]): Piece[] {
  const pieces: Piece[] = []
  let block: Line[] = []
  const close = () => {
    if (block.length > 0) pieces.push({ kind: 'block', lines: block })
    block = []
  }
  for (const line of lines) {
    const page = PAGE_BREAK.exec(line.text)
    const dimension = DIMENSION_LINE.exec(line.text)
    if (line.text === '') close()
    else if (page) {
      close()
      pieces.push({ kind: 'page', line, title: (page[1] ?? '').trim() })
    } else if (dimension && (dimension[1] ?? '') !== '') {
      close()
      const weight = dimension[2] === undefined ? undefined : Number(dimension[2])
      pieces.push({
        kind: 'dimension',
        line,
        title: dimension[1] as string,
        ...(weight === undefined ? {} : { weight }),
      })
    } else {
      if (block.length > 0 && isNumbered(line.text) && hasKindTag(line.text)) close()
      block.push(line)
    }
  }
  close()
  return pieces
}

/** A form with answers is a quiz, once every choice question it scores has one. */
function markQuiz(form: FormJson, stems: Map<ElementJson, Line>, problems: TextProblem[]): void {
  const elements = (form.pages ?? []).flatMap((page) => page.elements ?? [])
  if (!elements.some((e) => e.correctAnswer !== undefined)) return
  const missing = elements.filter((e) => QUIZ_SCORED.has(e.type) && e.correctAnswer === undefined)
  for (const element of missing) {
    const line = stems.get(element)
    if (line) problems.push({ line: line.no, code: 'missingAnswer', text: line.text })
  }
  if (missing.length === 0) form.kind = 'quiz'
}

/**
 * A weighted form counts every scored question toward a dimension (validateForm's
 * missingDimension): when a scored question stands outside every heading, the weights are not
 * imported, each weighted heading listed with the question that stands outside.
 */
function dropUncoveredWeights(
  form: FormJson,
  headings: Map<DimensionJson, Line>,
  problems: TextProblem[],
): void {
  const weighted = (form.dimensions ?? []).filter((d) => d.weight !== undefined)
  if (weighted.length === 0) return
  const outside = (form.pages ?? [])
    .flatMap((page) => page.elements ?? [])
    .find((e) => e.problemOf === undefined && e.dimension === undefined && isScored(e))
  if (!outside) return
  for (const dimension of weighted) {
    delete dimension.weight
    const line = headings.get(dimension)
    if (line) {
      const detail = typeof outside.title === 'string' ? outside.title : outside.name
      problems.push({ line: line.no, code: 'weightsDropped', text: line.text, detail })
    }
  }
}

/** Scored as validateForm counts it: an answer, or a score on a choice. */
function isScored(element: ElementJson): boolean {
  return (
    element.correctAnswer !== undefined ||
    (element.choices ?? []).some((c) => typeof c === 'object' && c.score !== undefined)
  )
}
