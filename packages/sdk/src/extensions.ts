import { Serializer, surveyLocalization } from 'survey-core'
// SurveyJS's own Chinese strings (buttons, required-field errors) for the zh-CN default.
import 'survey-core/i18n/simplified-chinese'

import { DEFAULT_LOCALE, FORM_KINDS, SCORE_KINDS } from './kinds'

let registered = false

/**
 * Registers Yardstick's assessment properties (docs/DESIGN.md §2) with SurveyJS's `Serializer`,
 * so they survive SurveyJS's own load/save and unknown or misspelt ones show up in
 * `jsonErrors`, and makes zh-CN SurveyJS's default locale, so `{ default: '中文', en: 'English' }`
 * shows English when a survey's `locale` is `en`. Importing `@yardstick/sdk` calls it; calling
 * it again does nothing.
 *
 * @example
 * registerExtensions()
 * new Model({ kind: 'quiz', pages: [] }).jsonErrors // undefined
 */
export function registerExtensions(): void {
  if (registered) return
  registered = true
  surveyLocalization.defaultLocale = DEFAULT_LOCALE
  Serializer.addProperty('survey', {
    name: 'kind',
    default: 'generic',
    choices: [...FORM_KINDS],
    category: 'yardstick',
  })
  // An array of plain `{ name, title, weight }` objects: kept as-is by SurveyJS.
  Serializer.addProperty('survey', { name: 'dimensions', category: 'yardstick' })
  Serializer.addProperty('survey', { name: 'bonusCap:number', category: 'yardstick' })
  Serializer.addProperty('question', { name: 'dimension', category: 'yardstick' })
  Serializer.addProperty('question', { name: 'maxScore:number', category: 'yardstick' })
  Serializer.addProperty('question', {
    name: 'scoreKind',
    default: 'normal',
    choices: [...SCORE_KINDS],
    category: 'yardstick',
  })
  Serializer.addProperty('question', { name: 'points:number', default: 1, category: 'yardstick' })
  // The question whose "problem" answer this entry describes (the 问题清单 follow-up).
  Serializer.addProperty('question', { name: 'problemOf', category: 'yardstick' })
  Serializer.addProperty('itemvalue', { name: 'score:number', category: 'yardstick' })
  Serializer.addProperty('itemvalue', { name: 'satisfied:boolean', category: 'yardstick' })
  Serializer.addProperty('itemvalue', { name: 'problem:boolean', category: 'yardstick' })
  Serializer.addProperty('itemvalue', { name: 'veto:boolean', category: 'yardstick' })
  Serializer.addProperty('page', { name: 'drawCount:number', category: 'yardstick' })
  Serializer.addProperty('panel', { name: 'drawCount:number', category: 'yardstick' })
}

registerExtensions()

/** The SurveyJS classes Yardstick adds properties to. */
const EXTENDED_CLASSES = ['survey', 'page', 'panel', 'question', 'itemvalue'] as const

/**
 * Yardstick's own properties per SurveyJS class, read from what `registerExtensions` registered
 * (their category is `yardstick`): the one list, for whoever must treat them apart — the server
 * keeps every one but a respondent form's allow-list off the respondent's page.
 *
 * @example
 * extensionProperties().question // ['dimension', 'maxScore', 'scoreKind', 'points', 'problemOf']
 */
export function extensionProperties(): Record<(typeof EXTENDED_CLASSES)[number], string[]> {
  registerExtensions()
  const of = (name: string) =>
    Serializer.getProperties(name)
      .filter((property) => property.category === 'yardstick')
      .map((property) => property.name)
  return Object.fromEntries(EXTENDED_CLASSES.map((name) => [name, of(name)])) as Record<
    (typeof EXTENDED_CLASSES)[number],
    string[]
  >
}
