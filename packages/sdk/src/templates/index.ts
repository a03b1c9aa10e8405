import { type SelfCheckFormOptions, selfCheckForm } from '../builders/self-check-form'
import type { FormJson, PageJson } from '../types'
import peerAppraisal from './peer-appraisal.json' with { type: 'json' }
import quiz from './quiz.json' with { type: 'json' }
import satisfaction from './satisfaction.json' with { type: 'json' }
import scorecard from './scorecard.json' with { type: 'json' }
import selfCheck from './self-check.json' with { type: 'json' }

/** The stable ids of the ready templates. */
export type TemplateId = 'selfCheck' | 'satisfaction' | 'scorecard' | 'quiz' | 'peerAppraisal'

/**
 * The ready templates, as SurveyJS form JSON with Yardstick's extensions, zh-CN default text and
 * English translations:
 * - `selfCheck`: 达标评估自检自查表, the 17 yes/no items under the four strengths, each "no"
 *   followed by its problem-list entry, and a page for remarks (stored as `selfCheckForm`'s
 *   input, so every item is the one `selfCheckItem` block);
 * - `satisfaction`: 群众满意率测评表, ten aspects rated 满意 / 基本满意 / 不满意;
 * - `scorecard`: 党支部标准化规范化建设考评表 for organ branches, the five basics and featured
 *   indicators (100 points), an innovation bonus (at most 5), a deduction item (at most 10) and
 *   a veto item (an assessor gives a reason for each deduction and veto: `reasonsRequired`);
 * - `quiz`: 党章党规知识答卷, a bank of 110 questions of which each respondent draws 30;
 * - `peerAppraisal`: 民主评议党员表, one member rated 优秀 / 合格 / 基本合格 / 不合格.
 *
 * The objects are shared: clone one (`structuredClone`) before editing it.
 *
 * @example
 * const form = structuredClone(templates.selfCheck)
 * new Model(form).getAllQuestions().length // 35
 */
export const templates: Readonly<Record<TemplateId, FormJson>> = {
  selfCheck: builtSelfCheck(selfCheck),
  satisfaction: satisfaction as FormJson,
  scorecard: scorecard as FormJson,
  quiz: quiz as FormJson,
  peerAppraisal: peerAppraisal as FormJson,
}

// The self-check template is `selfCheckForm`'s input plus the pages after its dimensions.
function builtSelfCheck({
  extraPages,
  ...options
}: SelfCheckFormOptions & { extraPages: PageJson[] }): FormJson {
  const form = selfCheckForm(options)
  return { ...form, pages: [...(form.pages ?? []), ...extraPages] }
}
