import type { ElementJson, FormJson, LocalizedText, PageJson } from '../types'
import { FORM_BUILD_ERROR_CODES } from './form-build-error'
import { copyText, titled, vetoChoices, zhEn } from './shared'
import {
  checkNonEmpty,
  checkOptionalText,
  checkPositive,
  checkText,
  checkWeight,
  NameRegistry,
} from './validate'

/**
 * One scored indicator: the assessor enters 0 to `points`.
 *
 * @example
 * const indicator: ScorecardIndicator = { name: 'meetings', title: '三会一课', points: 20, standard: '每缺一次扣 2 分' }
 */
export interface ScorecardIndicator {
  name: string
  title: LocalizedText
  points: number
  /** How to score it (评分标准), shown as the question's description. */
  standard?: LocalizedText
}

/**
 * A dimension of a scorecard (e.g. one of the five basics), shown as one page.
 *
 * @example
 * const dimension: ScorecardDimension = { name: 'activity', title: '基本活动', indicators: [indicator] }
 */
export interface ScorecardDimension {
  name: string
  title: LocalizedText
  /** Weight in the total; defaults to the dimension's total points. */
  weight?: number
  /** Title of the dimension's page; defaults to `title` (e.g. `基本组织（20分）` for `基本组织`). */
  pageTitle?: LocalizedText
  indicators: ScorecardIndicator[]
}

/**
 * Bonus points (创新进步加分): added to the score, not to the maximum, at most `cap`.
 *
 * @example
 * const bonus: ScorecardBonus = { cap: 5 }
 */
export interface ScorecardBonus {
  /** Default 'bonus'. */
  name?: string
  /** Default 创新进步加分 / Bonus for innovation and progress. */
  title?: LocalizedText
  /** How bonus points are earned (加分标准), shown as the question's description. */
  standard?: LocalizedText
  cap: number
}

/**
 * A deduction item (负面清单扣分): the assessor enters the points taken off, 0 to `cap`; each
 * deduction needs its reason (`reasonsRequired`).
 *
 * @example
 * const deduction: ScorecardDeduction = { cap: 10 }
 */
export interface ScorecardDeduction {
  /** Default 'deduction'. */
  name?: string
  /** Default 负面清单扣分 / Deductions. */
  title?: LocalizedText
  /** How to deduct (扣分标准), shown as the question's description. */
  standard?: LocalizedText
  cap: number
}

/**
 * A veto question (一票否决): answering yes caps the unit at the lowest grade.
 *
 * @example
 * const veto: ScorecardVeto = { title: '是否发生严重违纪问题' }
 */
export interface ScorecardVeto {
  /** Default 'veto'. */
  name?: string
  title: LocalizedText
  /** What a yes means for the grade, shown as the question's description. */
  description?: LocalizedText
}

/**
 * Input of `scorecardForm`.
 *
 * @example
 * const options: ScorecardFormOptions = { title: '党支部考评表', dimensions: [dimension], bonus: { cap: 5 } }
 */
export interface ScorecardFormOptions {
  title: LocalizedText
  description?: LocalizedText
  dimensions: ScorecardDimension[]
  bonus?: ScorecardBonus
  deduction?: ScorecardDeduction
  veto?: ScorecardVeto
  /** Title of the last page, which holds the bonus, deduction and veto; none by default. */
  adjustmentsTitle?: LocalizedText
}

/**
 * Builds a scorecard (考评表): one page per dimension, each indicator a required number from 0
 * to its points (its `maxScore`). A dimension's weight defaults to its total points, so
 * unweighted dimensions total like plain score / maximum. A `bonus` adds a number question
 * (scoreKind 'bonus', at most `cap`, also the form's `bonusCap`), a `deduction` a number
 * question (scoreKind 'deduction', 0 to `cap`) and a `veto` a required no/yes question where
 * yes vetoes; they go, in that order, on a last page 'adjustments' (titled `adjustmentsTitle`
 * when given). Throws `FormBuildError` on bad input.
 *
 * @example
 * const form = scorecardForm({
 *   title: '党支部考评表',
 *   dimensions: [
 *     {
 *       name: 'organisation',
 *       title: { default: '基本组织', en: 'Basic organisation' },
 *       indicators: [{ name: 'committee', title: '支委会按期换届', points: 10 }],
 *     },
 *   ],
 *   bonus: { cap: 5 },
 *   deduction: { cap: 10 },
 *   veto: { title: '是否发生严重违纪问题' },
 * })
 */
export function scorecardForm({
  title,
  description,
  dimensions,
  bonus,
  deduction,
  veto,
  adjustmentsTitle,
}: ScorecardFormOptions): FormJson {
  checkText(title, 'title')
  checkOptionalText(description, 'description', 'description')
  checkOptionalText(adjustmentsTitle, 'adjustmentsTitle', 'title')
  checkNonEmpty(
    dimensions,
    'dimensions',
    FORM_BUILD_ERROR_CODES.EMPTY_FORM,
    'a scorecard needs at least one dimension',
  )
  const names = new NameRegistry()
  const adjustments: ElementJson[] = []
  if (bonus !== undefined || deduction !== undefined || veto !== undefined) {
    names.reserve('adjustments', 'the bonus, deduction and veto page')
    if (bonus !== undefined) adjustments.push(bonusQuestion(bonus, names))
    if (deduction !== undefined) adjustments.push(deductionQuestion(deduction, names))
    if (veto !== undefined) adjustments.push(vetoQuestion(veto, names))
  }
  const pages: PageJson[] = dimensions.map((dimension, d) => {
    const at = `dimensions[${d}]`
    names.claim(dimension.name, `${at}.name`, 'the page of a dimension')
    checkText(dimension.title, `${at}.title`)
    checkOptionalText(dimension.pageTitle, `${at}.pageTitle`, 'title')
    checkWeight(dimension.weight, `${at}.weight`)
    checkNonEmpty(
      dimension.indicators,
      `${at}.indicators`,
      FORM_BUILD_ERROR_CODES.EMPTY_DIMENSION,
      'a dimension needs at least one indicator',
    )
    const elements = dimension.indicators.map((indicator, i): ElementJson => {
      const indicatorAt = `${at}.indicators[${i}]`
      names.claim(indicator.name, `${indicatorAt}.name`)
      checkText(indicator.title, `${indicatorAt}.title`)
      checkPositive(
        indicator.points,
        `${indicatorAt}.points`,
        FORM_BUILD_ERROR_CODES.INVALID_POINTS,
        'points',
      )
      checkOptionalText(indicator.standard, `${indicatorAt}.standard`, 'standard')
      return {
        type: 'text',
        inputType: 'number',
        name: indicator.name,
        ...titled(indicator.title, indicator.standard),
        isRequired: true,
        min: 0,
        max: indicator.points,
        maxScore: indicator.points,
        dimension: dimension.name,
      }
    })
    return {
      name: dimension.name,
      title: copyText(dimension.pageTitle ?? dimension.title),
      elements,
    }
  })
  if (adjustments.length > 0) {
    const titleOf = adjustmentsTitle === undefined ? {} : { title: copyText(adjustmentsTitle) }
    pages.push({ name: 'adjustments', ...titleOf, elements: adjustments })
  }
  return {
    ...titled(title, description),
    kind: 'scorecard',
    dimensions: dimensions.map(({ name, title, weight, indicators }) => ({
      name,
      title: copyText(title),
      weight: weight ?? indicators.reduce((total, { points }) => total + points, 0),
    })),
    ...(bonus === undefined ? {} : { bonusCap: bonus.cap }),
    pages,
  }
}

function bonusQuestion(
  {
    name = 'bonus',
    title = zhEn('创新进步加分', 'Bonus for innovation and progress'),
    standard,
    cap,
  }: ScorecardBonus,
  names: NameRegistry,
): ElementJson {
  names.claim(name, 'bonus.name', 'the bonus question')
  checkText(title, 'bonus.title')
  checkOptionalText(standard, 'bonus.standard', 'standard')
  checkPositive(cap, 'bonus.cap', FORM_BUILD_ERROR_CODES.INVALID_BONUS_CAP, 'bonus cap')
  return {
    type: 'text',
    inputType: 'number',
    name,
    ...titled(title, standard),
    min: 0,
    max: cap,
    maxScore: cap,
    scoreKind: 'bonus',
  }
}

function deductionQuestion(
  {
    name = 'deduction',
    title = zhEn('负面清单扣分', 'Deductions'),
    standard,
    cap,
  }: ScorecardDeduction,
  names: NameRegistry,
): ElementJson {
  names.claim(name, 'deduction.name', 'the deduction question')
  checkText(title, 'deduction.title')
  checkOptionalText(standard, 'deduction.standard', 'standard')
  checkPositive(cap, 'deduction.cap', FORM_BUILD_ERROR_CODES.INVALID_POINTS, 'deduction cap')
  return {
    type: 'text',
    inputType: 'number',
    name,
    ...titled(title, standard),
    min: 0,
    max: cap,
    maxScore: cap,
    scoreKind: 'deduction',
  }
}

function vetoQuestion(
  { name = 'veto', title, description }: ScorecardVeto,
  names: NameRegistry,
): ElementJson {
  names.claim(name, 'veto.name', 'the veto question')
  checkText(title, 'veto.title')
  checkOptionalText(description, 'veto.description', 'description')
  return {
    type: 'radiogroup',
    name,
    ...titled(title, description),
    isRequired: true,
    choices: vetoChoices(),
  }
}
