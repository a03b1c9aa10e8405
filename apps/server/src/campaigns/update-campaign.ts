import type { UpdateCampaignInput } from '@yardstick/contract'
import { type Db, type SourceKey, type SourceRespondent, schema } from '@yardstick/db'
import { respondentsOf, type SourceLabelText } from '@yardstick/sdk'
import { and, count, eq, sql } from 'drizzle-orm'
import { recordAudit } from '../audit/record'
import type { AuthUser } from '../auth/sessions'
import { AppError } from '../http/errors'
import { loadResultsCampaign } from '../results/campaign'
import { linkContexts } from '../submissions/link-context'
import type { CampaignRow } from './access'
import { assertPolicy, assertVersionsReadable } from './create-campaign'
import { assertKindsFit, namedVersions, sameForms, sourceFormRows } from './instrument-checks'
import {
  assertPanelUsers,
  loadPanels,
  panelRows,
  type ResolvedSource,
  resolveSources,
  sourceRow,
} from './source-rules'
import { type FormsByUnitType, sourceVersionIds } from './unit-form'
import { insertLinks } from './unit-links'
import { invalid } from './units'

/**
 * What of a source a request may change: its instruments, weight, label, who answers and panel,
 * or the source itself (`added`, `removed`). Only the label may change once responses exist.
 */
type SourceField =
  | 'formVersion'
  | 'formsByUnitType'
  | 'weight'
  | 'minResponses'
  | 'label'
  | 'answeredBy'
  | 'panel'
  | 'added'
  | 'removed'

/** What a source is, as far as a change can move it. */
interface SourceState {
  formVersion: number
  formsByUnitType: FormsByUnitType
  weight: number
  /** The fewest scorable responses a unit needs on it (null: no minimum). */
  minResponses: number | null
  answeredBy: SourceRespondent
  label: SourceLabelText | null
  panel: number[]
}

/** A source a request really changes (adds, removes, or moves one of its fields). */
interface SourceChange extends SourceState {
  index: number
  key: SourceKey
  fields: SourceField[]
  /** The source before the change (for the audit entry); null for an added source. */
  was: SourceState | null
  /** The whole source as created, for an added one. */
  added?: ResolvedSource
}

/**
 * Changes a campaign's settings after creation (the caller has checked the user manages it):
 * name, window, `allowedOrigins`, `showScore`, `timeLimitMinutes`, and its sources: added or
 * removed, their form versions (the default and per branch type), weights, minimum responses,
 * labels, who answers and panels. A closed campaign is refused (409 `campaignClosed`); a change
 * to a source other than its label once any response exists, or to the self-check's version once a branch
 * has begun its self-check, is refused (409 `responsesExist`, naming the fields). Everything is
 * checked before one transaction writes it all, with the campaign row locked and both rules
 * checked again inside it, and the `campaign.update` audit entry (the fields that change, before
 * and after) with it; the link caches see the change at once.
 *
 * A source moved to a form version the user may not read is 403 (`assertVersionsReadable`).
 *
 * @param user who changes it
 * @example
 * await updateCampaign(db, campaign, { allowedOrigins: ['https://portal.example.cn'] }, user)
 */
export async function updateCampaign(
  db: Db,
  campaign: CampaignRow,
  input: UpdateCampaignInput,
  user: AuthUser,
): Promise<void> {
  const actorId = user.id
  assertNotClosed(campaign.status)
  assertWindow(campaign, input)
  const changes = await sourceChanges(db, user, campaign.id, input.sources)

  await db.transaction(async (tx) => {
    const [locked] = await tx
      .select({ status: schema.campaigns.status })
      .from(schema.campaigns)
      .where(eq(schema.campaigns.id, campaign.id))
      .for('update')
    assertNotClosed(locked?.status ?? 'closed')
    if (changes.length > 0) await assertNoAnswers(tx, campaign.id, changes)
    const { sources: _, opensAt, closesAt, ...fields } = input
    const values = {
      ...fields,
      ...(opensAt === undefined ? {} : { opensAt: new Date(opensAt) }),
      ...(closesAt === undefined ? {} : { closesAt: new Date(closesAt) }),
    }
    if (Object.keys(values).length > 0) {
      await tx.update(schema.campaigns).set(values).where(eq(schema.campaigns.id, campaign.id))
    }
    for (const change of changes) await writeSourceChange(tx, campaign.id, change)
    const { before, after } = settingChanges(campaign, values, changes)
    if (Object.keys(after).length === 0) return
    await recordAudit(tx, {
      actorId,
      action: 'campaign.update',
      entity: 'campaign',
      entityId: campaign.id,
      orgPath: campaign.orgPath,
      before,
      after,
    })
  })
  linkContexts(db).invalidateCampaign(campaign.id)
}

const SETTINGS = [
  'name',
  'opensAt',
  'closesAt',
  'allowedOrigins',
  'showScore',
  'timeLimitMinutes',
] as const

/** The settings and sources a change really moves, as they were and as they become. */
function settingChanges(
  campaign: CampaignRow,
  values: Partial<Record<(typeof SETTINGS)[number], unknown>>,
  changes: SourceChange[],
) {
  const plain = (value: unknown) => (value instanceof Date ? value.toISOString() : value)
  const before: Record<string, unknown> = {}
  const after: Record<string, unknown> = {}
  for (const field of SETTINGS) {
    if (values[field] === undefined) continue
    const was = plain(campaign[field])
    const becomes = plain(values[field])
    if (JSON.stringify(was) === JSON.stringify(becomes)) continue
    before[field] = was
    after[field] = becomes
  }
  if (changes.length > 0) {
    before.sources = changes.map((change) => ({ key: change.key, ...(change.was ?? {}) }))
    after.sources = changes.map((change) =>
      change.fields.includes('removed')
        ? { key: change.key, removed: true }
        : {
            key: change.key,
            formVersion: change.formVersion,
            formsByUnitType: change.formsByUnitType,
            weight: change.weight,
            minResponses: change.minResponses,
            answeredBy: change.answeredBy,
            label: change.label,
            panel: change.panel,
          },
    )
  }
  return { before, after }
}

function assertNotClosed(status: CampaignRow['status']) {
  if (status === 'closed') {
    throw new AppError(
      'campaignClosed',
      'A closed campaign’s settings cannot change: reopen it first',
      { status },
    )
  }
}

function assertWindow(campaign: CampaignRow, input: UpdateCampaignInput) {
  if (input.opensAt === undefined && input.closesAt === undefined) return
  const opensAt = input.opensAt === undefined ? campaign.opensAt : new Date(input.opensAt)
  const closesAt = input.closesAt === undefined ? campaign.closesAt : new Date(input.closesAt)
  if (!(opensAt < closesAt)) {
    const path = input.closesAt === undefined ? 'opensAt' : 'closesAt'
    throw invalid(path, 'closesAt must be after opensAt', {
      opensAt: opensAt.toISOString(),
      closesAt: closesAt.toISOString(),
    })
  }
}

/** Writes one source's change: removes it with its links, adds it with its links, or updates it. */
async function writeSourceChange(
  tx: Pick<Db, 'delete' | 'insert' | 'update' | 'select' | 'execute'>,
  campaignId: number,
  change: SourceChange,
) {
  const { campaignSources: cs, campaignSourcePanel: panel, links, respondentTokens } = schema
  const ofSource = <T extends typeof links | typeof respondentTokens | typeof panel>(table: T) =>
    and(eq(table.campaignId, campaignId), eq(table.sourceKey, change.key))
  if (change.fields.includes('removed')) {
    // No response exists (`assertNoAnswers`): its links, tokens, instruments and panel go with it.
    await tx.delete(links).where(ofSource(links))
    await tx.delete(respondentTokens).where(ofSource(respondentTokens))
    await tx.delete(cs).where(and(eq(cs.campaignId, campaignId), eq(cs.key, change.key)))
    return
  }
  if (change.added) {
    const source = change.added
    await tx.insert(cs).values(sourceRow(campaignId, source))
    const units = await tx
      .select({ unitId: schema.campaignUnits.unitId })
      .from(schema.campaignUnits)
      .where(eq(schema.campaignUnits.campaignId, campaignId))
    await insertLinks(
      tx,
      campaignId,
      units.map(({ unitId }) => unitId),
      [source.key],
    )
  } else {
    await tx
      .update(cs)
      .set({
        formVersionId: change.formVersion,
        weight: change.weight,
        minResponses: change.minResponses,
        answeredBy: change.answeredBy,
        label: change.label,
      })
      .where(and(eq(cs.campaignId, campaignId), eq(cs.key, change.key)))
    await tx.delete(panel).where(ofSource(panel))
  }
  if (change.added || change.fields.includes('formsByUnitType')) {
    await replaceSourceForms(tx, campaignId, change)
  }
  const people = panelRows(campaignId, [{ key: change.key, panel: change.panel }])
  if (people.length > 0) await tx.insert(panel).values(people)
}

/** Replaces a source's per-type instruments (an empty record leaves one form for all). */
async function replaceSourceForms(
  tx: Pick<Db, 'delete' | 'insert'>,
  campaignId: number,
  change: SourceChange,
) {
  const { campaignSourceForms: csf } = schema
  await tx.delete(csf).where(and(eq(csf.campaignId, campaignId), eq(csf.sourceKey, change.key)))
  const rows = sourceFormRows(campaignId, [change])
  if (rows.length > 0) await tx.insert(csf).values(rows)
}

/** Fields only a new source sets (an existing one keeps what it was created with). */
const NEW_ONLY = ['required', 'measure', 'anonymous'] as const

type RequestedChange = NonNullable<UpdateCampaignInput['sources']>[number]

/**
 * The sources a request really changes, after checking each names a source once, each version
 * exists, each new one is readable by the user, each per-type one is of its default's kind, the
 * resulting list of sources keeps the rules (`resolveSources`: one self-check, panels on panel
 * sources only; `assertPanelUsers`), and the SDK can evaluate the rules it leaves. Problems are
 * 400 at the request's own `sources.<i>`.
 */
async function sourceChanges(
  db: Db,
  user: AuthUser,
  campaignId: number,
  requested: UpdateCampaignInput['sources'],
): Promise<SourceChange[]> {
  if (!requested) return []
  const [{ policy, sources }, panels] = await Promise.all([
    loadResultsCampaign(db, campaignId),
    loadPanels(db, campaignId),
  ])
  const stateOf = (key: string): SourceState | null => {
    const current = sources.find((source) => source.key === key)
    const rule = policy.sources.find((source) => source.key === key)
    if (!current || !rule) return null
    return {
      formVersion: current.formVersionId,
      formsByUnitType: current.formsByUnitType,
      weight: rule.weight,
      minResponses: rule.minResponses ?? null,
      answeredBy: current.answeredBy,
      label: current.label,
      panel: panels.get(key) ?? [],
    }
  }
  const seen = new Set<string>()
  const changes: SourceChange[] = []
  requested.forEach((change, index) => {
    const at = `sources.${index}`
    if (seen.has(change.key)) throw invalid(`${at}.key`, `Source ${change.key} is named twice`)
    seen.add(change.key)
    const was = stateOf(change.key)
    if (!was) {
      changes.push(addedSource(change, index))
      return
    }
    if (change.remove) {
      changes.push({ index, key: change.key, ...was, fields: ['removed'], was })
      return
    }
    for (const field of NEW_ONLY) {
      if (change[field] !== undefined) {
        throw invalid(
          `${at}.${field}`,
          `Only a new source sets ${field}; ${change.key} keeps its own`,
        )
      }
    }
    const next: SourceState = {
      formVersion: change.formVersion ?? was.formVersion,
      formsByUnitType: change.formsByUnitType ?? was.formsByUnitType,
      weight: change.weight ?? was.weight,
      minResponses: change.minResponses === undefined ? was.minResponses : change.minResponses,
      answeredBy: change.answeredBy ?? was.answeredBy,
      label: change.label === undefined ? was.label : change.label,
      panel: change.panel ?? was.panel,
    }
    const fields: SourceField[] = [
      ...(next.formVersion === was.formVersion ? [] : (['formVersion'] as const)),
      ...(sameForms(next.formsByUnitType, was.formsByUnitType)
        ? []
        : (['formsByUnitType'] as const)),
      ...(next.weight === was.weight ? [] : (['weight'] as const)),
      ...(next.minResponses === was.minResponses ? [] : (['minResponses'] as const)),
      ...(sameJson(next.label, was.label) ? [] : (['label'] as const)),
      ...(next.answeredBy === was.answeredBy ? [] : (['answeredBy'] as const)),
      ...(sameJson([...next.panel].sort(), [...was.panel].sort()) ? [] : (['panel'] as const)),
    ]
    if (fields.length > 0) changes.push({ index, key: change.key, ...next, fields, was })
  })
  if (changes.length === 0) return []

  // The list of sources the campaign would have, the requested ones first in the request's
  // order, so each problem's `sources.<i>` is the client's own index.
  const changed = new Map(changes.map((change) => [change.key, change]))
  const inputOf = (key: string, state: SourceState) => {
    const rule = policy.sources.find((source) => source.key === key)
    const current = sources.find((source) => source.key === key)
    return {
      key,
      formVersion: state.formVersion,
      formsByUnitType: state.formsByUnitType,
      weight: state.weight,
      answeredBy: state.answeredBy,
      panel: state.panel,
      required: rule?.required,
      minResponses: state.minResponses ?? undefined,
      measure: rule?.measure,
      anonymous: current?.anonymous,
    }
  }
  const resulting = [
    ...requested.flatMap((request, index) => {
      const change = changed.get(request.key)
      if (change?.fields.includes('removed')) return []
      if (change?.added) return [{ index, source: change.added }]
      const state = change ?? stateOf(request.key)
      return state ? [{ index, source: inputOf(request.key, state) }] : []
    }),
    ...sources
      .filter((source) => !seen.has(source.key))
      .flatMap((source) => {
        const state = stateOf(source.key)
        return state ? [{ index: requested.length, source: inputOf(source.key, state) }] : []
      }),
  ]
  const indexOf = (position: number) => resulting[position]?.index ?? position
  const resolved = resolveSources(
    resulting.map((entry) => entry.source),
    indexOf,
  )
  await assertPanelUsers(db, resolved, indexOf)

  // Existence is checked for every version named, readability for the versions the source did
  // not name before: a weight change, or moving a version from one branch type to another, puts
  // no version in front of anyone it was not already before.
  const kept = changes.filter((change) => !change.fields.includes('removed'))
  const entries = kept.flatMap((change) => {
    const before = change.was
      ? sourceVersionIds({
          formVersionId: change.was.formVersion,
          formsByUnitType: change.was.formsByUnitType,
        })
      : []
    return namedVersions([change], () => change.index).map((entry) => ({
      ...entry,
      isNew: !before.includes(entry.formVersion),
    }))
  })
  await assertVersionsReadable(db, user, entries, (i) => entries[i]?.isNew ?? true)
  await assertKindsFit(db, kept, (position) => kept[position]?.index ?? position)
  assertPolicy(
    {
      ...policy,
      sources: resolved.map(({ key, weight, required, minResponses, measure }) => ({
        key,
        weight,
        ...(required === undefined ? {} : { required }),
        ...(minResponses === undefined ? {} : { minResponses }),
        ...(measure === undefined ? {} : { measure }),
      })),
    },
    indexOf,
  )
  return changes
}

/** A source a request adds: its key is new to the campaign; it needs a form version and a weight. */
function addedSource(change: RequestedChange, index: number): SourceChange {
  const at = `sources.${index}`
  if (change.remove) throw invalid(`${at}.key`, `The campaign has no source ${change.key}`)
  if (change.formVersion === undefined) {
    throw invalid(
      `${at}.key`,
      `The campaign has no source ${change.key}: to add it, give its formVersion and weight`,
    )
  }
  if (change.weight === undefined) {
    throw invalid(`${at}.weight`, `A new source (${change.key}) needs its weight`)
  }
  const { remove: _, label, minResponses, ...rest } = change
  const added: ResolvedSource = {
    ...rest,
    ...(label ? { label } : {}),
    ...(minResponses === undefined || minResponses === null ? {} : { minResponses }),
    formVersion: change.formVersion,
    weight: change.weight,
    answeredBy: respondentsOf(change),
  }
  return {
    index,
    key: change.key,
    formVersion: change.formVersion,
    formsByUnitType: change.formsByUnitType ?? {},
    weight: change.weight,
    minResponses: minResponses ?? null,
    answeredBy: added.answeredBy,
    label: label ?? null,
    panel: change.panel ?? [],
    fields: ['added'],
    was: null,
    added,
  }
}

function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null)
}

/**
 * 409 `responsesExist` when answers were already given against what the changes would move:
 * any response of the campaign (weights are relative, so any source's responses count), or,
 * for the self-check's form version, a branch that has begun its self-check.
 */
async function assertNoAnswers(
  db: Pick<Db, 'select'>,
  campaignId: number,
  changes: SourceChange[],
) {
  const [responses] = await db
    .select({ n: count() })
    .from(schema.responses)
    .where(eq(schema.responses.campaignId, campaignId))
  // A change to the self-check source other than its grading rules or label moves what
  // branches fill.
  const movesSelfForm = (change: SourceChange) =>
    (change.answeredBy === 'selfCheck' || change.was?.answeredBy === 'selfCheck') &&
    change.fields.some((field) => !['weight', 'minResponses', 'label'].includes(field))
  const selfVersion = changes.some(movesSelfForm)
  const [begun] = selfVersion
    ? await db
        .select({ n: count() })
        .from(schema.selfChecks)
        .where(
          and(
            eq(schema.selfChecks.campaignId, campaignId),
            sql`(${schema.selfChecks.status} <> 'draft' or ${schema.selfChecks.answers} <> '{}'::jsonb)`,
          ),
        )
    : [{ n: 0 }]
  const responseCount = Number(responses?.n ?? 0)
  const selfChecks = Number(begun?.n ?? 0)
  if (responseCount === 0 && selfChecks === 0) return
  const blocked = responseCount > 0 ? changes : changes.filter(movesSelfForm)
  const issues = blocked.flatMap((change) =>
    change.fields
      // A label names the source; it changes nothing anyone answered.
      .filter((field) => field !== 'label')
      .filter((field) => responseCount > 0 || (field !== 'weight' && field !== 'minResponses'))
      .map((field) => ({
        path: `sources.${change.index}.${field}`,
        message:
          responseCount > 0
            ? `The campaign has ${responseCount} responses: the ${field} of ${change.key} stays as answered`
            : `${selfChecks} branches have begun the self-check on its current form version`,
      })),
  )
  if (issues.length === 0) return
  throw new AppError(
    'responsesExist',
    responseCount > 0
      ? `The campaign has ${responseCount} responses: its sources (which there are, who answers them, their form versions and weights) can no longer change`
      : `${selfChecks} branches have begun their self-check: the self-check’s form version can no longer change`,
    {
      field: 'sources',
      fields: issues.map((issue) => issue.path),
      issues,
      responses: responseCount,
      selfChecks,
    },
  )
}
