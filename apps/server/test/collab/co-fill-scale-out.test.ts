import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CLOSE_REASONS } from '../../src/collab/close-codes'
import { completeAnswers } from '../../src/self-checks/test-campaign'
import { FOLLOW_UP, ITEM_A, useCoFill } from './co-fill-harness'
import {
  type CollabTestServer,
  closedBy,
  eventually,
  startCollabServer,
  synced,
} from './collab-harness'
import { REDIS_URL, redisPrefix, scaleOutReady } from './redis'

const ready = await scaleOutReady('the co-filling scale-out test')

describe.runIf(ready)('co-filling one self-check through two servers sharing Redis', () => {
  const shared = { redisUrl: REDIS_URL, redisPrefix: redisPrefix() }
  const t = useCoFill('postgres', shared)
  let second: CollabTestServer
  beforeAll(async () => {
    second = await startCollabServer(t.f, { writeBackMs: 50, ...shared })
  })
  afterAll(() => second.stop())

  it('[COL18][COL22] shows each member the other live, writes every answer back to the row, and freezes both at approval', async () => {
    const { campaignId, id } = await t.draft()
    const a = t.open(id, t.secretary)
    const b = t.open(id, t.member, second.wsUrl)
    await Promise.all([synced(a.provider), synced(b.provider)])

    // Every item answered, half on each server; item A a "no" with its follow-up.
    const both = completeAnswers({ [ITEM_A]: FOLLOW_UP })
    for (const [i, [name, value]] of Object.entries(both).entries()) {
      ;(i % 2 ? a : b).answers.set(name, value)
    }
    b.provider.awareness.setLocalStateField('user', { name: '组织委员' })
    await eventually(() => {
      expect(a.answers.toJSON()).toEqual(both)
      expect(b.answers.toJSON()).toEqual(both)
      expect(a.provider.awareness.getStates().get(b.doc.clientID)).toMatchObject({
        user: { name: '组织委员' },
      })
    })
    await eventually(async () => expect((await t.stored(campaignId)).answers).toEqual(both))

    await t.step(campaignId, 'approve', { approvedOn: '2026-03-18' })
    const closes = [closedBy(a.provider), closedBy(b.provider)]
    await Promise.all([t.server.collab.revalidate(), second.collab.revalidate()])
    const forbidden = { code: CLOSE_REASONS.forbidden, reason: 'forbidden' }
    expect(await Promise.all(closes)).toEqual([forbidden, forbidden])
    for (const member of [a, b]) {
      expect(member.meta.get('status')).toBe('approved')
      expect(member.answers.toJSON()).toEqual(both)
    }
    expect((await t.stored(campaignId)).answers).toEqual(both)
  })
})
