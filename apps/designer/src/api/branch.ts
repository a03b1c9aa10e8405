import type { FormJson } from '@yardstick/sdk'

/** A self-check's place in 草稿 → 审议通过 → 通报 → 上报. */
export type SelfCheckStatus = 'draft' | 'approved' | 'announced' | 'submitted'

/** One problem (问题清单 entry) of a self-check, live from its answers. */
export interface SelfCheckProblem {
  question: string
  title: string
  answer: unknown
  note?: string
  details?: Record<string, unknown>
}

/** A branch's self-check (`GET /api/campaigns/:id/self-checks/:unitId`). */
export interface SelfCheck {
  id: number
  campaignId: number
  unitId: number
  unitName: string
  status: SelfCheckStatus
  answers: Record<string, unknown>
  approvedOn: string | null
  announcedAt: string | null
  submittedAt: string | null
  responseId: number | null
  updatedAt: string
  problems: SelfCheckProblem[]
  score: { percent?: number; score?: number; maxScore?: number } & Record<string, unknown>
  pending: string[]
  formVersionId: number
  form: FormJson
}

/** A rectification (整改) created from a submitted self-check's problem. */
export interface Rectification {
  id: number
  campaignId: number
  unitId: number
  unitName: string
  question: string
  title: string
  note: string | null
  measure: string | null
  owner: string | null
  deadline: string | null
  status: 'open' | 'inProgress' | 'fixed'
  overdue: boolean
  createdAt: string
  updatedAt: string
}

/** `/api/campaigns/:id/self-checks/:unitId`, the base of the workflow's routes. */
export const selfCheckPath = (campaignId: number, unitId: number) =>
  `/api/campaigns/${campaignId}/self-checks/${unitId}`
