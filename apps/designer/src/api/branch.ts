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

/** 整改: open → inProgress → fixed (the branch) → accepted (销号) or returned (退回, by the office above). */
export type RectificationStatus = 'open' | 'inProgress' | 'fixed' | 'accepted' | 'returned'

/** A rectification (整改) created from a submitted self-check's problem (`GET /api/rectifications/:id`). */
export interface Rectification {
  id: number
  campaignId: number
  campaignName: string
  unitId: number
  unitName: string
  question: string
  title: string
  note: string | null
  measure: string | null
  owner: string | null
  deadline: string | null
  status: RectificationStatus
  progress: string | null
  evidence: string | null
  /** The superior's reason for returning it, or its note on accepting. */
  reviewNote: string | null
  reviewedAt: string | null
  reviewer: { id: number; name: string } | null
  overdue: boolean
  /** What the signed-in user may do with it now (the server decides). */
  can: { update: boolean; review: boolean }
  createdAt: string
  updatedAt: string
}

/** `GET /api/rectifications` and `GET /api/campaigns/:id/rectifications`. */
export interface RectificationList {
  items: Rectification[]
  total: number
  nextOffset: number | null
  nextCursor: string | null
  /** Over the same scope, before the status and overdue filters. */
  counts: { byStatus: Record<RectificationStatus, number>; overdue: number }
}

/** One self-check a branch has to do (`GET /api/self-checks`). */
export interface SelfCheckToDo {
  campaignId: number
  campaignName: string
  opensAt: string
  closesAt: string
  accepting: boolean
  unitId: number
  unitName: string
  started: boolean
  status: SelfCheckStatus
  submittedAt: string | null
  updatedAt: string | null
  openRectifications: number
  overdueRectifications: number
}

/** `/api/campaigns/:id/self-checks/:unitId`, the base of the workflow's routes. */
export const selfCheckPath = (campaignId: number, unitId: number) =>
  `/api/campaigns/${campaignId}/self-checks/${unitId}`
