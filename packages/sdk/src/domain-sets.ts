/**
 * The domain's closed sets alone (this module imports nothing).
 *
 * @module @yardstick/sdk/domain
 */
// The closed sets of Yardstick's domain, each `as const` with its derived union, in one module that
// imports nothing: the db schema, the server's API contract and the designer all read them from
// here (`@yardstick/sdk/domain` loads no survey-core). A value added here reaches every reader.

/**
 * The evaluation sources of the four-step procedure, in its order: 自评 (`self`) → 党员群众测评
 * (`members`) → 上级考评 (`superior`). Lists of sources are shown and sorted in this order.
 *
 * @example
 * const order = [...rows].sort((a, b) => SOURCE_KEYS.indexOf(a.key) - SOURCE_KEYS.indexOf(b.key))
 */
export const SOURCE_KEYS = ['self', 'members', 'superior'] as const
export type SourceKey = (typeof SOURCE_KEYS)[number]

/**
 * How often a campaign runs: 月度点评 (`monthly`) / 季度考核 (`quarterly`) / 年度述职 (`yearly`).
 *
 * @example
 * const options = CADENCES.map((cadence) => ({ value: cadence, label: t(`cadence.${cadence}`) }))
 */
export const CADENCES = ['monthly', 'quarterly', 'yearly'] as const
export type Cadence = (typeof CADENCES)[number]

/**
 * 支部类型: the branch types the source material names (8 in one province).
 *
 * @example
 * const isSchool = (type: UnitType | null) => type === 'school'
 */
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

/**
 * How a source's responses become one value: `percent` (mean of `percent`) or `satisfactionRate`
 * (pooled satisfied / answered × 100). An object rather than a tuple so callers can name a member
 * (`SOURCE_MEASURES.satisfactionRate`); `z.enum(SOURCE_MEASURES)` accepts it as it is.
 *
 * @example
 * const measure: SourceMeasure = SOURCE_MEASURES.satisfactionRate
 */
export const SOURCE_MEASURES = { percent: 'percent', satisfactionRate: 'satisfactionRate' } as const
export type SourceMeasure = keyof typeof SOURCE_MEASURES
