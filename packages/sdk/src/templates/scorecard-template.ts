import { type ScorecardIndicator, scorecardForm } from '../builders/scorecard-form'
import type { ZhEnText } from '../builders/shared'
import type { FormJson } from '../types'
import basics from './scorecard-basics.json' with { type: 'json' }

/**
 * One indicator of a branch type's scorecard, as stored: its title without the points (the
 * points are added to it when built) and its scoring standard (评分标准).
 *
 * @example
 * const indicator: TemplateIndicator = {
 *   name: 'teacherEthics',
 *   title: { default: '师德师风', en: 'Teachers’ ethics' },
 *   points: 3,
 *   standard: { default: '评分标准：……视情况得0至3分。', en: 'Scoring standard: … 0 to 3 points.' },
 * }
 */
export interface TemplateIndicator extends ScorecardIndicator {
  title: ZhEnText
  standard: ZhEnText
}

/**
 * One branch type's scorecard as stored (`scorecard*.json`): its title, the branches it is for
 * (named in the shared description) and, per shared dimension, its indicators: the name of a
 * shared indicator (`scorecard-basics.json`) or one of its own.
 *
 * @example
 * const school: ScorecardTypeInput = {
 *   title: { default: '党支部标准化规范化建设考评表（学校党支部）', en: 'Branch standardisation scorecard (school branches)' },
 *   branches: { default: '学校党支部', en: 'school branches' },
 *   indicators: { basicOrganization: ['branchSetup', 'election'], featured: [indicator] },
 * }
 */
export interface ScorecardTypeInput {
  title: ZhEnText
  branches: ZhEnText
  indicators: Readonly<Record<string, ReadonlyArray<string | TemplateIndicator>>>
}

const SHARED: ReadonlyMap<string, TemplateIndicator> = new Map(
  basics.indicators.map((indicator) => [indicator.name, indicator]),
)

/**
 * A branch type's scorecard (党支部标准化规范化建设考评表): the dimensions, the shared indicators,
 * the description, the bonus, the deduction and the veto all come from `scorecard-basics.json`,
 * one home for the eight types; the type gives its title and picks or writes its indicators.
 * Page and indicator titles carry their points (`基本组织（20分）`). Throws on a dimension the
 * basics do not declare, an unknown shared indicator, or anything `scorecardForm` refuses.
 *
 * @example
 * import hospital from './scorecard-hospital.json' with { type: 'json' }
 * scorecardTemplate(hospital).dimensions?.map((d) => d.weight) // [20, 20, 20, 15, 15, 10]
 */
export function scorecardTemplate({ title, branches, indicators }: ScorecardTypeInput): FormJson {
  const declared = new Set(basics.dimensions.map(({ name }) => name))
  for (const name of Object.keys(indicators)) {
    if (!declared.has(name)) throw new Error(`Scorecard template: no shared dimension "${name}"`)
  }
  return scorecardForm({
    title,
    description: naming(basics.description, branches),
    dimensions: basics.dimensions.map(({ name, title, weight }) => ({
      name,
      title,
      weight,
      pageTitle: withPoints(title, weight),
      indicators: (indicators[name] ?? []).map((entry) => {
        const indicator = typeof entry === 'string' ? sharedIndicator(entry) : entry
        return { ...indicator, title: withPoints(indicator.title, indicator.points) }
      }),
    })),
    bonus: basics.bonus,
    deduction: basics.deduction,
    veto: basics.veto,
    adjustmentsTitle: basics.adjustmentsTitle,
  })
}

function sharedIndicator(name: string): TemplateIndicator {
  const indicator = SHARED.get(name)
  if (!indicator) throw new Error(`Scorecard template: no shared indicator "${name}"`)
  return indicator
}

function naming(text: ZhEnText, branches: ZhEnText): ZhEnText {
  return {
    default: text.default.replace('{branches}', branches.default),
    en: text.en.replace('{branches}', branches.en),
  }
}

// The points are written once, as numbers; the titles say them as an office's form does.
function withPoints(title: ZhEnText, points: number): ZhEnText {
  return {
    default: `${title.default}（${points}分）`,
    en: `${title.en} (${points} ${points === 1 ? 'point' : 'points'})`,
  }
}
