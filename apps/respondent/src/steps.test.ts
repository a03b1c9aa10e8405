import type { LinkView } from '@yardstick/sdk/link'
import { describe, expect, it } from 'vitest'
import { nextStep } from './steps'

const NOW = Date.parse('2026-06-01T10:00:00Z')

function view(overrides: Partial<LinkView> = {}): LinkView {
  return {
    campaign: {
      id: 1,
      name: '2026年度党支部综合评定',
      status: 'open',
      opensAt: '2026-01-01T00:00:00Z',
      closesAt: '2026-12-31T00:00:00Z',
      accepting: true,
    },
    unit: { id: 7, name: '办公室第一党支部' },
    source: 'members',
    answeredBy: 'members',
    anonymous: true,
    needsToken: true,
    needsSignIn: false,
    showScore: false,
    signedIn: false,
    timeLimit: null,
    form: { pages: [] },
    ...overrides,
  }
}

const timed = (startedAt: string | null, serverTime = new Date(NOW).toISOString()) => ({
  minutes: 20,
  graceSeconds: 60,
  startedAt,
  endsAt: startedAt ? new Date(Date.parse(startedAt) + 20 * 60_000).toISOString() : null,
  serverTime,
  questionCount: 30,
})

describe('nextStep', () => {
  const at = { token: '7KQ2-M9XD-0RTB-4HZC', receivedAt: NOW }

  it('shows the form of an open link with what it needs', () => {
    expect(nextStep(view(), at)).toMatchObject({ name: 'answer', clockOffset: 0 })
  })

  it('asks for a token the address did not bring', () => {
    expect(nextStep(view(), { ...at, token: undefined })).toEqual({
      name: 'token',
      signIn: false,
    })
  })

  it('says when a campaign opens, or that it closed, by its window', () => {
    const later = view({
      campaign: { ...view().campaign, accepting: false, opensAt: '2026-07-01T00:00:00Z' },
    })
    expect(nextStep(later, at)).toMatchObject({
      name: 'error',
      error: {
        code: 'campaignNotOpen',
        details: { status: 'open', opensAt: '2026-07-01T00:00:00Z' },
      },
    })
    const closed = view({ campaign: { ...view().campaign, status: 'closed', accepting: false } })
    expect(nextStep(closed, at)).toMatchObject({
      name: 'error',
      error: { details: { status: 'closed' } },
    })
  })

  it('sends a self-check to its workflow and an assessor signed out to sign in', () => {
    expect(nextStep(view({ source: 'self', answeredBy: 'selfCheck' }), at)).toMatchObject({
      name: 'error',
      error: { code: 'conflict' },
    })
    const superior = view({
      source: 'superior',
      answeredBy: 'assessors',
      anonymous: false,
      needsToken: false,
      needsSignIn: true,
    })
    expect(nextStep(superior, at)).toEqual({ name: 'signIn', view: superior })
    expect(nextStep({ ...superior, signedIn: true }, at)).toMatchObject({ name: 'answer' })
  })

  it('starts a timed quiz, counts on the server’s clock, and says time is up after the grace', () => {
    expect(nextStep(view({ timeLimit: timed(null) }), at)).toMatchObject({ name: 'start' })
    // The phone's clock is 25 minutes fast: the offset brings it back to the server's.
    const started = view({ timeLimit: timed(new Date(NOW - 60_000).toISOString()) })
    const fast = nextStep(started, { ...at, receivedAt: NOW + 25 * 60_000 })
    expect(fast).toMatchObject({ name: 'answer', clockOffset: -25 * 60_000 })
    const inGrace = view({ timeLimit: timed(new Date(NOW - 20 * 60_000 - 30_000).toISOString()) })
    expect(nextStep(inGrace, at)).toMatchObject({ name: 'answer' })
    const over = view({ timeLimit: timed(new Date(NOW - 20 * 60_000 - 61_000).toISOString()) })
    expect(nextStep(over, at)).toMatchObject({
      name: 'error',
      error: { code: 'timeLimitExceeded', details: { graceSeconds: 60 } },
    })
  })
})
