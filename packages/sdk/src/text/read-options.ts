import type { ChoiceJson } from '../types'
import { OPTION_PREFIX, SCORE_SUFFIX } from './syntax'
import type { TextProblem } from './types'

/** A line of the text, with its number from 1. */
export interface Line {
  no: number
  text: string
}

/** An option line read: its text without `A.` and its score from `(1分)`. */
export interface OptionText {
  text: string
  score?: number
}

/**
 * Reads an option line: drops a numbering prefix (`A.`, `A、`, `(A)`, `○`) and reads a trailing
 * score (`是 (1分)`, `是（1分）`).
 */
export function readOption(line: string): OptionText {
  let text = line.replace(OPTION_PREFIX, '').trim()
  const score = SCORE_SUFFIX.exec(text)
  if (!score) return { text }
  text = text.slice(0, score.index).trim()
  return { text, score: Number(score[1]) }
}

/** A choice as the text gives it: the text is the value; a score makes it an object. */
export function choiceOf(option: OptionText): ChoiceJson | string {
  return option.score === undefined ? option.text : { value: option.text, score: option.score }
}

/**
 * The choices of option lines, a repeated option left out with a problem (SurveyJS would
 * show both but store one value).
 */
export function readChoices(
  lines: Line[],
  problems: TextProblem[],
): Array<{ choice: ChoiceJson | string; option: OptionText }> {
  const seen = new Set<string>()
  const read: Array<{ choice: ChoiceJson | string; option: OptionText }> = []
  for (const line of lines) {
    const option = readOption(line.text)
    if (option.text === '') {
      problems.push({ line: line.no, code: 'emptyOption', text: line.text })
      continue
    }
    if (seen.has(option.text)) {
      problems.push({
        line: line.no,
        code: 'duplicateOption',
        text: line.text,
        detail: option.text,
      })
      continue
    }
    seen.add(option.text)
    read.push({ choice: choiceOf(option), option })
  }
  return read
}
