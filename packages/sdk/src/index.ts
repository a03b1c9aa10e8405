/**
 * @yardstick/sdk — define, validate and score assessment forms (self-check, satisfaction,
 * scorecard, quiz, peer appraisal) on SurveyJS, and compute the composite evaluation.
 * Importing it registers Yardstick's extension properties with SurveyJS (DESIGN.md §2).
 */

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
} from './builders/self-check-form'
export { selfCheckForm } from './builders/self-check-form'
export { drawQuestions, personalize } from './draw'
export { evaluate, evaluateSummaries, roundForDisplay, summarizeSourceTotals } from './evaluate'
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
  SourceMeasure,
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
  SOURCE_MEASURES,
} from './evaluate-types'
export { registerExtensions } from './extensions'
export type { FormKind, ScoreKind } from './kinds'
export { DEFAULT_LOCALE, FORM_KINDS, SCORE_KINDS } from './kinds'
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
export type { FormErrorCode, ResponseErrorCode } from './messages'
export { FORM_ERROR_CODES, formMessage, RESPONSE_ERROR_CODES, responseMessage } from './messages'
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
export type { LabelledSourceKey } from './source-labels'
export { MEASURE_LABELS, measureLabel, SOURCE_LABELS, sourceLabel } from './source-labels'
export type { TemplateId } from './templates/index'
export { templates } from './templates/index'
export type { Locale } from './text'
export { LOCALES, localizedText } from './text'
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
export type {
  ResponseIssue,
  ResponseValidation,
  ValidateResponseOptions,
} from './validate-response'
export { validateResponse } from './validate-response'
export type { VisibleAnswersOptions } from './visible-answers'
export { visibleAnswers } from './visible-answers'
