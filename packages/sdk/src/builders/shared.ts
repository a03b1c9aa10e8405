import type { ChoiceJson, LocalizedText } from '../types'

// A type, not an interface: an interface would not fit LocalizedText's index signature.
/**
 * A text with zh-CN as the default and English as the translation.
 *
 * @example
 * const yes: ZhEnText = { default: '是', en: 'Yes' }
 */
export type ZhEnText = { default: string; en: string }

/**
 * A localised SurveyJS text: Chinese (zh-CN) is the default, English the translation.
 *
 * @example
 * zhEn('是', 'Yes') // { default: '是', en: 'Yes' }
 */
export function zhEn(zh: string, en: string): ZhEnText {
  return { default: zh, en }
}

/**
 * A copy of a `LocalizedText`, so a built form never shares an object with its input or with
 * the constants here: editing one form cannot change another.
 *
 * @example
 * copyText({ default: '标题', en: 'Title' }) // a new, equal object
 */
export function copyText(text: LocalizedText): LocalizedText {
  return typeof text === 'string' ? text : { ...text }
}

/**
 * `{ title }` plus `{ description }` when one is given: SurveyJS JSON leaves absent
 * properties out rather than setting them to `undefined`.
 *
 * @example
 * titled('政治功能强') // { title: '政治功能强' }
 * titled('支部建设', '每项回答是或否') // { title: '支部建设', description: '每项回答是或否' }
 */
export function titled(
  title: LocalizedText,
  description?: LocalizedText,
): { title: LocalizedText; description?: LocalizedText } {
  return description === undefined
    ? { title: copyText(title) }
    : { title: copyText(title), description: copyText(description) }
}

const YES_TEXT: Readonly<ZhEnText> = Object.freeze(zhEn('是', 'Yes'))
const NO_TEXT: Readonly<ZhEnText> = Object.freeze(zhEn('否', 'No'))

/**
 * The self-check answer: yes scores 1, no scores 0 and opens a problem-list entry (问题清单).
 *
 * @example
 * { type: 'radiogroup', name: 'q1', choices: selfCheckChoices() }
 */
export function selfCheckChoices(): ChoiceJson[] {
  return [
    { value: 'yes', text: { ...YES_TEXT }, score: 1 },
    { value: 'no', text: { ...NO_TEXT }, score: 0, problem: true },
  ]
}

/**
 * The veto question's answer (一票否决): no, or yes, which vetoes the grade.
 *
 * @example
 * { type: 'radiogroup', name: 'veto', choices: vetoChoices() }
 */
export function vetoChoices(): ChoiceJson[] {
  return [
    { value: 'no', text: { ...NO_TEXT } },
    { value: 'yes', text: { ...YES_TEXT }, veto: true },
  ]
}
