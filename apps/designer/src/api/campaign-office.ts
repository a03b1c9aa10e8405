import type { CampaignSource } from './types'

/** The body of `PATCH /api/campaigns/:id`: only what changes. */
export interface CampaignSettingsChange {
  name?: string
  opensAt?: string
  closesAt?: string
  allowedOrigins?: string[]
  showScore?: boolean
  timeLimitMinutes?: number | null
  sources?: Array<{ key: CampaignSource['key']; formVersion?: number; weight?: number }>
}

/** Where a source's expected count comes from (`GET /api/campaigns/:id/participation`). */
export type ExpectedBasis = 'selfCheck' | 'tokens' | 'minResponses' | 'one' | 'none'

/** How far a branch is with a source. */
export type ParticipationStatus = 'none' | 'partial' | 'complete'

/** One branch's participation in one source. */
export interface SourceParticipation {
  answered: number
  /** null: no target (any answer completes it). */
  expected: number | null
  basis: ExpectedBasis
  status: ParticipationStatus
  tokensIssued: number
  tokensUsed: number
  /** 自评 only: the self-check's step, null before it is begun. */
  selfCheck?: 'draft' | 'approved' | 'announced' | 'submitted' | null
  /** What to paste in a reminder. */
  url: string
}

/** One branch's participation. */
export interface UnitParticipation {
  unitId: number
  name: string
  unitType: string | null
  parentId: number | null
  parentName: string | null
  sources: Partial<Record<CampaignSource['key'], SourceParticipation>>
  pending: Array<CampaignSource['key']>
}

/** `GET /api/campaigns/:id/participation`. */
export interface Participation {
  summary: Array<{
    source: CampaignSource['key']
    units: number
    complete: number
    partial: number
    none: number
    answered: number
    expected: number
  }>
  items: UnitParticipation[]
  total: number
  nextOffset: number | null
}
