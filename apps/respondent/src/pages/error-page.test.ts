import { describe, expect, it } from 'vitest'
import { headingOf } from './ErrorPage'

const error = (code: string, details: unknown = null) => ({
  code,
  status: 409,
  message: '',
  details,
})
const NOW = Date.parse('2026-06-01T00:00:00Z')

describe('headingOf', () => {
  it('gives each refusal a respondent meets its own page', () => {
    expect(headingOf(error('notFound'))).toBe('notFound')
    expect(headingOf(error('tokenUsed'))).toBe('tokenUsed')
    expect(headingOf(error('tokenInvalid'))).toBe('tokenInvalid')
    expect(headingOf(error('timeLimitExceeded'))).toBe('timeUp')
    expect(headingOf(error('conflict'))).toBe('workflow')
  })

  it('tells a campaign not yet open from one that closed, by its window', () => {
    const later = {
      status: 'open',
      opensAt: '2026-07-01T00:00:00Z',
      closesAt: '2026-08-01T00:00:00Z',
    }
    expect(headingOf(error('campaignNotOpen', later), NOW)).toBe('notYetOpen')
    expect(headingOf(error('campaignNotOpen', { ...later, status: 'closed' }), NOW)).toBe('closed')
    // A campaign still in draft has not opened, whatever its window says.
    const draft = {
      status: 'draft',
      opensAt: '2026-05-01T00:00:00Z',
      closesAt: '2026-08-01T00:00:00Z',
    }
    expect(headingOf(error('campaignNotOpen', draft), NOW)).toBe('notYetOpen')
    const past = {
      status: 'open',
      opensAt: '2026-01-01T00:00:00Z',
      closesAt: '2026-02-01T00:00:00Z',
    }
    expect(headingOf(error('campaignNotOpen', past), NOW)).toBe('closed')
  })

  it('keeps any other code on the general page, never the server’s words', () => {
    expect(headingOf(error('internal'))).toBe('failed')
    expect(headingOf(error('badResponse'))).toBe('failed')
  })
})
