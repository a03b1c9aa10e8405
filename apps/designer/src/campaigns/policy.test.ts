import { DEFAULT_RESPONDENTS } from '@yardstick/sdk/domain'
import { describe, expect, it } from 'vitest'
import { keyedPath, type PolicyDraft, previewPolicy, type SampleUnit, toPolicy } from './policy'

const source = (key: 'self' | 'members' | 'superior', weight: string) => ({
  key,
  answeredBy: DEFAULT_RESPONDENTS[key],
  labelZh: '',
  labelEn: '',
  panel: [],
  own: false,
  enabled: true,
  formId: 1,
  formVersion: 1,
  weight,
  required: key !== 'members',
  minResponses: key === 'members' ? '5' : '',
  measure: key === 'members' ? ('satisfactionRate' as const) : ('percent' as const),
  anonymous: key === 'members',
})

const draft = (): PolicyDraft => ({
  sources: [source('self', '30'), source('members', '30'), source('superior', '40')],
  bands: [
    { min: '90', grade: '先进', stars: '5' },
    { min: '60', grade: '达标', stars: '3' },
    { min: '0', grade: '后进', stars: '1' },
  ],
  quotaGrade: '',
  quotaShare: '',
})

const sample = (name: string, [self, members, superior]: number[], n = 6, vetoed = false) =>
  ({
    name,
    values: { self: String(self), members: String(members), superior: String(superior) },
    counts: { self: '1', members: String(n), superior: '1' },
    vetoed,
  }) satisfies SampleUnit

describe('the policy preview', () => {
  it('grades samples with the SDK: weighted composite, bands, stars, veto and rank', () => {
    const preview = previewPolicy(toPolicy(draft()), [
      sample('A', [100, 90, 95]),
      sample('B', [60, 70, 80]),
      sample('C', [100, 100, 100], 6, true),
    ])
    if (!preview.ok) throw new Error(preview.issue.message)
    const [a, b, c] = preview.units
    expect(a).toMatchObject({ composite: 95, grade: '先进', stars: 5, rank: 2 })
    expect(b).toMatchObject({ composite: 71, grade: '达标', stars: 3, rank: 3 })
    expect(c).toMatchObject({ composite: 100, grade: '后进', vetoed: true, rank: 1 })
  })

  it('leaves a branch below the minimum participation ungraded, saying why', () => {
    const preview = previewPolicy(toPolicy(draft()), [sample('A', [100, 90, 95], 3)])
    if (!preview.ok) throw new Error(preview.issue.message)
    expect(preview.units[0]?.incomplete?.reason).toBe('belowMinResponses')
  })

  it('applies the quota: advanced at most the share, the rest one band down', () => {
    const policy = toPolicy({ ...draft(), quotaGrade: '先进', quotaShare: '50' })
    expect(policy.quota).toEqual({ grade: '先进', maxShare: 0.5 })
    const preview = previewPolicy(policy, [sample('A', [100, 100, 100]), sample('B', [95, 95, 95])])
    if (!preview.ok) throw new Error(preview.issue.message)
    expect(preview.units.map((u) => [u.grade, u.demoted])).toEqual([
      ['先进', false],
      ['达标', true],
    ])
  })

  it('reports a rule the SDK refuses at its field, keyed by source', () => {
    const bad = draft()
    bad.sources[0] = { ...source('self', '30'), enabled: false }
    bad.sources[2] = source('superior', '')
    const preview = previewPolicy(toPolicy(bad), [])
    expect(preview.ok).toBe(false)
    if (preview.ok) return
    expect(preview.issue.path).toBe('sources.1.weight')
    expect(keyedPath(preview.issue.path, ['members', 'superior'])).toBe('sources.superior.weight')
    const unordered = draft()
    unordered.bands[1] = { min: '95', grade: '达标', stars: '3' }
    const second = previewPolicy(toPolicy(unordered), [])
    expect(second.ok ? null : second.issue.path).toBe('bands.1.min')
  })

  it('names the SDK’s problems by field path, as the server does', () => {
    const bands = draft()
    bands.bands[2] = { min: '70', grade: '后进', stars: '1' }
    const third = previewPolicy(toPolicy(bands), [])
    expect(third.ok ? null : third.issue.path).toBe('bands.2.min')
    const quota = previewPolicy(toPolicy({ ...draft(), quotaGrade: '先进', quotaShare: '150' }), [])
    expect(quota.ok ? null : [quota.issue.path, quota.issue.code]).toEqual([
      'quota.maxShare',
      'invalidMaxShare',
    ])
  })
})
