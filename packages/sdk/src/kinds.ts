// The vocabulary of docs/DESIGN.md §2 as plain values, apart from their registration with SurveyJS
// (`extensions.ts`): an app that only lists kinds (a filter, a picker) loads no survey-core.

/** The form kinds Yardstick knows how to score. */
export const FORM_KINDS = ['selfCheck', 'satisfaction', 'scorecard', 'quiz', 'generic'] as const
export type FormKind = (typeof FORM_KINDS)[number]

/** How a question's score counts toward the total (docs/DESIGN.md §2). */
export const SCORE_KINDS = ['normal', 'bonus', 'deduction'] as const
export type ScoreKind = (typeof SCORE_KINDS)[number]

/** The locale of a localisable string's `default` text in Yardstick forms: Chinese first. */
export const DEFAULT_LOCALE = 'zh-cn'
