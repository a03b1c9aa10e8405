import type { ElementJson, FormJson, LocalizedText, PageJson } from '../types'
import { FORM_BUILD_ERROR_CODES } from './form-build-error'
import { problemEntry, problemEntryName } from './problem-entry'
import { copyText, selfCheckChoices, titled } from './shared'
import { checkNonEmpty, checkOptionalText, checkText, checkWeight, NameRegistry } from './validate'

/**
 * One yes/no item of a self-check form ("是否…?").
 *
 * @example
 * const item: SelfCheckItem = { name: 'studyHeld', title: '是否按时开展集中学习' }
 */
export interface SelfCheckItem {
  name: string
  title: LocalizedText
  description?: LocalizedText
}

/**
 * Where a self-check item counts and whether its problem-list entry follows it.
 *
 * @example
 * const options: SelfCheckItemOptions = { dimension: 'political', followUp: false }
 */
export interface SelfCheckItemOptions {
  /** The dimension the item's score counts toward; left out when it has none yet. */
  dimension?: string | undefined
  /** Follow the item with its problem-list entry (`problemEntry`). Default true. */
  followUp?: boolean
}

/**
 * The self-check item block (自检自查项): a required yes/no question — yes scores 1, no scores 0
 * and opens a problem — followed, unless `followUp` is false, by its problem-list entry
 * (`problemEntry`: 问题描述 / 整改措施 / 责任人 / 整改时限, each required, shown only on no). The one
 * definition of the block: `selfCheckForm`, the self-check template (built by `selfCheckForm`)
 * and the designer's toolbox all make their items with it. Every call returns new objects; the
 * item is not checked (`selfCheckForm` checks its input first).
 *
 * @param item the item's name, title and optional description
 * @param options its dimension, and whether the problem entry follows
 * @example
 * selfCheckItem({ name: 'partyDues', title: '是否按时足额交纳党费' }, { dimension: 'memberTeam' })
 * // [{ type: 'radiogroup', name: 'partyDues', … }, { type: 'multipletext', name: 'partyDues_problem', … }]
 */
export function selfCheckItem(
  item: SelfCheckItem,
  { dimension, followUp = true }: SelfCheckItemOptions = {},
): ElementJson[] {
  const question: ElementJson = {
    type: 'radiogroup',
    name: item.name,
    ...titled(item.title, item.description),
    isRequired: true,
    ...(dimension === undefined ? {} : { dimension }),
    choices: selfCheckChoices(),
  }
  return followUp ? [question, problemEntry(item.name)] : [question]
}

/**
 * A dimension of a self-check form (e.g. one of the four strengths), shown as one page.
 *
 * @example
 * const dimension: SelfCheckDimension = { name: 'political', title: '政治功能强', items: [item] }
 */
export interface SelfCheckDimension {
  name: string
  title: LocalizedText
  /** Weight in the total; defaults to the number of items (each yes scores 1). */
  weight?: number
  items: SelfCheckItem[]
}

/**
 * Input of `selfCheckForm`.
 *
 * @example
 * const options: SelfCheckFormOptions = { title: '党支部自检自查表', dimensions: [dimension], followUp: false }
 */
export interface SelfCheckFormOptions {
  title: LocalizedText
  description?: LocalizedText
  dimensions: SelfCheckDimension[]
  /** Follow every "no" with its problem-list entry (`problemEntry`). Default true. */
  followUp?: boolean
}

/**
 * Builds a self-check form (自检自查表): one page per dimension, each item a required yes/no
 * question (yes scores 1; no scores 0 and is a problem), followed, unless `followUp` is false,
 * by its problem-list entry `<item>_problem` (`problemEntry`: 问题描述 / 整改措施 / 责任人 /
 * 整改时限, each required) shown only when the answer is no. A dimension's weight defaults to its number of items, so
 * unweighted dimensions total like plain score / maximum. Throws `FormBuildError` on bad input.
 *
 * @example
 * const form = selfCheckForm({
 *   title: '党支部自检自查表',
 *   dimensions: [
 *     {
 *       name: 'political',
 *       title: { default: '政治功能强', en: 'Strong political function' },
 *       items: [{ name: 'studyHeld', title: '是否按时开展集中学习' }],
 *     },
 *   ],
 * })
 */
export function selfCheckForm({
  title,
  description,
  dimensions,
  followUp = true,
}: SelfCheckFormOptions): FormJson {
  checkText(title, 'title')
  checkOptionalText(description, 'description', 'description')
  checkNonEmpty(
    dimensions,
    'dimensions',
    FORM_BUILD_ERROR_CODES.EMPTY_FORM,
    'a self-check form needs at least one dimension',
  )
  const names = new NameRegistry()
  const pages: PageJson[] = dimensions.map((dimension, d) => {
    const at = `dimensions[${d}]`
    names.claim(dimension.name, `${at}.name`, 'the page of a dimension')
    checkText(dimension.title, `${at}.title`)
    checkWeight(dimension.weight, `${at}.weight`)
    checkNonEmpty(
      dimension.items,
      `${at}.items`,
      FORM_BUILD_ERROR_CODES.EMPTY_DIMENSION,
      'a dimension needs at least one item',
    )
    const elements = dimension.items.flatMap((item, i) => {
      const itemAt = `${at}.items[${i}]`
      names.claim(item.name, `${itemAt}.name`)
      checkText(item.title, `${itemAt}.title`)
      checkOptionalText(item.description, `${itemAt}.description`, 'description')
      if (followUp) {
        names.claim(
          problemEntryName(item.name),
          `${itemAt}.name`,
          `the problem-list entry of '${item.name}'`,
        )
      }
      return selfCheckItem(item, { dimension: dimension.name, followUp })
    })
    return { name: dimension.name, title: copyText(dimension.title), elements }
  })
  return {
    ...titled(title, description),
    kind: 'selfCheck',
    dimensions: dimensions.map(({ name, title, weight, items }) => ({
      name,
      title: copyText(title),
      weight: weight ?? items.length,
    })),
    pages,
  }
}
