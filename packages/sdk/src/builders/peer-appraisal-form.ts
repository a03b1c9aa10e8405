import type { ChoiceJson, ElementJson, FormJson, LocalizedText } from '../types'
import { copyText, titled, zhEn } from './shared'
import { checkOptionalText, checkText, NameRegistry } from './validate'

/**
 * The grades of 民主评议党员 (democratic appraisal of members), best first, with their scores.
 *
 * @example
 * APPRAISAL_GRADES.find((grade) => grade.value === 'qualified')?.score // 80
 */
export const APPRAISAL_GRADES = [
  { value: 'excellent', text: { default: '优秀', en: 'Excellent' }, score: 100 },
  { value: 'qualified', text: { default: '合格', en: 'Qualified' }, score: 80 },
  {
    value: 'basicallyQualified',
    text: { default: '基本合格', en: 'Basically qualified' },
    score: 60,
  },
  { value: 'unqualified', text: { default: '不合格', en: 'Unqualified' }, score: 0 },
] as const

/**
 * One of the `APPRAISAL_GRADES` values.
 *
 * @example
 * const grade: AppraisalGrade = 'basicallyQualified'
 */
export type AppraisalGrade = (typeof APPRAISAL_GRADES)[number]['value']

/**
 * One aspect of a member's conduct that is appraised on the same grades.
 *
 * @example
 * const aspect: AppraisalAspect = { name: 'model', title: { default: '先锋模范', en: 'Setting an example' } }
 */
export interface AppraisalAspect {
  name: string
  title: LocalizedText
}

/**
 * The aspects `peerAppraisalForm` appraises by default: 政治表现, 学习情况, 履职尽责, 作风纪律.
 *
 * @example
 * peerAppraisalForm({ title: '民主评议党员测评表', aspects: DEFAULT_APPRAISAL_ASPECTS.slice(0, 2) })
 */
export const DEFAULT_APPRAISAL_ASPECTS = [
  { name: 'political', title: { default: '政治表现', en: 'Political performance' } },
  { name: 'study', title: { default: '学习情况', en: 'Study' } },
  { name: 'duty', title: { default: '履职尽责', en: 'Fulfilment of duties' } },
  { name: 'discipline', title: { default: '作风纪律', en: 'Conduct and discipline' } },
] as const satisfies readonly AppraisalAspect[]

/**
 * Input of `peerAppraisalForm`.
 *
 * @example
 * const options: PeerAppraisalFormOptions = { title: '民主评议党员测评表', aspects: [] }
 */
export interface PeerAppraisalFormOptions {
  title: LocalizedText
  description?: LocalizedText
  /** Aspects graded besides the overall grade; default `DEFAULT_APPRAISAL_ASPECTS`, [] for none. */
  aspects?: readonly AppraisalAspect[]
}

/**
 * Builds a democratic appraisal of a member (民主评议党员): the required `memberName` of the
 * member appraised, a required `overall` grade on `APPRAISAL_GRADES` (优秀 / 合格 / 基本合格 /
 * 不合格, scoring 100 / 80 / 60 / 0), a required grade per aspect on the same scale, and an
 * optional comment `remarks`. The form kind is 'generic': its grades are scored, but it is none
 * of the assessment kinds. Throws `FormBuildError` on bad input.
 *
 * @example
 * const form = peerAppraisalForm({ title: { default: '民主评议党员测评表', en: 'Member appraisal' } })
 */
export function peerAppraisalForm({
  title,
  description,
  aspects = DEFAULT_APPRAISAL_ASPECTS,
}: PeerAppraisalFormOptions): FormJson {
  checkText(title, 'title')
  checkOptionalText(description, 'description', 'description')
  const names = new NameRegistry()
  names.reserve('memberName', 'the member name question')
  names.reserve('overall', 'the overall grade question')
  names.reserve('remarks', 'the remarks comment')
  const graded = aspects.map((aspect, a): ElementJson => {
    names.claim(aspect.name, `aspects[${a}].name`)
    checkText(aspect.title, `aspects[${a}].title`)
    return gradeQuestion(aspect.name, aspect.title)
  })
  return {
    ...titled(title, description),
    kind: 'generic',
    elements: [
      {
        type: 'text',
        name: 'memberName',
        title: zhEn('被评议党员', 'Member appraised'),
        isRequired: true,
      },
      gradeQuestion('overall', zhEn('总体评价', 'Overall grade')),
      ...graded,
      { type: 'comment', name: 'remarks', title: zhEn('其他意见', 'Remarks') },
    ],
  }
}

function gradeQuestion(name: string, title: LocalizedText): ElementJson {
  const choices: ChoiceJson[] = APPRAISAL_GRADES.map(({ value, text, score }) => ({
    value,
    text: { ...text },
    score,
  }))
  return { type: 'radiogroup', name, title: copyText(title), isRequired: true, choices }
}
