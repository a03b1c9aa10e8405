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
