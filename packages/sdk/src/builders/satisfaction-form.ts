import type { ChoiceJson, ElementJson, FormJson, LocalizedText } from '../types'
import { FORM_BUILD_ERROR_CODES, FormBuildError } from './form-build-error'
import { copyText, titled, zhEn } from './shared'
import {
  checkChoiceValues,
  checkNonEmpty,
  checkOptionalText,
  checkText,
  NameRegistry,
  show,
} from './validate'

/**
 * One choice of a satisfaction scale: its score, and whether it counts as satisfied.
 *
 * @example
 * const choice: SatisfactionChoice = { value: 'very', text: '非常满意', score: 100, satisfied: true }
 */
export interface SatisfactionChoice {
  value: string | number
  text: LocalizedText
  score: number
  satisfied: boolean
}

/**
 * The default satisfaction scale: 满意 (100) and 基本满意 (60) count as satisfied, 不满意 (0)
 * does not, so satisfaction rate = (满意 + 基本满意) / answers.
 *
 * @example
 * satisfactionForm({ title: '群众满意率测评表', aspects, scale: SATISFACTION_SCALE })
 */
export const SATISFACTION_SCALE = [
  { value: 'satisfied', text: { default: '满意', en: 'Satisfied' }, score: 100, satisfied: true },
  {
    value: 'basic',
    text: { default: '基本满意', en: 'Basically satisfied' },
    score: 60,
    satisfied: true,
  },
  {
    value: 'dissatisfied',
    text: { default: '不满意', en: 'Dissatisfied' },
    score: 0,
    satisfied: false,
  },
] as const satisfies readonly SatisfactionChoice[]

/**
 * One aspect of the branch's work that members rate.
 *
 * @example
 * const aspect: SatisfactionAspect = { name: 'service', title: { default: '服务群众', en: 'Serving the people' } }
 */
export interface SatisfactionAspect {
  name: string
  title: LocalizedText
}

/**
 * Input of `satisfactionForm`.
 *
 * @example
 * const options: SatisfactionFormOptions = { title: '群众满意率测评表', aspects, suggestions: false }
 */
export interface SatisfactionFormOptions {
  title: LocalizedText
  description?: LocalizedText
  aspects: SatisfactionAspect[]
  /** The scale every aspect is rated on; default `SATISFACTION_SCALE`. */
  scale?: readonly SatisfactionChoice[]
  /** End with an optional comment `suggestions` (意见和建议). Default true. */
  suggestions?: boolean
}

/**
 * Builds a satisfaction form (群众满意率测评表): each aspect a required single choice on the
 * scale, then, unless `suggestions` is false, an optional comment `suggestions`. Throws
 * `FormBuildError` on bad input.
 *
 * @example
 * const form = satisfactionForm({
 *   title: { default: '群众满意率测评表', en: 'Satisfaction survey' },
 *   aspects: [
 *     { name: 'study', title: '组织学习' },
 *     { name: 'service', title: { default: '服务群众', en: 'Serving the people' } },
 *   ],
 * })
 */
export function satisfactionForm({
  title,
  description,
  aspects,
  scale = SATISFACTION_SCALE,
  suggestions = true,
}: SatisfactionFormOptions): FormJson {
  checkText(title, 'title')
  checkOptionalText(description, 'description', 'description')
  checkScale(scale)
  checkNonEmpty(
    aspects,
    'aspects',
    FORM_BUILD_ERROR_CODES.EMPTY_FORM,
    'a satisfaction form needs at least one aspect',
  )
  const names = new NameRegistry()
  if (suggestions) names.reserve('suggestions', 'the suggestions comment')
  const elements: ElementJson[] = aspects.map((aspect, a) => {
    names.claim(aspect.name, `aspects[${a}].name`)
    checkText(aspect.title, `aspects[${a}].title`)
    return {
      type: 'radiogroup',
      name: aspect.name,
      title: copyText(aspect.title),
      isRequired: true,
      choices: scale.map(toChoice),
    }
  })
  if (suggestions) {
    elements.push({
      type: 'comment',
      name: 'suggestions',
      title: zhEn('意见和建议', 'Opinions and suggestions'),
    })
  }
  return { ...titled(title, description), kind: 'satisfaction', elements }
}

function checkScale(scale: readonly SatisfactionChoice[]): void {
  checkChoiceValues(scale, 'scale')
  scale.forEach((choice, c) => {
    checkText(choice.text, `scale[${c}].text`, 'text')
    if (typeof choice.score !== 'number' || !Number.isFinite(choice.score)) {
      throw new FormBuildError(FORM_BUILD_ERROR_CODES.INVALID_SCORE, {
        what: `Invalid score ${show(choice.score)}`,
        where: `scale[${c}].score`,
        why: 'a choice score must be a finite number',
      })
    }
  })
  if (!scale.some((choice) => choice.satisfied === true)) {
    throw new FormBuildError(FORM_BUILD_ERROR_CODES.NO_SATISFIED_CHOICE, {
      what: 'No satisfied choice',
      where: 'scale',
      why: 'the satisfaction rate counts the choices marked satisfied: true, so mark at least one',
    })
  }
}

function toChoice({ value, text, score, satisfied }: SatisfactionChoice): ChoiceJson {
  return { value, text: copyText(text), score, satisfied: satisfied === true }
}
