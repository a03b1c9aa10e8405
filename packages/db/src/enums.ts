/** Closed sets of the data model, each `as const` with a derived union (STYLE.md). */

export const ORG_KINDS = ['committee', 'subcommittee', 'branch'] as const
export type OrgKind = (typeof ORG_KINDS)[number]

/** Roles are granted on an organisation and reach its whole subtree. */
export const ROLES = ['admin', 'editor', 'reviewer', 'secretary', 'assessor'] as const
export type Role = (typeof ROLES)[number]

/** 支部类型: the branch types the source material names (8 in one province). */
export const UNIT_TYPES = [
  'organ',
  'enterprise',
  'publicInstitution',
  'school',
  'hospital',
  'research',
  'socialOrganization',
  'retired',
] as const
export type UnitType = (typeof UNIT_TYPES)[number]

/** 月度点评 / 季度考核 / 年度述职. */
export const CADENCES = ['monthly', 'quarterly', 'yearly'] as const
export type Cadence = (typeof CADENCES)[number]

export const CAMPAIGN_STATUSES = ['draft', 'open', 'closed'] as const
export type CampaignStatus = (typeof CAMPAIGN_STATUSES)[number]

/** 自评 / 党员群众测评 / 上级考评. */
export const SOURCE_KEYS = ['self', 'members', 'superior'] as const
export type SourceKey = (typeof SOURCE_KEYS)[number]

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
