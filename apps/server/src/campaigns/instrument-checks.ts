import { type Db, type SourceKey, schema, type UnitType } from '@yardstick/db'
import { inArray, sql } from 'drizzle-orm'
import type { FormsByUnitType } from './unit-form'
import { invalid } from './units'

/** A source as a request names its instruments: the default and, optionally, per branch type. */
export interface SourceFormsInput {
  key: SourceKey
  formVersion: number
  formsByUnitType?: FormsByUnitType
}

/**
 * Whether a per-type record names no instrument (absent or `{}`: one form for all).
 *
 * @example
 * isEmpty({}) // true
 */
export function isEmpty(forms: FormsByUnitType | undefined): boolean {
  return forms === undefined || Object.keys(forms).length === 0
}

/**
 * Every form version the sources name, with the body path that names it: the default at
 * `sources.<i>.formVersion`, each per-type one at `sources.<i>.formsByUnitType.<type>`.
 *
 * @param indexOf the request index of the source at a position (default: the position)
 * @example
 * namedVersions([{ key: 'superior', formVersion: 3, formsByUnitType: { school: 9 } }])
 * // [{ formVersion: 3, path: 'sources.0.formVersion' }, { formVersion: 9, path: 'sources.0.formsByUnitType.school' }]
 */
export function namedVersions(
  sources: ReadonlyArray<Pick<SourceFormsInput, 'formVersion' | 'formsByUnitType'>>,
  indexOf: (position: number) => number = (position) => position,
): Array<{ formVersion: number; path: string }> {
  return sources.flatMap((source, position) => {
    const at = `sources.${indexOf(position)}`
    return [
      { formVersion: source.formVersion, path: `${at}.formVersion` },
      ...perTypeEntries(source.formsByUnitType).map(([unitType, formVersion]) => ({
        formVersion,
        path: `${at}.formsByUnitType.${unitType}`,
      })),
    ]
  })
}

/**
 * 400 at `sources.<i>.formsByUnitType.<type>` when a per-type instrument is not of the kind of
 * its source's default (a self-check source answered on a scorecard by one branch type would
 * not be a self-check): the versions' own `kind`, as published.
 *
 * @param indexOf the request index of the source at a position (default: the position)
 * @example
 * await assertKindsFit(db, [{ key: 'superior', formVersion: 3, formsByUnitType: { school: 9 } }])
 */
export async function assertKindsFit(
  db: Pick<Db, 'select'>,
  sources: ReadonlyArray<Pick<SourceFormsInput, 'formVersion' | 'formsByUnitType'>>,
  indexOf: (position: number) => number = (position) => position,
): Promise<void> {
  const withTypes = sources.filter((source) => !isEmpty(source.formsByUnitType))
  if (withTypes.length === 0) return
  const ids = [...new Set(namedVersions(withTypes).map((named) => named.formVersion))]
  const { formVersions } = schema
  const rows = await db
    .select({
      id: formVersions.id,
      kind: sql<string>`coalesce(${formVersions.json}->>'kind', 'generic')`,
    })
    .from(formVersions)
    .where(inArray(formVersions.id, ids))
  const kinds = new Map(rows.map((row) => [row.id, row.kind]))
  sources.forEach((source, position) => {
    const expected = kinds.get(source.formVersion)
    for (const [unitType, formVersion] of perTypeEntries(source.formsByUnitType)) {
      const kind = kinds.get(formVersion)
      if (kind === expected) continue
      throw invalid(
        `sources.${indexOf(position)}.formsByUnitType.${unitType}`,
        `Form version ${formVersion} is a ${kind} form; the source's default ${source.formVersion} is a ${expected} form, and every instrument of a source is of one kind`,
        { kind, expectedKind: expected },
      )
    }
  })
}

/**
 * The `campaign_source_forms` rows of the sources' per-type instruments.
 *
 * @example
 * sourceFormRows(7, [{ key: 'superior', formVersion: 3, formsByUnitType: { school: 9 } }])
 * // [{ campaignId: 7, sourceKey: 'superior', unitType: 'school', formVersionId: 9 }]
 */
export function sourceFormRows(
  campaignId: number,
  sources: ReadonlyArray<Pick<SourceFormsInput, 'key' | 'formsByUnitType'>>,
) {
  return sources.flatMap((source) =>
    perTypeEntries(source.formsByUnitType).map(([unitType, formVersionId]) => ({
      campaignId,
      sourceKey: source.key,
      unitType,
      formVersionId,
    })),
  )
}

/**
 * Whether two per-type records name the same instruments.
 *
 * @example
 * sameForms({ school: 9 }, { school: 9 }) // true
 */
export function sameForms(a: FormsByUnitType | undefined, b: FormsByUnitType | undefined) {
  const left = perTypeEntries(a)
  return (
    left.length === perTypeEntries(b).length && left.every(([unitType, id]) => b?.[unitType] === id)
  )
}

function perTypeEntries(forms: FormsByUnitType | undefined): Array<[UnitType, number]> {
  return Object.entries(forms ?? {}).filter(
    (entry): entry is [UnitType, number] => entry[1] !== undefined,
  )
}
