import { schema } from '@yardstick/db'
import { testStores } from '@yardstick/db/testing'
import { templates } from '@yardstick/sdk'
import { eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { CLOSE_REASONS } from '../../src/collab/close-codes'
import { answersHash, seedResponseState } from '../../src/collab/response-doc'
import { SELF_CHECK_ITEMS } from '../../src/self-checks/test-campaign'
import { FOLLOW_UP, ITEM_A, ITEM_B, ITEM_C, useCoFill } from './co-fill-harness'
import { closedBy, eventually, synced } from './collab-harness'

// survey-react-ui (3.0.0, beside survey-core 3.1.1) reports the version pair on import.
const quiet = console.error
console.error = (...args: unknown[]) => {
  if (!String(args[0]).includes('SurveyJS libraries should have the same versions')) quiet(...args)
}
const { createCoFill, createSurveyModel } = await import('@yardstick/sdk/react')
console.error = quiet

describe.each(await testStores())('co-filling a self-check on %s', (kind) => {
  const t = useCoFill(kind)

  it('[COL22] lets two committee members fill one self-check live, each seeing the other', async () => {
    const { id } = await t.draft()
    const a = t.open(id, t.secretary)
    const b = t.open(id, t.member)
    await Promise.all([synced(a.provider), synced(b.provider)])
    a.answers.set(ITEM_A, 'no')
    a.answers.set(`${ITEM_A}_problem`, FOLLOW_UP)
    b.answers.set(ITEM_B, 'yes')
    await eventually(() => {
      expect(b.answers.toJSON()).toEqual({
        [ITEM_A]: 'no',
        [`${ITEM_A}_problem`]: FOLLOW_UP,
        [ITEM_B]: 'yes',
      })
      expect(a.answers.toJSON()).toEqual(b.answers.toJSON())
    })
  })

  it('[COL22] merges what a member filled offline when it reconnects', async () => {
    const { campaignId, id } = await t.draft()
    const a = t.open(id, t.secretary)
    const b = t.open(id, t.member)
    await Promise.all([synced(a.provider), synced(b.provider)])
    a.provider.disconnect()
    a.answers.set(ITEM_A, 'yes')
    b.answers.set(ITEM_B, 'no')
    await new Promise((resolve) => setTimeout(resolve, 100))
    expect(b.answers.has(ITEM_A)).toBe(false)
    a.provider.connect()
    const both = { [ITEM_A]: 'yes', [ITEM_B]: 'no' }
    await eventually(() => {
      expect(a.answers.toJSON()).toEqual(both)
      expect(b.answers.toJSON()).toEqual(both)
    })
    await eventually(async () => expect((await t.stored(campaignId)).answers).toEqual(both))
  })

  it('[COL22] seeds the document once, on the server, from the stored draft', async () => {
    const { campaignId, id } = await t.draft()
    const saved = await t.put(campaignId, { [ITEM_A]: 'yes' })
    expect(saved.status).toBe(200)
    const [a, b] = [t.open(id, t.secretary), t.open(id, t.member)]
    await Promise.all([synced(a.provider), synced(b.provider)])
    expect(a.answers.toJSON()).toEqual({ [ITEM_A]: 'yes' })
    expect(b.answers.toJSON()).toEqual({ [ITEM_A]: 'yes' })
    expect(a.meta.get('status')).toBe('draft')
    const snapshots = await t.f.database.db
      .select()
      .from(schema.docSnapshots)
      .where(eq(schema.docSnapshots.docName, `response:${id}`))
    expect(snapshots).toHaveLength(1)
  })

  it('[COL23] refuses an outsider with 4403, an unknown self-check with 4404, no token with 4401', async () => {
    const { id } = await t.draft()
    const outsider = t.open(id, await t.f.login('outsider'))
    expect(await closedBy(outsider.provider)).toEqual({
      code: CLOSE_REASONS.forbidden,
      reason: 'forbidden',
    })
    expect(outsider.answers.size).toBe(0)
    const missing = t.open(999_999, t.secretary)
    expect(await closedBy(missing.provider)).toEqual({
      code: CLOSE_REASONS.notFound,
      reason: 'notFound',
    })
    const anonymous = t.open(id, '')
    expect((await closedBy(anonymous.provider)).code).toBe(CLOSE_REASONS.unauthenticated)
  })

  it('[COL23] lets an assessor reaching the branch read live, and never lands its writes', async () => {
    const { campaignId, id } = await t.draft()
    const writer = t.open(id, t.secretary)
    const assessor = t.open(id, await t.f.login('assessor'))
    await Promise.all([synced(writer.provider), synced(assessor.provider)])
    assessor.answers.set(ITEM_C, 'no')
    writer.answers.set(ITEM_A, 'yes')
    await eventually(() => expect(assessor.answers.get(ITEM_A)).toBe('yes'))
    await eventually(async () =>
      expect((await t.stored(campaignId)).answers).toEqual({ [ITEM_A]: 'yes' }),
    )
    expect(writer.answers.has(ITEM_C)).toBe(false)
  })

  it('[COL22] converges two SurveyJS models filled through CollaborationPlugin and the SDK transport', async () => {
    const { campaignId, id } = await t.draft()
    const filler = (token: string, name: string) => {
      const client = t.open(id, token)
      const model = createSurveyModel(templates.selfCheck)
      const coFill = createCoFill(model, {
        doc: client.doc,
        provider: client.provider,
        user: { name },
        bar: false,
        history: false,
      })
      return { ...client, model, coFill }
    }
    const a = filler(t.secretary, '张书记')
    const b = filler(t.member, '李委员')
    await Promise.all([synced(a.provider), synced(b.provider)])
    await eventually(() => expect(a.coFill.plugin.status).toBe('connected'))
    a.model.setValue(ITEM_A, 'no')
    a.model.setValue(`${ITEM_A}_problem`, FOLLOW_UP)
    b.model.setValue(ITEM_B, 'yes')
    b.model.setComment(ITEM_B, '按月学习')
    await eventually(() => {
      expect(b.model.data).toEqual({
        [ITEM_A]: 'no',
        [`${ITEM_A}_problem`]: FOLLOW_UP,
        [ITEM_B]: 'yes',
        [`${ITEM_B}-Comment`]: '按月学习',
      })
      expect(a.model.data).toEqual(b.model.data)
    })
    // Clearing travels too.
    b.model.clearValue(`${ITEM_A}_problem`)
    await eventually(() => expect(a.model.getValue(`${ITEM_A}_problem`)).toBeUndefined())
    expect(a.answers.toJSON()).toEqual(b.answers.toJSON())
    // Each sees the other as a peer, by name.
    await eventually(() => {
      expect([...a.coFill.plugin.peers.values()].map((p) => p.name)).toEqual(['李委员'])
      expect([...b.coFill.plugin.peers.values()].map((p) => p.name)).toEqual(['张书记'])
    })
    // The row takes what the REST draft rule admits: this item has no comment box.
    await eventually(async () =>
      expect((await t.stored(campaignId)).answers).toEqual({ [ITEM_A]: 'no', [ITEM_B]: 'yes' }),
    )
    // Once the self-check is approved elsewhere, both surveys turn read-only.
    a.model.setValue(`${ITEM_A}_problem`, FOLLOW_UP)
    for (const name of SELF_CHECK_ITEMS.slice(1)) a.model.setValue(name, 'yes')
    await eventually(async () => expect((await t.stored(campaignId)).pending).toEqual([]))
    await t.step(campaignId, 'approve', { approvedOn: '2026-03-18' })
    await t.server.collab.revalidate()
    await eventually(() => {
      expect(a.model.readOnly && b.model.readOnly).toBe(true)
      expect(b.coFill.frozen).toBe(true)
    })
    a.coFill.destroy()
    b.coFill.destroy()
  })
})

// Keeps the seed's own encoding under test: a stored draft becomes the first document state.
describe('a response document seed', () => {
  it('[COL22] holds the stored answers, the status and the hash of those answers', () => {
    const doc = new Y.Doc()
    Y.applyUpdate(doc, seedResponseState({ [ITEM_A]: 'yes', skipped: null }, 'draft'))
    expect(doc.getMap('answers').toJSON()).toEqual({ [ITEM_A]: 'yes' })
    expect(doc.getMap('meta').toJSON()).toEqual({
      status: 'draft',
      savedHash: answersHash({ [ITEM_A]: 'yes', skipped: null }),
    })
  })
})
