import { UNIT_TYPES, type UnitType } from '@yardstick/sdk/domain'
import type { FormVersionChoice } from './FormVersionFields'

/** A source's instruments per branch type as the pages edit them (分类制定). */
export interface TypeFormsDraft {
  /** "A form per branch type" chosen; off: one form for all. */
  perType?: boolean
  /** Per type, the form and version chosen; a type without a version answers the default. */
  typeForms?: Partial<Record<UnitType, FormVersionChoice>>
}

/** A source as the API reads it: its per-type versions and every instrument with its form. */
export interface SourceInstruments {
  formsByUnitType: Partial<Record<UnitType, number>>
  instruments: ReadonlyArray<{ formVersion: number; formId: number }>
}

/**
 * The `formsByUnitType` a draft sends: the types with a version chosen, or `{}` for one form for
 * all (also when the per-type choice is on but no type has its own form yet).
 *
 * @example
 * formsByUnitTypeOf({ perType: true, typeForms: { school: { formId: 4, formVersion: 9 } } }) // { school: 9 }
 */
export function formsByUnitTypeOf(draft: TypeFormsDraft): Partial<Record<UnitType, number>> {
  if (!draft.perType) return {}
  const forms: Partial<Record<UnitType, number>> = {}
  for (const unitType of UNIT_TYPES) {
    const version = draft.typeForms?.[unitType]?.formVersion
    if (version !== null && version !== undefined) forms[unitType] = version
  }
  return forms
}

/**
 * The draft of a source as it is: per type on when it has any per-type form, each with its form.
 *
 * @example
 * typeFormsDraft({ formsByUnitType: { school: 9 }, instruments: [{ formVersion: 9, formId: 4 }] })
 * // { perType: true, typeForms: { school: { formId: 4, formVersion: 9 } } }
 */
export function typeFormsDraft(source: SourceInstruments): Required<TypeFormsDraft> {
  const typeForms: Partial<Record<UnitType, FormVersionChoice>> = {}
  for (const unitType of UNIT_TYPES) {
    const formVersion = source.formsByUnitType[unitType]
    if (formVersion === undefined) continue
    const formId = source.instruments.find((i) => i.formVersion === formVersion)?.formId ?? null
    typeForms[unitType] = { formId, formVersion }
  }
  return { perType: Object.keys(typeForms).length > 0, typeForms }
}

/**
 * Whether two `formsByUnitType` records name the same versions for the same types.
 *
 * @example
 * sameFormsByUnitType({ school: 9 }, { school: 9 }) // true
 */
export function sameFormsByUnitType(
  a: Partial<Record<UnitType, number>>,
  b: Partial<Record<UnitType, number>>,
): boolean {
  return UNIT_TYPES.every((unitType) => a[unitType] === b[unitType])
}

/**
 * The sources whose units answered them on more than one instrument (分类制定): the ones a
 * ranking says the instrument of.
 *
 * @example
 * variedInstrumentSources(units) // ['superior']
 */
export function variedInstrumentSources(
  units: ReadonlyArray<{ instruments: ReadonlyArray<{ source: string; formVersion: number }> }>,
): string[] {
  const versions = new Map<string, Set<number>>()
  for (const unit of units) {
    for (const used of unit.instruments) {
      const seen = versions.get(used.source) ?? new Set<number>()
      seen.add(used.formVersion)
      versions.set(used.source, seen)
    }
  }
  return [...versions].filter(([, seen]) => seen.size > 1).map(([source]) => source)
}
