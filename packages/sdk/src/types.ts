import type { FormKind, ScoreKind } from './kinds'

/** A localisable SurveyJS string: plain, or `{ default: '中文', en: 'English' }`. */
export type LocalizedText = string | { default?: string; [locale: string]: string | undefined }

/** A choice (SurveyJS item value) with Yardstick's scoring flags. */
export interface ChoiceJson {
  value: unknown
  text?: LocalizedText
  score?: number
  satisfied?: boolean
  problem?: boolean
  veto?: boolean
  [property: string]: unknown
}

/** A question or panel in SurveyJS JSON, with Yardstick's extension properties. */
export interface ElementJson {
  type: string
  name: string
  title?: LocalizedText
  description?: LocalizedText
  visibleIf?: string
  visible?: boolean
  isRequired?: boolean
  choices?: Array<ChoiceJson | string | number>
  rateValues?: Array<ChoiceJson | string | number>
  elements?: ElementJson[]
  dimension?: string
  maxScore?: number
  scoreKind?: ScoreKind
  points?: number
  correctAnswer?: unknown
  problemOf?: string
  drawCount?: number
  [property: string]: unknown
}

export interface PageJson {
  name?: string
  title?: LocalizedText
  description?: LocalizedText
  visibleIf?: string
  visible?: boolean
  elements?: ElementJson[]
  drawCount?: number
  [property: string]: unknown
}

/** A weighted group of questions: the four strengths, the five basics. */
export interface DimensionJson {
  name: string
  title?: LocalizedText
  weight?: number
}

/** A Yardstick form: SurveyJS JSON plus the declared extensions of docs/DESIGN.md §2. */
export interface FormJson {
  title?: LocalizedText
  description?: LocalizedText
  kind?: FormKind
  dimensions?: DimensionJson[]
  bonusCap?: number
  pages?: PageJson[]
  elements?: ElementJson[]
  [property: string]: unknown
}

/** Answers as SurveyJS `survey.data` holds them: question name → value. */
export type Answers = Record<string, unknown>

/** Score and maximum of a part of the form, with percent 0–100. */
export interface ScorePart {
  score: number
  maxScore: number
  percent: number
}

/** Satisfaction figures: rate 0–1 (satisfied / answered), index = mean choice score. */
export interface SatisfactionFigures {
  satisfied: number
  answered: number
  rate: number
  index: number
}

/** One entry of the problem list (问题清单) that a response opens. */
export interface Problem {
  question: string
  title: string
  answer: unknown
  note?: string
  /** The whole follow-up entry (description / measure / deadline) when one was answered. */
  details?: Record<string, unknown>
}

/** What `scoreResponse` returns for one response. */
export interface ScoreResult extends ScorePart {
  dimensions: Record<string, ScorePart>
  veto: boolean
  problems: Problem[]
  satisfaction?: SatisfactionFigures
  quiz?: { correct: number; drawn: number }
}
