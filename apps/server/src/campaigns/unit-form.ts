import { type Db, type SourceKey, schema, type UnitType } from '@yardstick/db'
import { eq, inArray, type SQL, type SQLWrapper, sql } from 'drizzle-orm'

/** Per branch type with its own instrument, that form version's id (分类制定). */
export type FormsByUnitType = Partial<Record<UnitType, number>>

/** A source's instruments: the default form version and the per-type ones. */
export interface SourceInstruments {
  formVersionId: number
  formsByUnitType: FormsByUnitType
}

/**
 * The form version a unit answers a source on: its branch type's own instrument, else the
 * source's default (a unit without a type answers the default). The rule `unitFormVersionSql`
 * states in SQL; results/instruments-equality.test.ts holds the two together (links resolve
 * in SQL, results in code).
 *
 * @example
 * unitFormVersion({ formVersionId: 3, formsByUnitType: { school: 9 } }, 'school') // 9
 * unitFormVersion({ formVersionId: 3, formsByUnitType: { school: 9 } }, null) // 3
 */
export function unitFormVersion(source: SourceInstruments, unitType: UnitType | null): number {
  const own = unitType === null ? undefined : source.formsByUnitType[unitType]
  return own ?? source.formVersionId
}

/**
 * `unitFormVersion` as an SQL expression, for queries that join `campaign_sources` (unaliased):
 * the `campaign_source_forms` row of the unit's type, else the source's default.
 *
 * @param unitType an expression or value of the unit's type (null: the default)
 * @example
 * db.select().from(campaignSources).innerJoin(formVersions, eq(formVersions.id, unitFormVersionSql(orgs.unitType)))
 */
export function unitFormVersionSql(unitType: SQLWrapper | UnitType | null): SQL {
  const { campaignSources: cs } = schema
  return sql`coalesce((select csf.form_version_id from campaign_source_forms csf
    where csf.campaign_id = ${cs.campaignId} and csf.source_key = ${cs.key}
      and csf.unit_type = ${unitType}), ${cs.formVersionId})`
}

/**
 * The per-type instruments of a campaign's sources, by source key (a source without any is
 * absent: one form for all).
 *
 * @example
 * (await loadSourceForms(db, 7)).get('superior') // { enterprise: 12, school: 13 }
 */
export async function loadSourceForms(
  db: Pick<Db, 'select'>,
  campaignId: number,
): Promise<Map<SourceKey, FormsByUnitType>> {
  const { campaignSourceForms: csf } = schema
  const rows = await db
    .select({ key: csf.sourceKey, unitType: csf.unitType, formVersionId: csf.formVersionId })
    .from(csf)
    .where(eq(csf.campaignId, campaignId))
  const forms = new Map<SourceKey, FormsByUnitType>()
  for (const row of rows) {
    forms.set(row.key, { ...forms.get(row.key), [row.unitType]: row.formVersionId })
  }
  return forms
}

/**
 * Every form version a source names, the default first, each once.
 *
 * @example
 * sourceVersionIds({ formVersionId: 3, formsByUnitType: { school: 9, retired: 3 } }) // [3, 9]
 */
export function sourceVersionIds(source: SourceInstruments): number[] {
  return [...new Set([source.formVersionId, ...Object.values(source.formsByUnitType)])]
}

/** A form version as campaigns name it: id, form, number within the form, the form's title. */
export interface Instrument {
  formVersion: number
  formId: number
  version: number
  title: string
}

/**
 * The instruments of the given form version ids, by id (ids with no version are absent).
 *
 * @example
 * (await loadInstruments(db, [3, 9])).get(9)?.title // '企业党支部考评表'
 */
export async function loadInstruments(
  db: Pick<Db, 'select'>,
  ids: readonly number[],
): Promise<Map<number, Instrument>> {
  if (ids.length === 0) return new Map()
  const { formVersions, forms } = schema
  const rows = await db
    .select({
      formVersion: formVersions.id,
      formId: formVersions.formId,
      version: formVersions.version,
      title: forms.title,
    })
    .from(formVersions)
    .innerJoin(forms, eq(forms.id, formVersions.formId))
    .where(inArray(formVersions.id, [...new Set(ids)]))
  return new Map(rows.map((row) => [row.formVersion, row]))
}
