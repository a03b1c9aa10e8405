import type { SourceInput } from '@yardstick/contract'
import { type Db, type SourceRespondent, schema } from '@yardstick/db'
import { respondentsOf } from '@yardstick/sdk'
import { and, eq, inArray, ne } from 'drizzle-orm'
import { invalid } from './units'

/**
 * Why a campaign's list of sources is refused (`details.sourceError` of a 400 `invalidBody`, at
 * the field path of the first problem): the designer words each.
 */
export const SOURCE_ERRORS = {
  /** Two sources answered through the self-check workflow (a branch has one self-check). */
  twoSelfChecks: 'twoSelfChecks',
  /** A `panel` source without people. */
  panelMissing: 'panelMissing',
  /** `panel` people on a source not answered by a panel. */
  panelUnexpected: 'panelUnexpected',
  /** A panel names someone twice. */
  panelDuplicate: 'panelDuplicate',
  /** A panel names a user who does not exist or is deactivated. */
  panelUserUnknown: 'panelUserUnknown',
  /** A panel source that is anonymous: its people answer signed in. */
  panelAnonymous: 'panelAnonymous',
} as const
export type SourceError = keyof typeof SOURCE_ERRORS

/** A source as the server stores it: who answers decided once (the default for its key). */
export type ResolvedSource = SourceInput & { answeredBy: SourceRespondent }

/**
 * Each source with who answers it (`respondentsOf`: given, else its default key's, else members),
 * after the checks that need no database: one self-check source at most, and `panel` people on
 * panel sources only, each named once, on a source that is not anonymous. Duplicate keys are the
 * SDK policy check's (`duplicateSourceKey`). Throws 400 `invalidBody` with `sourceError`.
 *
 * @param indexOf the request index of the source at a position (default: the position)
 * @example
 * resolveSources([{ key: 'debriefing', answeredBy: 'panel', panel: [4, 5], formVersion: 9, weight: 1 }])
 */
export function resolveSources(
  sources: readonly SourceInput[],
  indexOf: (position: number) => number = (position) => position,
): ResolvedSource[] {
  const resolved = sources.map((source) => ({ ...source, answeredBy: respondentsOf(source) }))
  const selfChecks = resolved.flatMap((s, i) => (s.answeredBy === 'selfCheck' ? [i] : []))
  if (selfChecks.length > 1) {
    refuse(
      `sources.${indexOf(selfChecks[1] ?? 0)}.answeredBy`,
      'twoSelfChecks',
      'Only one source can be the self-check',
    )
  }
  resolved.forEach((source, position) => {
    const i = indexOf(position)
    const panel = source.panel ?? []
    if (source.answeredBy !== 'panel') {
      if (panel.length > 0) {
        refuse(`sources.${i}.panel`, 'panelUnexpected', 'Only a panel source names people')
      }
      return
    }
    if (panel.length === 0) {
      refuse(`sources.${i}.panel`, 'panelMissing', 'A panel source names at least one person')
    }
    if (source.anonymous) {
      refuse(
        `sources.${i}.anonymous`,
        'panelAnonymous',
        'A panel answers signed in, not anonymously',
      )
    }
    const twice = panel.findIndex((id, at) => panel.indexOf(id) !== at)
    if (twice >= 0) {
      refuse(`sources.${i}.panel.${twice}`, 'panelDuplicate', `User ${panel[twice]} is named twice`)
    }
  })
  return resolved
}

/**
 * 400 `panelUserUnknown` at `sources.<i>.panel.<j>` for the first panel member who is not an
 * existing, active user.
 *
 * @param indexOf the request index of the source at a position (default: the position)
 * @example
 * await assertPanelUsers(db, resolveSources(body.sources))
 */
export async function assertPanelUsers(
  db: Pick<Db, 'select'>,
  sources: readonly ResolvedSource[],
  indexOf: (position: number) => number = (position) => position,
): Promise<void> {
  const ids = [...new Set(sources.flatMap((source) => source.panel ?? []))]
  if (ids.length === 0) return
  const { users } = schema
  const rows = await db
    .select({ id: users.id, deactivatedAt: users.deactivatedAt })
    .from(users)
    .where(inArray(users.id, ids))
  const active = new Set(rows.filter((row) => row.deactivatedAt === null).map((row) => row.id))
  sources.forEach((source, position) => {
    const i = indexOf(position)
    const at = (source.panel ?? []).findIndex((id) => !active.has(id))
    if (at >= 0) {
      const id = source.panel?.[at]
      refuse(`sources.${i}.panel.${at}`, 'panelUserUnknown', `No active user ${id}`, { userId: id })
    }
  })
}

/**
 * The `campaign_source_panel` rows of a campaign's sources.
 *
 * @example
 * panelRows(7, [{ key: 'debriefing', panel: [4, 5], … }]) // [{ campaignId: 7, sourceKey: 'debriefing', userId: 4 }, …]
 */
export function panelRows(
  campaignId: number,
  sources: ReadonlyArray<Pick<ResolvedSource, 'key' | 'panel'>>,
) {
  return sources.flatMap((source) =>
    (source.panel ?? []).map((userId) => ({ campaignId, sourceKey: source.key, userId })),
  )
}

/**
 * The `campaign_sources` row of one source (absent options at their defaults), the one mapping
 * creating a campaign and adding a source to it share.
 *
 * @example
 * await tx.insert(schema.campaignSources).values(sources.map((s) => sourceRow(campaignId, s)))
 */
export function sourceRow(
  campaignId: number,
  source: ResolvedSource,
): typeof schema.campaignSources.$inferInsert {
  return {
    campaignId,
    key: source.key,
    answeredBy: source.answeredBy,
    label: source.label ?? null,
    formVersionId: source.formVersion,
    weight: source.weight,
    required: source.required ?? false,
    minResponses: source.minResponses ?? null,
    measure: source.measure ?? null,
    anonymous: source.anonymous ?? false,
  }
}

/**
 * Whether a user is named on a campaign source's panel.
 *
 * @example
 * await isPanelMember(db, { campaignId: 7, sourceKey: 'debriefing' }, user.id) // true
 */
export async function isPanelMember(
  db: Pick<Db, 'select'>,
  { campaignId, sourceKey }: { campaignId: number; sourceKey: string },
  userId: number,
): Promise<boolean> {
  const p = schema.campaignSourcePanel
  const [row] = await db
    .select({ userId: p.userId })
    .from(p)
    .where(and(eq(p.campaignId, campaignId), eq(p.sourceKey, sourceKey), eq(p.userId, userId)))
  return row !== undefined
}

/**
 * Whether a user sits on a panel of a campaign not yet closed (their way in to `/assess`, which
 * they may have without any role).
 *
 * @example
 * await sitsOnOpenPanel(db, 12) // true
 */
export async function sitsOnOpenPanel(db: Pick<Db, 'select'>, userId: number): Promise<boolean> {
  const p = schema.campaignSourcePanel
  const [row] = await db
    .select({ userId: p.userId })
    .from(p)
    .innerJoin(schema.campaigns, eq(schema.campaigns.id, p.campaignId))
    .where(and(eq(p.userId, userId), ne(schema.campaigns.status, 'closed')))
    .limit(1)
  return row !== undefined
}

function refuse(
  path: string,
  sourceError: SourceError,
  message: string,
  extra: Record<string, unknown> = {},
): never {
  throw invalid(path, message, { sourceError, ...extra })
}

/**
 * The people of each panel source of a campaign, by source key (ordered by user id).
 *
 * @example
 * (await loadPanels(db, 7)).get('debriefing') // [4, 5]
 */
export async function loadPanels(db: Pick<Db, 'select'>, campaignId: number) {
  const p = schema.campaignSourcePanel
  const rows = await db
    .select({ sourceKey: p.sourceKey, userId: p.userId })
    .from(p)
    .where(eq(p.campaignId, campaignId))
    .orderBy(p.userId)
  const panels = new Map<string, number[]>()
  for (const row of rows)
    panels.set(row.sourceKey, [...(panels.get(row.sourceKey) ?? []), row.userId])
  return panels
}
