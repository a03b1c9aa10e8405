/**
 * The domain's closed sets alone, with the few pure rules over them (this module imports nothing).
 *
 * @module @yardstick/sdk/domain
 */
// The closed sets of Yardstick's domain, each `as const` with its derived union, in one module that
// imports nothing: the db schema, the server's API contract and the designer all read them from
// here (`@yardstick/sdk/domain` loads no survey-core). A value added here reaches every reader.

/**
 * The default evaluation sources of the four-step procedure, in its order: 自评 (`self`) → 党员群众测评
 * (`members`) → 上级考评 (`superior`). Lists of sources are shown in this order (`bySourceOrder`),
 * a campaign's own sources (e.g. a 述职评议 panel) after them.
 *
 * @example
 * const isDefault = (key: string) => (SOURCE_KEYS as readonly string[]).includes(key)
 */
export const SOURCE_KEYS = ['self', 'members', 'superior'] as const
/** One of the three default sources (`SOURCE_KEYS`); a campaign may add sources of its own. */
export type DefaultSourceKey = (typeof SOURCE_KEYS)[number]
/** A campaign source's key: a default (`SOURCE_KEYS`) or any slug of `SOURCE_KEY_PATTERN`. */
export type SourceKey = string

/**
 * What a source key looks like: a lower-case letter, then up to 31 letters or digits (`debriefing`,
 * `peerReview`). It names the source in URLs, exports and the results' columns.
 *
 * @example
 * SOURCE_KEY_PATTERN.test('debriefing') // true
 */
export const SOURCE_KEY_PATTERN = /^[a-z][a-zA-Z0-9]{0,31}$/

/**
 * Who answers a source, which decides how it is answered: `selfCheck` (the branch's self-check
 * workflow 草稿 → 审议 → 通报 → 上报; one such source a campaign), `members` (anyone with the link, or
 * a one-time token when anonymous), `assessors` (signed-in users with an assessor role reaching
 * the unit) or `panel` (named people, signed in, each rating every unit once: 述职评议).
 *
 * @example
 * const needsSignIn = (by: SourceRespondent) => by === 'assessors' || by === 'panel'
 */
export const SOURCE_RESPONDENTS = ['selfCheck', 'members', 'assessors', 'panel'] as const
export type SourceRespondent = (typeof SOURCE_RESPONDENTS)[number]

/**
 * Who answers each default source when a campaign does not say: 自评 the self-check, 党员群众测评
 * the members, 上级考评 the assessors.
 *
 * @example
 * DEFAULT_RESPONDENTS.superior // 'assessors'
 */
export const DEFAULT_RESPONDENTS = {
  self: 'selfCheck',
  members: 'members',
  superior: 'assessors',
} as const satisfies Record<DefaultSourceKey, SourceRespondent>

/**
 * Who answers a source: the one given, else its default key's, else `members`.
 *
 * @example
 * respondentsOf({ key: 'superior' }) // 'assessors'
 * respondentsOf({ key: 'debriefing', answeredBy: 'panel' }) // 'panel'
 */
export function respondentsOf(source: {
  key: string
  answeredBy?: SourceRespondent | null
}): SourceRespondent {
  if (source.answeredBy) return source.answeredBy
  return Object.hasOwn(DEFAULT_RESPONDENTS, source.key)
    ? DEFAULT_RESPONDENTS[source.key as DefaultSourceKey]
    : 'members'
}

/**
 * Sorts sources for display and for `evaluate` (whose first failing source is a unit's reason):
 * the defaults in the procedure's order, then the campaign's own by key.
 *
 * @example
 * [...rows].sort(bySourceOrder) // self, members, superior, debriefing
 */
export function bySourceOrder(a: { key: string }, b: { key: string }): number {
  const rank = (key: string) => {
    const index = (SOURCE_KEYS as readonly string[]).indexOf(key)
    return index < 0 ? SOURCE_KEYS.length : index
  }
  return rank(a.key) - rank(b.key) || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)
}

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
