import type {
  Rectification,
  RectificationList,
  RectificationStatus,
  SelfCheck,
  SelfCheckProblem,
  SelfCheckStatus,
  SelfCheckToDo,
} from '@yardstick/contract'

// The self-check workflow's shapes are the server's contract (type-only: erased from the bundle).
export type {
  Rectification,
  RectificationList,
  RectificationStatus,
  SelfCheck,
  SelfCheckProblem,
  SelfCheckStatus,
  SelfCheckToDo,
}

/** `/api/campaigns/:id/self-checks/:unitId`, the base of the workflow's routes. */
export const selfCheckPath = (campaignId: number, unitId: number) =>
  `/api/campaigns/${campaignId}/self-checks/${unitId}`
