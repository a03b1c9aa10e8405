import type { FormJson, FormKind } from '@yardstick/sdk'
import type { RectificationStatus } from './branch'

/** A role grant of the signed-in user on an organisation (its path `/1/4/`). */
export interface Grant {
  role: string
  orgId: number
  path: string
}

/** The signed-in user (`GET /api/me`). */
export interface User {
  id: number
  email: string
  name: string
  grants: Grant[]
}

/** `POST /api/auth/login`. */
export interface LoginResult {
  token: string
  expiresAt: string
  user: User
}

/** One page of a list. */
export interface Page<T> {
  items: T[]
  total: number
  nextOffset: number | null
  nextCursor: string | null
}

/** A form as lists show it. */
export interface FormSummary {
  id: number
  title: string
  kind: FormKind
  orgId: number
  archived: boolean
  createdAt: string
  updatedAt: string
  latestVersion: number | null
  /** Unresolved review threads (lists only). */
  openThreads?: number
}

/** `GET /api/forms/:id`. */
export interface FormDetail extends FormSummary {
  json: FormJson
  unpublishedChanges: boolean
}

/** A published version as the history lists it. */
export interface VersionSummary {
  id: number
  version: number
  hash: string
  author: { id: number; name: string } | null
  note: string
  createdAt: string
}

/** `GET /api/forms/:id/versions/:version`. */
export interface Version extends VersionSummary {
  formId: number
  json: FormJson
}

/** `POST /api/forms/:id/publish`. */
export interface Published {
  id: number
  version: number
  hash: string
}

/** A campaign as lists show it. */
export interface CampaignSummary {
  id: number
  orgId: number
  name: string
  cadence: 'monthly' | 'quarterly' | 'yearly'
  opensAt: string
  closesAt: string
  status: 'draft' | 'open' | 'closed'
  accepting: boolean
  unitCount: number
  /** Respondents are shown their score after submitting. */
  showScore: boolean
}

/** One unit's result (`GET /api/campaigns/:id/results`). */
export interface UnitResult {
  unitId: number
  name: string
  unitType: string | null
  parentId: number | null
  sources: Record<string, { value: number | null; n: number }>
  composite: number | null
  grade: string | null
  stars: number | null
  rank: number | null
  demoted: boolean
  vetoed: boolean
  incomplete: {
    reason: string
    source: string | null
    message: { 'zh-CN': string; en: string }
  } | null
}

/** `GET /api/campaigns/:id/results`. */
export interface CampaignResults {
  total: number
  limit: number
  offset: number
  units: UnitResult[]
  distribution: Array<{ grade: string; count: number; share: number }>
  participation: {
    units: number
    graded: number
    incomplete: number
    bySource: Record<string, { responses: number; unitsWithResponses: number }>
  }
  /** Whether the reader may export the raw responses (office roles, never a secretary only). */
  canExportResponses: boolean
}

/** `GET /api/forms/:id/versions/:a/diff/:b`. */
export interface VersionDiff {
  added: Array<{ name: string; type: string; title: string }>
  removed: Array<{ name: string; type: string; title: string }>
  changed: Array<{
    name: string
    /** A localised text changes per language: `locale` says which (`default` is zh-CN). */
    changes: Array<{ property: string; locale?: string; before: unknown; after: unknown }>
  }>
  form: Array<{ property: string; locale?: string; before: unknown; after: unknown }>
}

/** An evaluation source of a campaign (`GET /api/campaigns/:id`). */
export interface CampaignSource {
  key: 'self' | 'members' | 'superior'
  formVersion: number
  /** The form the version belongs to, and the version's number in it. */
  formId: number
  version: number
  weight: number
  required: boolean
  minResponses: number | null
  measure: 'percent' | 'satisfactionRate' | null
  anonymous: boolean
}

/** `GET /api/campaigns/:id`. */
export interface CampaignDetail extends CampaignSummary {
  bands: Array<{ min: number; grade: string; stars?: number }>
  quota: { grade: string; maxShare: number } | null
  allowedOrigins: string[]
  /** A quiz's time limit per respondent in minutes; null: none. */
  timeLimitMinutes: number | null
  sources: CampaignSource[]
  createdAt: string
}

/** The body of `POST /api/campaigns`. */
export interface NewCampaign {
  name: string
  cadence: CampaignSummary['cadence']
  opensAt: string
  closesAt: string
  /** Every branch of a subtree, or exactly the listed branches. */
  units: { subtree: number } | { ids: number[] }
  /** The office running it (default: the subtree, or the branches' common ancestor). */
  orgId?: number
  sources: Array<{
    key: CampaignSource['key']
    formVersion: number
    weight: number
    required?: boolean
    minResponses?: number
    measure?: 'percent' | 'satisfactionRate'
    anonymous?: boolean
  }>
  bands: Array<{ min: number; grade: string; stars?: number }>
  quota?: { grade: string; maxShare: number }
  /** Show respondents their score after submitting (server default: false). */
  showScore?: boolean
}

/** One respondent link (`GET /api/campaigns/:id/links`). */
export interface CampaignLink {
  slug: string
  unitId: number
  unitName: string
  source: CampaignSource['key']
  anonymous: boolean
  path: string
}

/** `POST /api/campaigns/:id/tokens` (JSON). */
export interface IssuedTokens {
  tokens: string[]
  unitId: number
  source: CampaignSource['key']
  slug: string
}

/** An organisation of the tree (`GET /api/orgs`). */
export interface OrgNode {
  id: number
  kind: 'committee' | 'subcommittee' | 'branch'
  name: string
  unitType?: string | null
  children?: OrgNode[]
}

/** `GET /api/campaigns/:id/results/questions`. */
export interface QuestionResults {
  source: string
  formVersionId: number
  responses: number
  overall: { satisfied: number; answered: number; rate: number; index: number } | null
  questions: Array<{
    name: string
    title: string
    type: string
    answered: number
    counts: Record<string, number>
    shares: Record<string, number>
    mean: number | null
    satisfactionRate: number | null
    choiceTexts: Record<string, { 'zh-CN': string; en: string }>
  }>
}

/** A rectification of a branch's problem, with whether it is overdue. */
export interface Rectification {
  id: number
  question: string
  title: string
  note: string | null
  measure: string | null
  owner: string | null
  deadline: string | null
  status: RectificationStatus
  overdue: boolean
}

/** `GET /api/campaigns/:id/results/units/:unitId`. */
export interface UnitDetail {
  campaignId: number
  campaignName: string
  unit: UnitResult
  sources: Array<{
    key: CampaignSource['key']
    weight: number
    required: boolean
    minResponses: number | null
    measure: 'percent' | 'satisfactionRate'
    value: number | null
    n: number
  }>
  selfCheck: {
    status: 'draft' | 'approved' | 'announced' | 'submitted'
    approvedOn: string | null
    announcedAt: string | null
    submittedAt: string | null
    problems: Array<{ question: string; title: string; answer: unknown; note?: string }>
  } | null
  rectifications: Rectification[]
  /**
   * Each assessor's scorecard (上级考评), oldest first, with its deductions and vetoes; null when
   * the campaign has no source assessors answer.
   */
  scorecards: UnitScorecard[] | null
}

/** One assessor's scorecard of a branch, as its detail shows it. */
export interface UnitScorecard {
  id: number
  /** The assessor; null for an anonymous source. */
  respondent: string | null
  createdAt: string
  percent: number
  veto: boolean
  items: Array<{
    question: string
    title: { 'zh-CN': string; en: string }
    /** Points taken off; 0 for a veto. */
    deducted: number
    veto: boolean
    reason: string | null
  }>
}

/** `GET /api/assessments`: an assessor's open campaigns with progress, and a page of branches. */
export interface AssessmentList extends Page<AssessmentItem> {
  campaigns: Array<{
    id: number
    name: string
    opensAt: string
    closesAt: string
    accepting: boolean
    total: number
    scoredByMe: number
    scoredByAnyone: number
  }>
}

/** One branch an assessor scores in one campaign. */
export interface AssessmentItem {
  campaignId: number
  campaignName: string
  unitId: number
  unitName: string
  unitType: string | null
  parentName: string | null
  slug: string
  /** The scorecard page, `/s/<slug>` (served by the server). */
  url: string
  scoredByMe: boolean
  myLastScoredAt: string | null
  responses: number
}
