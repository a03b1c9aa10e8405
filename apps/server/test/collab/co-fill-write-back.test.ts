import { testStores } from '@yardstick/db/testing'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { CLOSE_REASONS } from '../../src/collab/close-codes'
import { DocStore } from '../../src/collab/doc-store'
import { answersHash } from '../../src/collab/response-doc'
import { completeAnswers } from '../../src/self-checks/test-campaign'
import { FOLLOW_UP, ITEM_A, ITEM_B, ITEM_C, useCoFill } from './co-fill-harness'
import { closedBy, eventually, startCollabServer, synced } from './collab-harness'

describe.each(await testStores())('co-filled answers and the self-check row on %s', (kind) => {
  const t = useCoFill(kind)

  it('[COL24] writes the co-filled answers back, so GET shows them after the members leave', async () => {
    const { campaignId, id } = await t.draft()
    const a = t.open(id, t.secretary)
    const b = t.open(id, t.member)
    await Promise.all([synced(a.provider), synced(b.provider)])
    a.answers.set(ITEM_A, 'no')
    a.answers.set(`${ITEM_A}_problem`, FOLLOW_UP)
    b.answers.set(ITEM_B, 'yes')
    // A value of the wrong type stays in the document but never reaches the row.
    b.answers.set(ITEM_C, { not: 'a choice' })
    await eventually(() => expect(a.answers.size).toBe(4))
    await t.leaveAll()
    await eventually(() => expect(t.server.collab.stats().loaded).not.toContain(`response:${id}`))
    const body = await t.stored(campaignId)
    expect(body.answers).toEqual({
      [ITEM_A]: 'no',
      [`${ITEM_A}_problem`]: FOLLOW_UP,
      [ITEM_B]: 'yes',
    })
    expect(body.problems.map((p: { question: string }) => p.question)).toEqual([ITEM_A])
  })

  it('[COL24] writes back when the document unloads and at shutdown, before the quiet time is up', async () => {
    const slow = await startCollabServer(t.f, { writeBackMs: 60_000 })
    let stopped = false
    try {
      const unloaded = await t.draft()
      const a = t.open(unloaded.id, t.secretary, slow.wsUrl)
      const b = t.open(unloaded.id, t.member, slow.wsUrl)
      await Promise.all([synced(a.provider), synced(b.provider)])
      a.answers.set(ITEM_A, 'yes')
      await eventually(() => expect(b.answers.get(ITEM_A)).toBe('yes'))
      expect((await t.stored(unloaded.campaignId)).answers).toEqual({})
      await t.leaveAll()
      await eventually(() => expect(slow.collab.stats().docs).toBe(0))
      expect((await t.stored(unloaded.campaignId)).answers).toEqual({ [ITEM_A]: 'yes' })
      const shutDown = await t.draft()
      const c = t.open(shutDown.id, t.secretary, slow.wsUrl)
      await synced(c.provider)
      c.answers.set(ITEM_B, 'no')
      await eventually(() =>
        expect(slow.collab.stats().loaded).toContain(`response:${shutDown.id}`),
      )
      await new Promise((resolve) => setTimeout(resolve, 100))
      expect((await t.stored(shutDown.campaignId)).answers).toEqual({})
      stopped = true
      await slow.stop()
      expect((await t.stored(shutDown.campaignId)).answers).toEqual({ [ITEM_B]: 'no' })
    } finally {
      if (!stopped) await slow.stop()
    }
  })

  it('[COL24] writes back while the members are still filling, and approval sees it', async () => {
    const { campaignId, id } = await t.draft()
    const a = t.open(id, t.secretary)
    const b = t.open(id, t.member)
    await Promise.all([synced(a.provider), synced(b.provider)])
    const answers = completeAnswers()
    const names = Object.keys(answers)
    for (const [i, name] of names.entries()) (i % 2 ? a : b).answers.set(name, answers[name])
    await eventually(async () => expect((await t.stored(campaignId)).answers).toEqual(answers))
    await t.step(campaignId, 'approve', { approvedOn: '2026-03-18' })
    expect((await t.stored(campaignId)).status).toBe('approved')
  })

  it('[COL25] freezes at once when the approval goes through this process, no revalidation needed', async () => {
    const { campaignId, id } = await t.draft()
    const a = t.open(id, t.secretary)
    const b = t.open(id, t.member)
    await Promise.all([synced(a.provider), synced(b.provider)])
    await t.fillAndStore(campaignId, a)
    const closes = [closedBy(a.provider), closedBy(b.provider)]
    // Through the HTTP app of the server that holds the live document (revalidation is 10 s).
    const approved = await fetch(
      `${t.server.url}/api/campaigns/${campaignId}/self-checks/${t.f.orgs.branch1}/approve`,
      {
        method: 'POST',
        headers: { authorization: `Bearer ${t.secretary}`, 'content-type': 'application/json' },
        body: JSON.stringify({ approvedOn: '2026-03-18' }),
      },
    )
    expect(approved.status).toBe(200)
    const forbidden = { code: CLOSE_REASONS.forbidden, reason: 'forbidden' }
    expect(await Promise.all(closes)).toEqual([forbidden, forbidden])
    expect(b.meta.get('status')).toBe('approved')
  })

  it('[COL25] freezes a live document when its self-check is approved: writers closed, readers stay', async () => {
    const { campaignId, id } = await t.draft()
    const a = t.open(id, t.secretary)
    const reader = t.open(id, await t.f.login('assessor'))
    await Promise.all([synced(a.provider), synced(reader.provider)])
    const answers = await t.fillAndStore(campaignId, a)
    await t.step(campaignId, 'approve', { approvedOn: '2026-03-18' })
    const closing = closedBy(a.provider)
    await t.server.collab.revalidate()
    expect(await closing).toEqual({ code: CLOSE_REASONS.forbidden, reason: 'forbidden' })
    await eventually(() => expect(reader.meta.get('status')).toBe('approved'))
    expect(a.meta.get('status')).toBe('approved')
    expect(reader.provider.wsconnected).toBe(true)
    const again = t.open(id, t.secretary)
    await synced(again.provider)
    again.answers.set(ITEM_A, 'no')
    await new Promise((resolve) => setTimeout(resolve, 200))
    expect(reader.answers.get(ITEM_A)).toBe('yes')
    expect((await t.stored(campaignId)).answers).toEqual(answers)
  })

  it('[COL25] freezes at the first write-back after approval, to the answers approved', async () => {
    const { campaignId, id } = await t.draft()
    const a = t.open(id, t.secretary)
    const reader = t.open(id, await t.f.login('assessor'))
    await Promise.all([synced(a.provider), synced(reader.provider)])
    const answers = await t.fillAndStore(campaignId, a)
    await t.step(campaignId, 'approve', { approvedOn: '2026-03-18' })
    // An edit racing the approval: its write-back finds the row approved.
    const closing = closedBy(a.provider)
    a.answers.set(ITEM_A, 'no')
    expect(await closing).toEqual({ code: CLOSE_REASONS.forbidden, reason: 'forbidden' })
    await eventually(() => {
      expect(reader.meta.get('status')).toBe('approved')
      expect(reader.answers.toJSON()).toEqual(answers)
    })
    const body = await t.stored(campaignId)
    expect(body.status).toBe('approved')
    expect(body.answers).toEqual(answers)
  })

  it('[COL25] opens a submitted self-check read-only for everybody, the secretary too', async () => {
    const { campaignId, id } = await t.draft()
    const answers = completeAnswers({ [ITEM_A]: FOLLOW_UP })
    const saved = await t.put(campaignId, answers)
    expect(saved.status).toBe(200)
    await t.step(campaignId, 'approve', { approvedOn: '2026-03-18' })
    await t.step(campaignId, 'announce')
    await t.step(campaignId, 'submit')
    const a = t.open(id, t.secretary)
    const b = t.open(id, t.member)
    await Promise.all([synced(a.provider), synced(b.provider)])
    expect(a.meta.get('status')).toBe('submitted')
    expect(a.answers.toJSON()).toEqual(answers)
    a.answers.set(ITEM_B, 'no')
    a.answers.delete(ITEM_A)
    await new Promise((resolve) => setTimeout(resolve, 300))
    expect(b.answers.toJSON()).toEqual(answers)
    expect(t.server.collab.stats().loaded).toContain(`response:${id}`)
    await t.leaveAll()
    const body = await t.stored(campaignId)
    expect(body.status).toBe('submitted')
    expect(body.answers).toEqual(answers)
  })

  it('[COL26] at load, a draft saved through REST meanwhile wins; a document newer than the row is written back', async () => {
    const { campaignId, id } = await t.draft()
    const first = t.open(id, t.secretary)
    await synced(first.provider)
    first.answers.set(ITEM_A, 'yes')
    await eventually(async () =>
      expect((await t.stored(campaignId)).answers).toEqual({ [ITEM_A]: 'yes' }),
    )
    await t.leaveAll()
    await eventually(() => expect(t.server.collab.stats().loaded).not.toContain(`response:${id}`))
    // Saved through REST while nobody co-fills: the row wins at the next load.
    const put = await t.put(campaignId, { [ITEM_B]: 'no' })
    expect(put.status).toBe(200)
    const second = t.open(id, t.member)
    await synced(second.provider)
    expect(second.answers.toJSON()).toEqual({ [ITEM_B]: 'no' })
    await t.leaveAll()
    await eventually(() => expect(t.server.collab.stats().loaded).not.toContain(`response:${id}`))
    // An update made durable whose write-back never happened (the server died between them).
    const doc = new Y.Doc()
    Y.applyUpdate(doc, await t.storedState(id))
    expect(doc.getMap('meta').get('savedHash')).toBe(answersHash({ [ITEM_B]: 'no' }))
    const before = Y.encodeStateVector(doc)
    doc.getMap('answers').set(ITEM_C, 'yes')
    await new DocStore(t.f.database).append(`response:${id}`, Y.encodeStateAsUpdate(doc, before))
    const third = t.open(id, t.secretary)
    await synced(third.provider)
    expect(third.answers.toJSON()).toEqual({ [ITEM_B]: 'no', [ITEM_C]: 'yes' })
    await eventually(async () =>
      expect((await t.stored(campaignId)).answers).toEqual({ [ITEM_B]: 'no', [ITEM_C]: 'yes' }),
    )
  })
})
