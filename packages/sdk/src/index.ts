/**
 * @yardstick/sdk — define, validate and score assessment forms (self-check, satisfaction,
 * scorecard, quiz, peer appraisal) on SurveyJS, and compute the composite evaluation.
 * Importing it registers Yardstick's extension properties with SurveyJS (`./extensions.ts`).
 *
 * The exports are grouped by who reads them: form authors, scoring, the respondent link
 * client, and the domain's closed sets and labels. Two subpaths load less: `./link` (the link
 * client alone, no survey-core) and `./domain` (the closed sets alone, for the db schema).
 *
 * @module @yardstick/sdk
 */

// ---------------------------------------------------------------------------------------------
// Authoring: builders, blocks, templates, extension properties and form validation

export type { FormBuildErrorCode, FormBuildProblem } from './builders/form-build-error'
export { FORM_BUILD_ERROR_CODES, FormBuildError } from './builders/form-build-error'
export type {
  AppraisalAspect,
  AppraisalGrade,
  PeerAppraisalFormOptions,
} from './builders/peer-appraisal-form'
export {
  APPRAISAL_GRADES,
  DEFAULT_APPRAISAL_ASPECTS,
  peerAppraisalForm,
} from './builders/peer-appraisal-form'
export type { ProblemEntryItem } from './builders/problem-entry'
export {
  PROBLEM_ENTRY_ITEMS,
  problemEntry,
  problemEntryName,
  withProblemEntries,
} from './builders/problem-entry'
export type { QuizChoice, QuizFormOptions, QuizQuestion } from './builders/quiz-form'
export { quizForm } from './builders/quiz-form'
export type {
  SatisfactionAspect,
  SatisfactionChoice,
  SatisfactionFormOptions,
} from './builders/satisfaction-form'
export { SATISFACTION_SCALE, satisfactionForm } from './builders/satisfaction-form'
export type {
  ScorecardBonus,
  ScorecardDeduction,
  ScorecardDimension,
  ScorecardFormOptions,
  ScorecardIndicator,
  ScorecardVeto,
} from './builders/scorecard-form'
export { scorecardForm } from './builders/scorecard-form'
export type {
  SelfCheckDimension,
  SelfCheckFormOptions,
  SelfCheckItem,
  SelfCheckItemOptions,
} from './builders/self-check-form'
export { selfCheckForm, selfCheckItem } from './builders/self-check-form'
export { vetoChoices } from './builders/shared'
export { extensionProperties, registerExtensions } from './extensions'
export type { FormLimitCode, FormLimitIssue, FormLimitOptions, FormLimits } from './form-limits'
export {
  assertFormLimits,
  FORM_LIMITS,
  FormLimitError,
  formLimitIssue,
  formLimitMessage,
} from './form-limits'
export type { FormKind, ScoreKind } from './kinds'
export { DEFAULT_LOCALE, FORM_KINDS, SCORE_KINDS } from './kinds'
export type { CheckLogicOptions, LogicErrorCode, LogicIssue } from './logic/check-logic'
export { checkLogic, LOGIC_ERROR_CODES } from './logic/check-logic'
export { rulesReferring } from './logic/referring'
export type { Rule, RuleCondition, RuleOp, RuleValue } from './logic/rule'
export {
  parseRule,
  RULE_OP_NAMES,
  RULE_OPS,
  ruleParts,
  ruleToExpression,
  VALUELESS_OPS,
} from './logic/rule'
export type { LogicSite } from './logic/sites'
export { ELEMENT_LOGIC_PROPERTIES, listItemOf, logicSites, referencedNames } from './logic/sites'
export type { FormErrorCode, ResponseErrorCode } from './messages'
export { FORM_ERROR_CODES, formMessage, RESPONSE_ERROR_CODES, responseMessage } from './messages'
export type { TemplateId } from './templates/index'
export { scorecardTemplateIds, templates } from './templates/index'
export type { Locale } from './text'
export { LOCALES, localizedText } from './text'
export { formToText } from './text/form-to-text'
export type { NotCarriedCode, TextProblemCode } from './text/messages'
export {
  NOT_CARRIED_CODES,
  notCarriedMessage,
  TEXT_PROBLEM_CODES,
  textProblemMessage,
} from './text/messages'
export { parseFormText } from './text/parse-form-text'
export type { TextSyntax } from './text/syntax'
export { TEXT_SYNTAXES } from './text/syntax'
export type {
  FormTextResult,
  FormToTextOptions,
  FormToTextResult,
  NotCarried,
  ParseFormTextOptions,
  TextProblem,
} from './text/types'
export type {
  Answers,
  ChoiceJson,
  DimensionJson,
  ElementJson,
  FormJson,
  LocalizedText,
  PageJson,
  Problem,
  SatisfactionFigures,
  ScorePart,
  ScoreResult,
} from './types'
export type { FormIssue, FormValidation, ValidateFormOptions } from './validate-form'
export { validateForm } from './validate-form'

// ---------------------------------------------------------------------------------------------
// Scoring: a response's score, the composite evaluation and its policy check, summaries

export { drawQuestions, personalize } from './draw'
export { evaluate, evaluateSummaries, roundForDisplay, summarizeSourceTotals } from './evaluate'
export type { PolicyIssue, PolicyValidation } from './evaluate-policy'
export { validatePolicy } from './evaluate-policy'
export type {
  EvaluationMessage,
  EvaluationPolicy,
  EvaluationPolicyErrorCode,
  EvaluationSource,
  GradeBand,
  GradedUnitEvaluation,
  GradeQuota,
  IncompleteInfo,
  IncompleteReason,
  IncompleteUnitEvaluation,
  SourceResponse,
  SourceSummary,
  SourceTotals,
  UnitEvaluation,
  UnitInput,
  UnitSummaryInput,
} from './evaluate-types'
export {
  EVALUATION_POLICY_ERROR_CODES,
  EvaluationPolicyError,
  INCOMPLETE_REASONS,
} from './evaluate-types'
export { fromMicros, toMicros } from './micros'
export type { ScoringPlan } from './plan'
export { compileForm } from './plan'
export type { QuizReviewItem, QuizReviewOptions } from './quiz-review'
export { quizReview } from './quiz-review'
export type { ReasonedAnswer } from './reasons'
export {
  REASON_SUFFIX,
  reasonedAnswers,
  reasonKey,
  reasonQuestions,
  reasonsRequired,
} from './reasons'
export type { QuestionSatisfaction, SatisfactionSummary } from './satisfaction'
export { summarizeSatisfaction } from './satisfaction'
export type { ScoreOptions } from './score'
export { scoreResponse } from './score'
export type {
  ResponseIssue,
  ResponseValidation,
  ValidateResponseOptions,
} from './validate-response'
export { validateResponse } from './validate-response'
export type { VisibleAnswersOptions } from './visible-answers'
export { visibleAnswers } from './visible-answers'

// ---------------------------------------------------------------------------------------------
// Respondent link client (also alone, without survey-core, as `@yardstick/sdk/link`)

export {
  createLinkClient,
  type LinkClient,
  type LinkClientOptions,
  type SendOptions,
} from './link/client'
export { formatTime, LINK_TEXT, linkErrorText } from './link/messages'
export { newIdempotencyKey } from './link/pending'
export { isWellFormedToken, normalizeToken, TOKEN_FORMAT } from './link/token'
export type {
  LinkAnswerError,
  LinkError,
  LinkResult,
  LinkSubmitted,
  LinkTimeLimit,
  LinkView,
  LinkWaitReason,
  PendingResponse,
  PendingStorage,
} from './link/types'

// ---------------------------------------------------------------------------------------------
// Domain sets and labels (the sets also alone as `@yardstick/sdk/domain`)

export type {
  Cadence,
  DefaultSourceKey,
  SourceKey,
  SourceMeasure,
  SourceRespondent,
  UnitType,
} from './domain-sets'
export {
  bySourceOrder,
  CADENCES,
  DEFAULT_RESPONDENTS,
  respondentsOf,
  SOURCE_KEY_PATTERN,
  SOURCE_KEYS,
  SOURCE_MEASURES,
  SOURCE_RESPONDENTS,
  UNIT_TYPES,
} from './domain-sets'
export type { LabelledSourceKey, SourceLabelText } from './source-labels'
export {
  MEASURE_LABELS,
  measureLabel,
  SOURCE_LABELS,
  sourceLabel,
  sourceLabelOf,
} from './source-labels'
