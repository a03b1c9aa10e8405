import type { CreateCampaignInput } from '@yardstick/contract'
import { type Db, schema, withNewCampaignId } from '@yardstick/db'
import { type EvaluationPolicy, validatePolicy } from '@yardstick/sdk'
import { eq, inArray } from 'drizzle-orm'
import { recordAudit } from '../audit/record'
import { assertReaches, reaches } from '../auth/access'
import type { AuthUser } from '../auth/sessions'
import { FORM_READERS } from '../forms/access'
import { AppError } from '../http/errors'
import { assertKindsFit, isEmpty, namedVersions, sourceFormRows } from './instrument-checks'
import { assertPanelUsers, panelRows, resolveSources, sourceRow } from './source-rules'
import { insertUnitsAndLinks } from './unit-links'
import { commonAncestorId, invalid, resolveUnits } from './units'

/**
 * Checks the evaluation rules with the SDK's `validatePolicy` (the checks `evaluate` runs), so
 * the server never accepts a policy that results could not compute; a bad one is 400 at the
 * field path of its first problem, with the SDK's code as `policyError` (the one the client
 * words; it is the problem `evaluate` would throw).
 *
 * @param indexOf the request index of the source at a position (default: the position)
 * @example
 * assertPolicy({ sources: [{ key: 'self', weight: 0 }], bands }) // 400 at sources.0.weight
 */
export function assertPolicy(
  policy: EvaluationPolicy,
  indexOf: (position: number) => number = (position) => position,
): void {
  const [first] = validatePolicy(policy).errors
  if (first === undefined) return
  // The SDK names a source by its place in `policy.sources`; the client by its request index.
  const path = first.path.replace(/^sources\.(\d+)/, (_, at) => `sources.${indexOf(Number(at))}`)
  throw new AppError('invalidBody', `The evaluation rules are not valid: ${first.message}`, {
    issues: [{ path, message: first.message }],
    policyError: first.code,
  })
}

/**
 * Creates a campaign (status `draft`) with its sources, its units (resolved to branches) and one
 * respondent link per (unit, source) with an unguessable slug, all in one transaction. The user
 * must be admin or editor reaching the campaign's office and every unit, and every unit must lie
 * under that office; the user must read every form version it names. The `campaign.create` audit entry is written in the same transaction.
 *
 * @example
 * const id = await createCampaign(db, user, body)
 */
export async function createCampaign(
  db: Db,
  user: AuthUser,
  input: CreateCampaignInput,
): Promise<number> {
  const opensAt = new Date(input.opensAt)
  const closesAt = new Date(input.closesAt)
  if (!(opensAt < closesAt)) throw invalid('closesAt', 'closesAt must be after opensAt')
  const sources = resolveSources(input.sources)
  assertPolicy({
    sources: input.sources.map(({ key, weight, required, minResponses, measure }) => ({
      key,
      weight,
      required,
      minResponses,
      measure,
    })),
    bands: input.bands,
    quota: input.quota,
  })

  const units = await resolveUnits(db, input.units)
  const orgId =
    input.orgId ??
    ('subtree' in input.units ? input.units.subtree : commonAncestorId(units.map((u) => u.path)))
  if (orgId === null) throw invalid('orgId', 'The units share no office: name it with orgId')
  const [office] = await db
    .select({ path: schema.orgs.path, name: schema.orgs.name })
    .from(schema.orgs)
    .where(eq(schema.orgs.id, orgId))
  if (!office) throw invalid('orgId', `No organisation ${orgId}`)
  assertReaches(user, office.path, ['editor'], office.name)
  const outside = units.filter((unit) => !unit.path.startsWith(office.path))
  if (outside.length > 0) {
    throw invalid('units', `Not under ${office.name}: ${outside.map((u) => u.id).join(', ')}`)
  }
  for (const unit of units) assertReaches(user, unit.path, ['editor'], unit.name)
  await assertVersionsReadable(db, user, namedVersions(input.sources))
  await assertKindsFit(db, input.sources)
  await assertPanelUsers(db, sources)

  // Its partition made first, so the units and links written below hold no submission up.
  return withNewCampaignId(db, async (tx, campaignId) => {
    await tx.insert(schema.campaigns).values({
      id: campaignId,
      orgId,
      name: input.name,
      cadence: input.cadence,
      opensAt,
      closesAt,
      bands: input.bands,
      quota: input.quota ?? null,
      allowedOrigins: input.allowedOrigins ?? [],
      showScore: input.showScore,
      timeLimitMinutes: input.timeLimitMinutes ?? null,
      createdBy: user.id,
    })
    await tx
      .insert(schema.campaignSources)
      .values(sources.map((source) => sourceRow(campaignId, source)))
    const perType = sourceFormRows(campaignId, input.sources)
    if (perType.length > 0) await tx.insert(schema.campaignSourceForms).values(perType)
    const panel = panelRows(campaignId, sources)
    if (panel.length > 0) await tx.insert(schema.campaignSourcePanel).values(panel)
    await insertUnitsAndLinks(
      tx,
      campaignId,
      units.map((unit) => unit.id),
      input.sources.map((source) => source.key),
    )
    // Settings and counts only: no link slug (a slug is how respondents reach the campaign).
    await recordAudit(tx, {
      actorId: user.id,
      action: 'campaign.create',
      entity: 'campaign',
      entityId: campaignId,
      orgPath: office.path,
      after: {
        name: input.name,
        status: 'draft',
        opensAt: opensAt.toISOString(),
        closesAt: closesAt.toISOString(),
        sources: sources.map((s) => ({
          key: s.key,
          answeredBy: s.answeredBy,
          ...(s.panel ? { panel: s.panel } : {}),
          formVersion: s.formVersion,
          ...(isEmpty(s.formsByUnitType) ? {} : { formsByUnitType: s.formsByUnitType }),
          weight: s.weight,
        })),
        units: units.length,
      },
    })
    return campaignId
  })
}

/**
 * Checks every form version a campaign is to name: the first one that does not exist is 400 at
 * its `path` (default `sources.<i>.formVersion`); the first one whose form the user may not read (`FORM_READERS`
 * reaching the form's office, as `formFor` decides) is 403 `forbidden` with that path. A
 * campaign shows its versions to respondents, so naming one is reading it (issue 16, item 6).
 *
 * @param mustRead which sources (by index) the read check applies to (default: all)
 * @example
 * await assertVersionsReadable(db, user, [{ formVersion: 12 }])
 */
export async function assertVersionsReadable(
  db: Db,
  user: AuthUser,
  sources: ReadonlyArray<{ formVersion: number; path?: string }>,
  mustRead: (index: number) => boolean = () => true,
): Promise<void> {
  const ids = [...new Set(sources.map((source) => source.formVersion))]
  if (ids.length === 0) return
  const { formVersions, forms, orgs } = schema
  const rows = await db
    .select({ id: formVersions.id, formId: forms.id, path: orgs.path })
    .from(formVersions)
    .innerJoin(forms, eq(forms.id, formVersions.formId))
    .innerJoin(orgs, eq(orgs.id, forms.orgId))
    .where(inArray(formVersions.id, ids))
  const found = new Map(rows.map((row) => [row.id, row]))
  sources.forEach((source, index) => {
    const path = source.path ?? `sources.${index}.formVersion`
    const version = found.get(source.formVersion)
    if (!version) throw invalid(path, `No published form version ${source.formVersion}`)
    if (mustRead(index) && !reaches(user, version.path, FORM_READERS)) {
      throw new AppError(
        'forbidden',
        `You have no ${FORM_READERS.join('/')} role that reaches form version ${source.formVersion}`,
        { path, roles: FORM_READERS },
      )
    }
  })
}
