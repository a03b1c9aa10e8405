import { type SelfCheckFormOptions, selfCheckForm } from '../builders/self-check-form'
import type { UnitType } from '../domain-sets'
import type { FormJson, PageJson } from '../types'
import debriefing from './debriefing.json' with { type: 'json' }
import peerAppraisal from './peer-appraisal.json' with { type: 'json' }
import quiz from './quiz.json' with { type: 'json' }
import satisfaction from './satisfaction.json' with { type: 'json' }
import scorecard from './scorecard.json' with { type: 'json' }
import scorecardEnterprise from './scorecard-enterprise.json' with { type: 'json' }
import scorecardHospital from './scorecard-hospital.json' with { type: 'json' }
import scorecardPublicInstitution from './scorecard-public-institution.json' with { type: 'json' }
import scorecardResearch from './scorecard-research.json' with { type: 'json' }
import scorecardRetired from './scorecard-retired.json' with { type: 'json' }
import scorecardSchool from './scorecard-school.json' with { type: 'json' }
import scorecardSocialOrganization from './scorecard-social-organization.json' with { type: 'json' }
import { scorecardTemplate } from './scorecard-template'
import selfCheck from './self-check.json' with { type: 'json' }

/** The stable ids of the ready templates. */
export type TemplateId =
  | 'selfCheck'
  | 'satisfaction'
  | 'scorecard'
  | 'scorecardEnterprise'
  | 'scorecardPublicInstitution'
  | 'scorecardSchool'
  | 'scorecardHospital'
  | 'scorecardResearch'
  | 'scorecardSocialOrganization'
  | 'scorecardRetired'
  | 'quiz'
  | 'peerAppraisal'
  | 'debriefing'

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
 * - `scorecardEnterprise`, `scorecardPublicInstitution`, `scorecardSchool`, `scorecardHospital`,
 *   `scorecardResearch`, `scorecardSocialOrganization`, `scorecardRetired`: the same scorecard
 *   for the other seven branch types (企业, 事业单位, 学校, 医院, 科研院所, 社会组织, 离退休干部党支部):
 *   the same dimensions, weights, bonus, deduction and veto, with indicators of their own in the
 *   basics and featured indicators of their own (`scorecardTemplateIds` names each type's). All
 *   eight are stored as `scorecardTemplate`'s input: a file per type with its title and
 *   indicators, over `scorecard-basics.json`, the one home of what they share;
 * - `quiz`: 党章党规知识答卷, a bank of 110 questions of which each respondent draws 30;
 * - `peerAppraisal`: 民主评议党员表, one member rated 优秀 / 合格 / 基本合格 / 不合格;
 * - `debriefing`: 党支部书记述职评议表, the secretary's report (述职) rated by a panel on four items
 *   and overall, each 好 / 较好 / 一般 / 差 (100 / 80 / 60 / 0), with room for comments.
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
  scorecard: scorecardTemplate(scorecard),
  scorecardEnterprise: scorecardTemplate(scorecardEnterprise),
  scorecardPublicInstitution: scorecardTemplate(scorecardPublicInstitution),
  scorecardSchool: scorecardTemplate(scorecardSchool),
  scorecardHospital: scorecardTemplate(scorecardHospital),
  scorecardResearch: scorecardTemplate(scorecardResearch),
  scorecardSocialOrganization: scorecardTemplate(scorecardSocialOrganization),
  scorecardRetired: scorecardTemplate(scorecardRetired),
  quiz: quiz as FormJson,
  peerAppraisal: peerAppraisal as FormJson,
  debriefing: debriefing as FormJson,
}

/**
 * The scorecard template (考评表) of each branch type (支部类型): the eight share the five basics,
 * the featured indicators' 10 points, the bonus, the deduction and the veto, and each has
 * indicators written for its type. Scores on any of them are percents of 100 points, so branches
 * of different types grade and rank together.
 *
 * @example
 * const form = structuredClone(templates[scorecardTemplateIds[unit.unitType]])
 * scorecardTemplateIds.organ // 'scorecard'
 */
export const scorecardTemplateIds: Readonly<Record<UnitType, TemplateId>> = Object.freeze({
  organ: 'scorecard',
  enterprise: 'scorecardEnterprise',
  publicInstitution: 'scorecardPublicInstitution',
  school: 'scorecardSchool',
  hospital: 'scorecardHospital',
  research: 'scorecardResearch',
  socialOrganization: 'scorecardSocialOrganization',
  retired: 'scorecardRetired',
})

// The self-check template is `selfCheckForm`'s input plus the pages after its dimensions.
function builtSelfCheck({
  extraPages,
  ...options
}: SelfCheckFormOptions & { extraPages: PageJson[] }): FormJson {
  const form = selfCheckForm(options)
  return { ...form, pages: [...(form.pages ?? []), ...extraPages] }
}
