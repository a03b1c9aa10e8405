import type { UpdateCampaignInput } from '@yardstick/contract'
import { type Db, type SourceKey, schema } from '@yardstick/db'
import { and, count, eq, sql } from 'drizzle-orm'
import { recordAudit } from '../audit/record'
import type { AuthUser } from '../auth/sessions'
import { AppError } from '../http/errors'
import { type CampaignSource, loadResultsCampaign } from '../results/campaign'
import { linkContexts } from '../submissions/link-context'
import type { CampaignRow } from './access'
import { assertPolicy, assertVersionsReadable } from './create-campaign'
import { assertKindsFit, namedVersions, sameForms, sourceFormRows } from './instrument-checks'
import { type FormsByUnitType, sourceVersionIds } from './unit-form'
import { invalid } from './units'

/** What of a source a request may change. */
type SourceField = 'formVersion' | 'formsByUnitType' | 'weight'

/** A source whose form versions (default or per branch type) or weight a request really changes. */
interface SourceChange {
  index: number
  key: SourceKey
  formVersion: number
  formsByUnitType: FormsByUnitType
  weight: number
  fields: SourceField[]
  /** The source's instruments and weight before the change (for the audit entry). */
  was: { formVersion: number; formsByUnitType: FormsByUnitType; weight: number }
}

/**
 * Changes a campaign's settings after creation (the caller has checked the user manages it):
 * name, window, `allowedOrigins`, `showScore`, `timeLimitMinutes`, and its sources' form
 * versions (the default and per branch type) and weights. A closed campaign is refused (409 `campaignClosed`); a change to a
 * version or a weight once any response exists, or to the self-check's version once a branch
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
    for (const change of changes) {
      await tx
        .update(schema.campaignSources)
        .set({ formVersionId: change.formVersion, weight: change.weight })
        .where(
          and(
            eq(schema.campaignSources.campaignId, campaign.id),
            eq(schema.campaignSources.key, change.key),
          ),
        )
      if (change.fields.includes('formsByUnitType'))
        await replaceSourceForms(tx, campaign.id, change)
    }
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
    before.sources = changes.map((change) => ({ key: change.key, ...change.was }))
    after.sources = changes.map(({ key, formVersion, formsByUnitType, weight }) => ({
      key,
      formVersion,
      formsByUnitType,
      weight,
    }))
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

/**
 * The sources a request really changes, after checking each names a source of the campaign
 * once, each version exists, each new one is readable by the user, each per-type one is of its
 * default's kind, and the SDK can evaluate the rules with the new weights.
 */
async function sourceChanges(
  db: Db,
  user: AuthUser,
  campaignId: number,
  requested: UpdateCampaignInput['sources'],
): Promise<SourceChange[]> {
  if (!requested) return []
  const { policy, sources } = await loadResultsCampaign(db, campaignId)
  const seen = new Set<string>()
  const changes: SourceChange[] = []
  requested.forEach((change, index) => {
    const current = sources.find((source) => source.key === change.key)
    const rule = policy.sources.find((source) => source.key === change.key)
    if (!current || !rule) {
      throw invalid(`sources.${index}.key`, `The campaign has no source ${change.key}`)
    }
    if (seen.has(change.key)) {
      throw invalid(`sources.${index}.key`, `Source ${change.key} is named twice`)
    }
    seen.add(change.key)
    const formVersion = change.formVersion ?? current.formVersionId
    const formsByUnitType = change.formsByUnitType ?? current.formsByUnitType
    const weight = change.weight ?? rule.weight
    const fields: SourceField[] = [
      ...(formVersion === current.formVersionId ? [] : (['formVersion'] as const)),
      ...(sameForms(formsByUnitType, current.formsByUnitType)
        ? []
        : (['formsByUnitType'] as const)),
      ...(weight === rule.weight ? [] : (['weight'] as const)),
    ]
    if (fields.length > 0) {
      const was = {
        formVersion: current.formVersionId,
        formsByUnitType: current.formsByUnitType,
        weight: rule.weight,
      }
      changes.push({ index, key: change.key, formVersion, formsByUnitType, weight, fields, was })
    }
  })
  if (changes.length === 0) return []
  const named = requested.map((change) => {
    const current = sources.find((source) => source.key === change.key) as CampaignSource
    return {
      formVersion: change.formVersion ?? current.formVersionId,
      formsByUnitType: change.formsByUnitType ?? current.formsByUnitType,
    }
  })
  // Existence is checked for every version named, readability for the versions the source did
  // not name before: a weight change, or moving a version from one branch type to another, puts
  // no version in front of anyone it was not already before.
  const entries = named.flatMap((source, position) => {
    const key = requested[position]?.key
    const current = sources.find((s) => s.key === key) as CampaignSource
    return namedVersions([source], () => position).map((entry) => ({
      ...entry,
      isNew: !sourceVersionIds(current).includes(entry.formVersion),
    }))
  })
  await assertVersionsReadable(db, user, entries, (i) => entries[i]?.isNew ?? true)
  await assertKindsFit(db, named)
  const weights = new Map<string, number>(changes.map((change) => [change.key, change.weight]))
  // The rules are checked with the requested sources first, in the request's order, so a
  // problem's `sources.<i>` is the client's own index (a policy's validity does not depend on
  // the order of its sources).
  const place = (key: string) => {
    const index = requested.findIndex((change) => change.key === key)
    return index < 0 ? requested.length : index
  }
  const ordered = [...policy.sources].sort((a, b) => place(a.key) - place(b.key))
  assertPolicy({
    ...policy,
    sources: ordered.map((source) => ({
      ...source,
      weight: weights.get(source.key) ?? source.weight,
    })),
  })
  return changes
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
  const movesSelfForm = (change: SourceChange) =>
    change.key === 'self' && change.fields.some((field) => field !== 'weight')
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
      .filter((field) => responseCount > 0 || field !== 'weight')
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
      ? `The campaign has ${responseCount} responses: its sources’ form versions and weights can no longer change`
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
