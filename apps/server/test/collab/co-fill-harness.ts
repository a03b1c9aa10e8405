import type { DatabaseKind } from '@yardstick/db'
import { signedInWebSocket } from '@yardstick/testing'
import { afterAll, afterEach, beforeAll, expect } from 'vitest'
import WebSocket from 'ws'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import type { CollabOptions } from '../../src/collab/collab-server'
import { DocStore } from '../../src/collab/doc-store'
import { createUser } from '../../src/orgs/org-tree'
import {
  completeAnswers,
  SELF_CHECK_ITEMS,
  selfCheckCampaign,
} from '../../src/self-checks/test-campaign'
import { createFixture, type Fixture, PASSWORD } from '../harness'
import { type CollabTestServer, eventually, startCollabServer } from './collab-harness'

/** Three of the self-check's yes/no items. */
export const [ITEM_A = '', ITEM_B = '', ITEM_C = ''] = SELF_CHECK_ITEMS

/** The follow-up entry of a "no". */
export const FOLLOW_UP = {
  description: '学习不经常',
  measure: '每月集中学习',
  owner: '张书记',
  deadline: '2026-06-30',
}

/** What a co-filling test works with; filled in by `useCoFill`'s `beforeAll`. */
export interface CoFillTest {
  f: Fixture
  server: CollabTestServer
  /** Branch 1's secretary and a second member of its committee (组织委员, same role). */
  secretary: string
  member: string
  /** A `WebsocketProvider` on `/collab/response/:id` (no BroadcastChannel), closed after each test. */
  open: (
    selfCheckId: number,
    token: string,
    wsUrl?: string,
  ) => { doc: Y.Doc; provider: WebsocketProvider; answers: Y.Map<unknown>; meta: Y.Map<unknown> }
  /** A fresh campaign and branch 1's self-check in it, as a draft saved empty. */
  draft: () => Promise<{ campaignId: number; id: number }>
  /** `GET /api/campaigns/:id/self-checks/:branch1` as the secretary. */
  stored: (campaignId: number) => Promise<any>
  /** `PUT` of the draft's answers; the response. */
  put: (campaignId: number, answers: Record<string, unknown>) => Promise<{ status: number }>
  /**
   * Answers every item through `member`'s document in one transaction and waits until the row
   * holds them (the write-back); returns the answers.
   */
  fillAndStore: (
    campaignId: number,
    member: { doc: Y.Doc; answers: Y.Map<unknown> },
  ) => Promise<Record<string, unknown>>
  /** A workflow step (`approve`, `announce`, `submit`) that must succeed. */
  step: (campaignId: number, name: string, body?: unknown) => Promise<void>
  /** Closes every provider and waits until the server has no connection left. */
  leaveAll: () => Promise<void>
  /** What is stored of a response document, folded into one update. */
  storedState: (selfCheckId: number) => Promise<Uint8Array>
}

/**
 * Registers the hooks of a co-filling suite on one database kind: a fixture, a real server
 * (`writeBackMs` 50, then `options`) and two committee members signed in.
 *
 * @example
 * const t = useCoFill(kind)
 * it('…', async () => { const { id } = await t.draft() })
 */
export function useCoFill(kind: DatabaseKind, options: Partial<CollabOptions> = {}): CoFillTest {
  const providers: WebsocketProvider[] = []
  const t = {} as CoFillTest
  const url = (campaignId: number, step = '') =>
    `/api/campaigns/${campaignId}/self-checks/${t.f.orgs.branch1}${step ? `/${step}` : ''}`

  t.open = (selfCheckId, token, wsUrl = t.server.wsUrl) => {
    const doc = new Y.Doc()
    const provider = new WebsocketProvider(wsUrl, `response/${selfCheckId}`, doc, {
      WebSocketPolyfill: signedInWebSocket(WebSocket, token),
      disableBc: true,
      maxBackoffTime: 200,
    })
    providers.push(provider)
    return { doc, provider, answers: doc.getMap('answers'), meta: doc.getMap('meta') }
  }
  t.draft = async () => {
    const campaignId = await selfCheckCampaign(t.f)
    // Reading creates nothing (issue 16, item 11): the first save brings the self-check about.
    const { body } = await t.f.call('PUT', url(campaignId), {
      token: t.secretary,
      body: { answers: {} },
    })
    return { campaignId, id: body.id as number }
  }
  t.stored = async (campaignId) =>
    (await t.f.call('GET', url(campaignId), { token: t.secretary })).body
  t.put = (campaignId, answers) =>
    t.f.call('PUT', url(campaignId), { token: t.secretary, body: { answers } })
  t.fillAndStore = async (campaignId, member) => {
    const answers = completeAnswers()
    member.doc.transact(() => {
      for (const [name, value] of Object.entries(answers)) member.answers.set(name, value)
    })
    await eventually(async () => expect((await t.stored(campaignId)).answers).toEqual(answers))
    return answers
  }
  t.step = async (campaignId, name, body) => {
    const response = await t.f.call('POST', url(campaignId, name), { token: t.secretary, body })
    if (response.status !== 200) throw new Error(`${name}: ${JSON.stringify(response.body)}`)
  }
  t.leaveAll = async () => {
    for (const provider of providers.splice(0)) provider.destroy()
    await eventually(() => expect(t.server.collab.stats().connections).toBe(0))
  }
  t.storedState = async (selfCheckId) => {
    const { snapshot, updates } = await new DocStore(t.f.database).load(`response:${selfCheckId}`)
    const doc = new Y.Doc()
    if (snapshot) Y.applyUpdate(doc, snapshot)
    for (const { update } of updates) Y.applyUpdate(doc, update)
    return Y.encodeStateAsUpdate(doc)
  }

  beforeAll(async () => {
    t.f = await createFixture(kind)
    t.server = await startCollabServer(t.f, { writeBackMs: 50, ...options })
    t.secretary = await t.f.login('secretary')
    const email = 'organizer@example.org'
    await createUser(t.f.database.db, {
      email,
      name: '组织委员',
      password: PASSWORD,
      grants: [{ role: 'secretary', orgId: t.f.orgs.branch1 }],
    })
    const login = await t.f.call('POST', '/api/auth/login', {
      body: { email, password: PASSWORD },
    })
    t.member = login.body.token
  })
  afterEach(() => {
    for (const provider of providers.splice(0)) provider.destroy()
  })
  afterAll(async () => {
    await t.server.stop()
    await t.f.close()
  })
  return t
}
