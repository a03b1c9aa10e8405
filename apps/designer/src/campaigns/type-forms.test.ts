import { describe, expect, it } from 'vitest'
import {
  formsByUnitTypeOf,
  sameFormsByUnitType,
  typeFormsDraft,
  variedInstrumentSources,
} from './type-forms'

describe('a source’s forms per branch type as the pages edit them', () => {
  it('sends only the types with a version, and nothing for one form for all', () => {
    const typeForms = {
      school: { formId: 4, formVersion: 9 },
      hospital: { formId: 5, formVersion: null },
    }
    expect(formsByUnitTypeOf({ perType: true, typeForms })).toEqual({ school: 9 })
    expect(formsByUnitTypeOf({ perType: false, typeForms })).toEqual({})
    expect(formsByUnitTypeOf({})).toEqual({})
  })

  it('reads a source back with each type’s form, and round-trips it', () => {
    const source = {
      formsByUnitType: { school: 9, retired: 3 },
      instruments: [
        { formVersion: 3, formId: 1 },
        { formVersion: 9, formId: 4 },
      ],
    }
    const draft = typeFormsDraft(source)
    expect(draft).toEqual({
      perType: true,
      typeForms: { school: { formId: 4, formVersion: 9 }, retired: { formId: 1, formVersion: 3 } },
    })
    expect(sameFormsByUnitType(formsByUnitTypeOf(draft), source.formsByUnitType)).toBe(true)
    expect(typeFormsDraft({ formsByUnitType: {}, instruments: [] }).perType).toBe(false)
  })

  it('tells a changed record from the same one', () => {
    expect(sameFormsByUnitType({ school: 9 }, { school: 9 })).toBe(true)
    expect(sameFormsByUnitType({ school: 9 }, { school: 10 })).toBe(false)
    expect(sameFormsByUnitType({ school: 9 }, {})).toBe(false)
  })
  it('names the sources a ranking’s units answered on more than one instrument', () => {
    const unit = (superior: number) => ({
      instruments: [
        { source: 'members', formVersion: 1 },
        { source: 'superior', formVersion: superior },
      ],
    })
    expect(variedInstrumentSources([unit(2), unit(3), unit(2)])).toEqual(['superior'])
    expect(variedInstrumentSources([unit(2), unit(2)])).toEqual([])
  })
})
