import { uniformInt } from 'pure-rand/distribution/uniformInt'
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus'
import type { Model, Question } from 'survey-core'
import type { Answers } from '../../src/types'

/** A seeded source of choices for answer generation: the same seed, the same answers. */
export interface Dice {
  int(min: number, max: number): number
  pick<T>(list: readonly T[]): T
  chance(percent: number): boolean
}

export function dice(seed: number): Dice {
  const rng = xoroshiro128plus(seed)
  const int = (min: number, max: number): number => uniformInt(rng, min, max)
  return {
    int,
    pick: <T>(list: readonly T[]): T => list[int(0, list.length - 1)] as T,
    chance: (percent) => int(0, 99) < percent,
  }
}

interface QuestionLike {
  getType(): string
  getValueName(): string
  name: string
  correctAnswer?: unknown
  choices?: Array<{ value: unknown }>
  visibleRateValues?: Array<{ value: unknown }>
  rows?: Array<{ value: unknown }>
  columns?: Array<{ value?: unknown; name?: string }>
  items?: Array<{ name: string }>
  templateElements?: QuestionLike[]
  valueTrue?: unknown
  valueFalse?: unknown
  showOtherItem?: boolean
}

const NOISE = ['zzz-unknown', '', ' ', 'Other', 'none']

/** Variants of a correct answer SurveyJS might still call correct: case, spaces, order, copies. */
function correctVariant(d: Dice, correct: unknown): unknown {
  if (typeof correct === 'string') {
    return d.pick([correct, correct.toUpperCase(), ` ${correct} `, correct.toLowerCase()])
  }
  if (typeof correct === 'number') return d.pick([correct, String(correct)])
  if (typeof correct === 'boolean') return d.pick([correct, String(correct)])
  if (Array.isArray(correct)) {
    const copy = [...correct]
    return d.pick([
      copy,
      [...copy].reverse(),
      [...copy, copy[0]],
      copy.map(() => copy[0]),
      copy.slice(1),
    ])
  }
  if (correct && typeof correct === 'object') {
    const entries = Object.entries(correct)
    return Object.fromEntries(d.chance(50) ? entries.reverse() : entries)
  }
  return correct
}

function choiceValues(q: QuestionLike): unknown[] {
  const items = q.getType() === 'rating' ? q.visibleRateValues : q.choices
  return (items ?? []).map((c) => c.value)
}

function subset(d: Dice, values: unknown[]): unknown[] {
  const picked = values.filter(() => d.chance(40))
  if (d.chance(20) && values.length) picked.push(d.pick(values)) // a duplicate
  if (d.chance(10)) picked.push(d.pick(NOISE))
  return picked
}

function cellValue(d: Dice, q: QuestionLike): unknown {
  const columns = q.columns ?? []
  return d.pick([d.pick(['a', 'b', 1, 2, true]), columns[0]?.name ?? 'x', d.int(0, 5)])
}

/** One generated value for a question, or undefined to leave it unanswered. */
export function valueFor(d: Dice, q: QuestionLike): unknown {
  if (d.chance(20)) return undefined
  if (q.correctAnswer !== undefined && q.correctAnswer !== null && d.chance(50)) {
    return correctVariant(d, q.correctAnswer)
  }
  const values = choiceValues(q)
  switch (q.getType()) {
    case 'checkbox':
    case 'tagbox':
    case 'ranking':
      return subset(d, values)
    case 'radiogroup':
    case 'dropdown':
    case 'imagepicker':
    case 'buttongroup':
    case 'rating':
      if (values.length && d.chance(80)) {
        const v = d.pick(values)
        return d.chance(15) ? String(v) : v
      }
      return d.pick([...NOISE, 99, 3])
    case 'boolean':
      return d.pick([true, false, 'true', 'false', q.valueTrue, q.valueFalse, 'yes', 1, 0])
    case 'matrix': {
      const cols = (q.columns ?? []).map((c) => c.value)
      const out: Record<string, unknown> = {}
      for (const row of q.rows ?? [])
        if (d.chance(70)) out[String(row.value)] = cols.length ? d.pick(cols) : 'x'
      return out
    }
    case 'multipletext': {
      const out: Record<string, unknown> = {}
      for (const item of q.items ?? [])
        if (d.chance(70)) out[item.name] = d.pick(['a', 'B ', '1', 2])
      return out
    }
    case 'matrixdropdown': {
      const out: Record<string, Record<string, unknown>> = {}
      for (const row of q.rows ?? []) {
        if (!d.chance(60)) continue
        out[String(row.value)] = Object.fromEntries(
          (q.columns ?? []).map((c) => [String(c.name), cellValue(d, q)]),
        )
      }
      return out
    }
    case 'matrixdynamic':
      return Array.from({ length: d.int(0, 3) }, () =>
        Object.fromEntries((q.columns ?? []).map((c) => [String(c.name), cellValue(d, q)])),
      )
    case 'paneldynamic':
      return Array.from({ length: d.int(0, 2) }, () =>
        Object.fromEntries(
          (q.templateElements ?? [])
            .filter((e) => typeof e.getValueName === 'function')
            .map((e) => [e.getValueName(), valueFor(d, e)]),
        ),
      )
    case 'text':
    case 'comment':
      return d.pick(['a', 'Hello', '  ', 'yes', 1, 5, 12, '3', 'text'])
    default:
      return d.pick(['a', 1, true])
  }
}

/**
 * A seeded response to a loaded form: a value for most questions (under each question's
 * `valueName` where it has one), valid, invalid, repeated and string-for-boolean values mixed,
 * sometimes an "other" comment. Deterministic for `(model, seed)`.
 */
export function answersFor(model: Model, seed: number): Answers {
  const d = dice(seed)
  const answers: Answers = {}
  for (const question of model.getAllQuestions(false, false, false) as Question[]) {
    const q = question as unknown as QuestionLike
    const value = valueFor(d, q)
    if (value !== undefined) answers[q.getValueName()] = value
    if (q.showOtherItem && d.chance(30)) answers[`${q.getValueName()}-Comment`] = 'other text'
  }
  return answers
}
