import { describe, expect, it } from 'vitest'
import { defaultDraft, toRequest } from './new-campaign'

describe('the new campaign request', () => {
  const draft = { ...defaultDraft(new Date('2026-03-01T09:00:00')), name: '知识竞赛', subtree: 7 }

  it('does not show respondents their score unless the office ticks it', () => {
    expect(draft.showScore).toBe(false)
    expect(toRequest(draft).showScore).toBe(false)
  })

  it('carries the ticked setting to POST /api/campaigns', () => {
    expect(toRequest({ ...draft, showScore: true })).toMatchObject({
      name: '知识竞赛',
      units: { subtree: 7 },
      showScore: true,
    })
  })
})

describe('the branches a new campaign assesses', () => {
  const draft = { ...defaultDraft(new Date('2026-03-01T09:00:00')), name: '季度考评', subtree: 7 }

  it('are every branch of the office unless some are chosen', () => {
    const body = toRequest(draft)
    expect(body.units).toEqual({ subtree: 7 })
    expect(body.orgId).toBeUndefined()
  })

  it('are exactly the chosen ones, run by the chosen office', () => {
    expect(toRequest({ ...draft, unitIds: [17, 19] })).toMatchObject({
      units: { ids: [17, 19] },
      orgId: 7,
    })
  })
})
