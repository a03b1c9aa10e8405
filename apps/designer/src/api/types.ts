import type { FormJson, FormKind } from '@yardstick/sdk'

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
}

/** `GET /api/forms/:id/versions/:a/diff/:b`. */
export interface VersionDiff {
  added: Array<{ name: string; type: string; title: string }>
  removed: Array<{ name: string; type: string; title: string }>
  changed: Array<{
    name: string
    changes: Array<{ property: string; before: unknown; after: unknown }>
  }>
  form: Array<{ property: string; before: unknown; after: unknown }>
}
