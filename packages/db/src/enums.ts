/**
 * Closed sets of the data model, each `as const` with a derived union. The sets the API and the
 * designer share with the SDK (sources, cadences, branch types) live in `@yardstick/sdk/domain`
 * and are re-exported here for the schema's columns and this package's importers.
 */
export type {
  Cadence,
  SourceKey,
  SourceMeasure,
  SourceRespondent,
  UnitType,
} from '@yardstick/sdk/domain'
export { CADENCES, SOURCE_KEYS, SOURCE_RESPONDENTS, UNIT_TYPES } from '@yardstick/sdk/domain'

export const ORG_KINDS = ['committee', 'subcommittee', 'branch'] as const
export type OrgKind = (typeof ORG_KINDS)[number]

/** Roles are granted on an organisation and reach its whole subtree. */
export const ROLES = ['admin', 'editor', 'reviewer', 'secretary', 'assessor'] as const
export type Role = (typeof ROLES)[number]

export const CAMPAIGN_STATUSES = ['draft', 'open', 'closed'] as const
export type CampaignStatus = (typeof CAMPAIGN_STATUSES)[number]

/** 草稿 → 支委会审议通过 → 通报 → 上报; only a submitted self-check counts. */
export const SELF_CHECK_STATUSES = ['draft', 'approved', 'announced', 'submitted'] as const
export type SelfCheckStatus = (typeof SELF_CHECK_STATUSES)[number]

/**
 * 整改: open → inProgress → fixed (the branch says it is done) → accepted (销号 by the superior),
 * or returned (退回, with a reason) and worked on again.
 */
export const RECTIFICATION_STATUSES = [
  'open',
  'inProgress',
  'fixed',
  'accepted',
  'returned',
] as const
export type RectificationStatus = (typeof RECTIFICATION_STATUSES)[number]

/**
 * Where a rectification comes from: a self-check's problem list, an assessor's deduction with its
 * reason, or the 转化 plan of a unit graded lowest (后进党支部“转化工程”).
 */
export const RECTIFICATION_ORIGINS = ['selfCheck', 'deduction', 'transformation'] as const
export type RectificationOrigin = (typeof RECTIFICATION_ORIGINS)[number]
