import { describe, expect, it } from 'vitest'
import '../extensions'
import { UNIT_TYPES, type UnitType } from '../domain-sets'
import { scoreResponse } from '../score'
import type { Answers, ElementJson, FormJson } from '../types'
import { scorecardTemplateIds, type TemplateId, templates } from './index'
import organ from './scorecard.json' with { type: 'json' }
import basics from './scorecard-basics.json' with { type: 'json' }
import { scorecardTemplate } from './scorecard-template'

// What every template shares (loads in SurveyJS, passes validateForm, zh-CN and English on every
// text) is tested for all templates in templates.test.ts; the organ scorecard's own figures too.

function pagesOf(form: FormJson) {
  return form.pages ?? []
}

/** A scorecard's scored indicators: the questions counted in a dimension. */
function indicatorsOf(form: FormJson): ElementJson[] {
  return pagesOf(form)
    .flatMap((page) => page.elements ?? [])
    .filter((q) => q.dimension !== undefined)
}

/** What each branch type's scorecard title names (the zh-CN title ends with it). */
const BRANCHES = {
  organ: '（机关党支部）',
  enterprise: '（企业党支部）',
  publicInstitution: '（事业单位党支部）',
  school: '（学校党支部）',
  hospital: '（医院党支部）',
  research: '（科研院所党支部）',
  socialOrganization: '（社会组织党支部）',
  retired: '（离退休干部党支部）',
} as const

const SHARED_INDICATORS = new Set(basics.indicators.map((indicator) => indicator.name))

describe.each(UNIT_TYPES)('the %s scorecard', (unitType) => {
  const form = templates[scorecardTemplateIds[unitType]]
  const indicators = indicatorsOf(form)

  it('is the scorecard named for its branch type', () => {
    expect(form.kind).toBe('scorecard')
    expect((form.title as { default: string }).default).toMatch(
      new RegExp(`^党支部标准化规范化建设考评表${BRANCHES[unitType]}$`),
    )
  })

  it('has the shared dimensions, each weighted by its indicators’ points, 100 in all', () => {
    expect(form.dimensions).toEqual(basics.dimensions)
    for (const dimension of basics.dimensions) {
      const own = indicators.filter((q) => q.dimension === dimension.name)
      expect(own.length).toBeGreaterThanOrEqual(dimension.name === 'featured' ? 2 : 3)
      expect(own.reduce((sum, q) => sum + (q.maxScore ?? 0), 0)).toBe(dimension.weight)
    }
    expect(basics.dimensions.reduce((sum, d) => sum + d.weight, 0)).toBe(100)
    expect(pagesOf(form).map((page) => page.name)).toEqual([
      ...basics.dimensions.map((d) => d.name),
      'adjustments',
    ])
  })

  it('enters each indicator as a required number up to its points, as its standard says', () => {
    for (const q of indicators) {
      expect(q).toMatchObject({ type: 'text', inputType: 'number', min: 0, isRequired: true })
      expect(q.max).toBe(q.maxScore)
      const { default: zh, en } = q.description as { default: string; en: string }
      expect(zh).toMatch(/^评分标准：/)
      expect(en).toMatch(/^Scoring standard: /)
      // A standard that states a range states the indicator's own points.
      for (const [, points] of zh.matchAll(/得0至(\d+)分/g)) expect(Number(points)).toBe(q.maxScore)
      for (const [, points] of en.matchAll(/0 to (\d+) points/g))
        expect(Number(points)).toBe(q.maxScore)
    }
  })

  it('ends with the organ scorecard’s bonus (at most 5), deduction (at most 10) and veto', () => {
    expect(form.bonusCap).toBe(5)
    expect(pagesOf(form).at(-1)).toEqual(pagesOf(templates.scorecard).at(-1))
    const { default: zh } = form.description as { default: string }
    const branches = BRANCHES[unitType].slice(1, -1)
    expect(zh).toBe(basics.description.default.replace('{branches}', branches))
  })

  it('scores full marks as 100 %, a full bonus on top, and a veto as vetoed', () => {
    const full: Answers = Object.fromEntries(indicators.map((q) => [q.name, q.maxScore]))
    full.veto = 'no'
    const result = scoreResponse(form, full)
    expect(result).toMatchObject({ score: 100, maxScore: 100, percent: 100, veto: false })
    for (const dimension of basics.dimensions)
      expect(result.dimensions[dimension.name]?.percent).toBe(100)
    expect(scoreResponse(form, { ...full, innovationBonus: 5 }).score).toBe(105)
    expect(scoreResponse(form, { ...full, veto: 'yes' }).veto).toBe(true)
  })

  it('has featured indicators of its own', () => {
    const featured = indicators.filter((q) => q.dimension === 'featured')
    for (const q of featured) expect(SHARED_INDICATORS.has(q.name)).toBe(false)
  })
})

describe('the scorecards of the eight branch types', () => {
  const ownIndicators = (unitType: UnitType) =>
    indicatorsOf(templates[scorecardTemplateIds[unitType]]).filter(
      (q) => !SHARED_INDICATORS.has(q.name),
    )

  it('maps every branch type to its own scorecard template, the organ’s being scorecard', () => {
    expect(Object.keys(scorecardTemplateIds).sort()).toEqual([...UNIT_TYPES].sort())
    expect(scorecardTemplateIds.organ).toBe('scorecard')
    const ids = Object.values(scorecardTemplateIds)
    expect(new Set(ids).size).toBe(UNIT_TYPES.length)
    const scorecards = (Object.keys(templates) as TemplateId[]).filter(
      (id) => templates[id].kind === 'scorecard',
    )
    expect([...ids].sort()).toEqual(scorecards.sort())
    expect(Object.isFrozen(scorecardTemplateIds)).toBe(true)
  })

  it('give each type indicators no other type has, by name and by title', () => {
    const names = new Map<string, string>()
    const titles = new Map<string, string>()
    for (const unitType of UNIT_TYPES) {
      const own = ownIndicators(unitType)
      expect(own.length, unitType).toBeGreaterThanOrEqual(2)
      for (const q of own) {
        const title = (q.title as { default: string }).default.replace(/（\d+分）$/, '')
        expect(names.get(q.name), `${unitType}.${q.name}`).toBeUndefined()
        expect(titles.get(title), `${unitType}: ${title}`).toBeUndefined()
        names.set(q.name, unitType)
        titles.set(title, unitType)
      }
    }
  })

  it('share every indicator of the basics that a type does not replace, word for word', () => {
    const byName = new Map(basics.indicators.map((indicator) => [indicator.name, indicator]))
    for (const unitType of UNIT_TYPES) {
      for (const q of indicatorsOf(templates[scorecardTemplateIds[unitType]])) {
        const shared = byName.get(q.name)
        if (!shared) continue
        expect(q.description).toEqual(shared.standard)
        expect(q.maxScore).toBe(shared.points)
      }
    }
  })
})

describe('scorecardTemplate', () => {
  it('refuses a dimension the basics do not declare', () => {
    const input = { ...organ, indicators: { ...organ.indicators, basicCulture: ['venue'] } }
    expect(() => scorecardTemplate(input)).toThrow('no shared dimension "basicCulture"')
  })

  it('refuses a shared indicator the basics do not have', () => {
    const input = { ...organ, indicators: { ...organ.indicators, basicSupport: ['canteen'] } }
    expect(() => scorecardTemplate(input)).toThrow('no shared indicator "canteen"')
  })

  it('refuses a dimension left without indicators, as scorecardForm does', () => {
    const { featured: _, ...indicators } = organ.indicators
    expect(() => scorecardTemplate({ ...organ, indicators })).toThrow(
      expect.objectContaining({ code: 'EMPTY_DIMENSION', path: 'dimensions[5].indicators' }),
    )
  })
})
