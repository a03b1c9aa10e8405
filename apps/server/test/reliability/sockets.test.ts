// Sockets: origin, logout, archived forms (issue 16, items 7 and 9). A page of another site
// cannot open a co-editing socket on a user's cookie, a token never travels in the socket's URL,
// signing out ends that session's sockets before the answer, and an archived form is read-only
// on the socket as it is over REST. `YS_CHAOS=1` (`pnpm chaos`) signs out a session holding more
// sockets; the figures it prints go into RELIABILITY.md.
import { testStores } from '@yardstick/db/testing'
import * as encoding from 'lib0/encoding'
import { describe, expect, it } from 'vitest'
import type WebSocket from 'ws'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { admitToForm } from '../../src/collab/authorize'
import { CLOSE_REASONS } from '../../src/collab/close-codes'
import { DocStore } from '../../src/collab/doc-store'
import {
  closedBy,
  connect,
  cookieSocket,
  createForm,
  eventually,
  message,
  rawSocket,
  sessionHeaders,
  startCollabServer,
  synced,
  useCollabSuite,
} from '../collab/collab-harness'
import { REDIS_URL, redisPrefix, scaleOutReady } from '../collab/redis'
import { createFixture } from '../harness'

const CHAOS = process.env.YS_CHAOS === '1'
/** Sockets of the session that signs out, spread over `FORMS` forms. */
const SOCKETS = CHAOS ? 400 : 24
const FORMS = CHAOS ? 40 : 4

/** A sync update message (type 0, step 2) carrying `update`. */
const updateMessage = (update: Uint8Array) =>
  message(
    (e) => encoding.writeVarUint(e, 0),
    (e) => encoding.writeVarUint(e, 2),
    (e) => encoding.writeVarUint8Array(e, update),
  )

/** An update from a client the server never saw, inserting `text` at the title's start. */
function titleInsert(text: string): Uint8Array {
  const doc = new Y.Doc()
  doc.getText('title').insert(0, text)
  return Y.encodeStateAsUpdate(doc)
}

/** Waits for the next message a provider's socket receives (the server answered). */
function nextMessage(provider: WebsocketProvider): Promise<void> {
  return new Promise((resolve) =>
    (provider.ws as unknown as WebSocket).once('message', () => resolve()),
  )
}

/**
 * An admission that reads the session, then (the first time only) waits at a gate: `checked`
 * settles once it has read, `release` lets it on. What happens in between is the test.
 */
function gatedAdmission(db: Parameters<typeof admitToForm>[0]) {
  let reached = () => {}
  const checked = new Promise<void>((resolve) => {
    reached = resolve
  })
  let release = () => {}
  const gate = new Promise<void>((resolve) => {
    release = resolve
  })
  let admissions = 0
  const admit = async (token: string | null, formId: number) => {
    const admission = await admitToForm(db, token, formId)
    if (++admissions === 1) {
      reached()
      await gate
    }
    return admission
  }
  return { admit, checked, release }
}

describe.each(await testStores())('sockets: origin, logout, archived forms on %s', (kind) => {
  const t = useCollabSuite(kind)
  const open = (client: ReturnType<typeof connect>) => {
    t.providers.push(client.provider)
    return client
  }
  /** The title as the database has it: snapshot and log, loaded by a fresh store. */
  const storedTitle = async (formId: number) => {
    await t.server.collab.loadedDoc(formId)?.idle()
    const stored = await new DocStore(t.f.database).load(`form:${formId}`)
    const doc = new Y.Doc()
    if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot)
    for (const { update } of stored.updates) Y.applyUpdate(doc, update)
    return doc.getText('title').toString()
  }
  const call = (method: string, path: string, token: string) =>
    fetch(`${t.server.url}${path}`, { method, headers: { authorization: `Bearer ${token}` } })

  it('[COL2] refuses a foreign Origin at the upgrade, admits its own origin by the cookie alone', async () => {
    const formId = await createForm(t.f)
    const cookie = `yardstick_session=${t.token}`
    // A page of another site, riding the user's cookie (cross-site WebSocket hijacking).
    const foreign = rawSocket(`${t.server.wsUrl}/${formId}`, {
      headers: { cookie, origin: 'https://evil.example' },
    })
    await expect(foreign).rejects.toThrow(/403/)
    // The designer's own page: the cookie its browser sends, no token anywhere else.
    const doc = new Y.Doc()
    const page = new WebsocketProvider(t.server.wsUrl, String(formId), doc, {
      WebSocketPolyfill: cookieSocket(t.token, t.server.url),
      disableBc: true,
    })
    t.providers.push(page)
    await synced(page)
    doc.getText('title').insert(0, 'from the page')
    await eventually(async () => expect(await storedTitle(formId)).toBe('from the page'))
  })

  it('[COL2] admits a program without Origin only with a valid session, and never reads a token from the URL', async () => {
    const formId = await createForm(t.f)
    const program = open(connect(t.server.wsUrl, formId, t.token))
    await synced(program.provider)
    const anonymous = await rawSocket(`${t.server.wsUrl}/${formId}`)
    expect(await anonymous.closed).toEqual({
      code: CLOSE_REASONS.unauthenticated,
      reason: 'unauthenticated',
    })
    // The old way: a token in the URL lands in proxy logs and history; it signs nobody in.
    const inUrl = await rawSocket(`${t.server.wsUrl}/${formId}?token=${t.token}`)
    expect(await inUrl.closed).toEqual({
      code: CLOSE_REASONS.unauthenticated,
      reason: 'unauthenticated',
    })
    expect(inUrl.received).toEqual([])
  })

  it('[COL3] admits an archived form read-only: it syncs, its updates never reach the store, nobody else is closed', async () => {
    const formId = await createForm(t.f)
    const before = open(connect(t.server.wsUrl, formId, t.token))
    await synced(before.provider)
    before.doc.getText('title').insert(0, 'kept')
    await eventually(async () => expect(await storedTitle(formId)).toBe('kept'))
    before.provider.destroy()
    expect((await call('POST', `/api/forms/${formId}/archive`, t.token)).status).toBe(200)

    const editor = open(connect(t.server.wsUrl, formId, t.token))
    const reviewer = open(connect(t.server.wsUrl, formId, await t.f.login('reviewer')))
    await Promise.all([synced(editor.provider), synced(reviewer.provider)])
    expect(editor.doc.getText('title').toString()).toBe('kept')
    editor.doc.getText('title').insert(0, 'lost ')
    // A round trip on the same socket: the server has handled the update once it answers.
    const answered = nextMessage(editor.provider)
    editor.provider.ws?.send(
      message(
        (e) => encoding.writeVarUint(e, 0),
        (e) => encoding.writeVarUint(e, 0),
        (e) => encoding.writeVarUint8Array(e, Y.encodeStateVector(new Y.Doc())),
      ),
    )
    await answered
    expect(await storedTitle(formId)).toBe('kept')
    expect(t.server.collab.loadedDoc(formId)?.doc.getText('title').toString()).toBe('kept')
    expect(reviewer.doc.getText('title').toString()).toBe('kept')
    expect(editor.provider.wsconnected).toBe(true)
    expect(reviewer.provider.wsconnected).toBe(true)
  })

  it('[COL3] archiving closes the writers connected to the form at once, its readers stay', async () => {
    const formId = await createForm(t.f)
    const writer = open(connect(t.server.wsUrl, formId, t.token))
    const reviewer = open(connect(t.server.wsUrl, formId, await t.f.login('reviewer')))
    await Promise.all([synced(writer.provider), synced(reviewer.provider)])
    const closed = closedBy(writer.provider)
    expect((await call('POST', `/api/forms/${formId}/archive`, t.token)).status).toBe(200)
    // Closed before the archive request answered, not at the next revalidation (10 s): the
    // server holds the reviewer's connection alone.
    expect(t.server.collab.loadedDoc(formId)?.conns.size).toBe(1)
    expect((await closed).code).toBe(CLOSE_REASONS.forbidden)
    expect(reviewer.provider.wsconnected).toBe(true)
  })

  it(`[COL9] signing out closes that session's ${SOCKETS} sockets before it answers; nothing sent on them afterwards is stored`, async () => {
    const leaving = await t.f.login('editor')
    const staying = await t.f.login('editor')
    const forms = await Promise.all(Array.from({ length: FORMS }, () => createForm(t.f)))
    const stayers = forms.map((formId) => open(connect(t.server.wsUrl, formId, staying)).provider)
    // Loading many documents at once on a loaded machine takes a while: a minute's room.
    await Promise.all(stayers.map((p) => synced(p, 60_000)))
    const sockets = await Promise.all(
      Array.from({ length: SOCKETS }, async (_, i) => {
        const formId = forms[i % FORMS] as number
        const socket = await rawSocket(`${t.server.wsUrl}/${formId}`, sessionHeaders(leaving))
        // Admitted: the server's sync step 1 arrived.
        await eventually(() => expect(socket.received.length).toBeGreaterThan(0), 60_000)
        return { formId, ...socket }
      }),
    )
    const started = performance.now()
    expect((await call('POST', '/api/auth/logout', leaving)).status).toBe(204)
    const answeredMs = performance.now() - started
    // Each old socket tries one more edit the moment sign-out has answered.
    for (const socket of sockets) {
      socket.ws.send(updateMessage(titleInsert(`after sign-out ${socket.formId}`)), () => {})
    }
    const closes = await Promise.all(
      sockets.map(async (s) => ({ ...(await s.closed), ms: performance.now() - started })),
    )
    expect(new Set(closes.map((c) => c.code))).toEqual(new Set([CLOSE_REASONS.unauthenticated]))
    for (const formId of forms) expect(await storedTitle(formId)).toBe('')
    // The same user's other session goes on editing.
    expect(stayers.every((p) => p.wsconnected)).toBe(true)
    const first = forms[0] as number
    ;(stayers[0] as WebsocketProvider).doc.getText('title').insert(0, 'still here')
    await eventually(async () => expect(await storedTitle(first)).toBe('still here'))
    const lastClose = Math.max(...closes.map((c) => c.ms))
    console.log(
      `sockets ${kind}: sign-out of a session with ${SOCKETS} sockets on ${FORMS} forms answered in ${answeredMs.toFixed(0)} ms; ` +
        `every socket closed (4401) ${lastClose.toFixed(0)} ms after the request began; edits stored after sign-out: 0`,
    )
  }, 180_000)

  it('[COL9] a socket still being admitted when its session signs out is closed too', async () => {
    // Admission reads a valid session, then waits: sign-out happens between the read and the join.
    const { admit, checked, release } = gatedAdmission(t.f.database.db)
    const server = await startCollabServer(t.f, { revalidateMs: 600_000, admit })
    try {
      const token = await t.f.login('editor')
      const formId = await createForm(t.f)
      const socket = await rawSocket(`${server.wsUrl}/${formId}`, sessionHeaders(token))
      await checked
      const logout = await fetch(`${server.url}/api/auth/logout`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}` },
      })
      expect(logout.status).toBe(204)
      release()
      expect(await socket.closed).toEqual({
        code: CLOSE_REASONS.unauthenticated,
        reason: 'unauthenticated',
      })
      expect(server.collab.stats().connections).toBe(0)
    } finally {
      await server.stop()
    }
  })

  // Last in this suite: it deactivates the reviewer.
  it('[COL9] a socket still being admitted when its user is deactivated is closed too', async () => {
    // The first admission reads the session while it is valid, then waits: the user is
    // deactivated between the read and the join, and nothing yet says whose socket this is.
    const { admit, checked, release } = gatedAdmission(t.f.database.db)
    const server = await startCollabServer(t.f, { revalidateMs: 600_000, admit })
    try {
      const admin = await t.f.login('admin')
      const token = await t.f.login('reviewer')
      const formId = await createForm(t.f)
      const socket = await rawSocket(`${server.wsUrl}/${formId}`, sessionHeaders(token))
      await checked
      const deactivated = await fetch(
        `${server.url}/api/users/${t.f.users.reviewer.id}/deactivate`,
        {
          method: 'POST',
          headers: { authorization: `Bearer ${admin}` },
        },
      )
      expect(deactivated.status).toBe(200)
      release()
      const outcome = await Promise.race([
        socket.closed,
        new Promise((resolve) => setTimeout(() => resolve('still open after 5 s'), 5_000)),
      ])
      expect(outcome).toEqual({ code: CLOSE_REASONS.unauthenticated, reason: 'unauthenticated' })
      expect(server.collab.stats().connections).toBe(0)
    } finally {
      await server.stop()
    }
  })
})

const redisReady = await scaleOutReady('the sockets test across processes')

describe.runIf(redisReady)('sockets across two processes sharing Redis', () => {
  it('[COL9] signing out on one process closes the session’s sockets on the other at once, not at its next revalidation', async () => {
    const f = await createFixture('postgres')
    const shared = { redisUrl: REDIS_URL, redisPrefix: redisPrefix(), revalidateMs: 600_000 }
    const one = await startCollabServer(f, shared)
    const two = await startCollabServer(f, shared)
    try {
      const token = await f.login('editor')
      const other = await f.login('editor')
      const formId = await createForm(f)
      const leaving = connect(two.wsUrl, formId, token)
      const staying = connect(two.wsUrl, formId, other)
      await Promise.all([synced(leaving.provider), synced(staying.provider)])
      const closed = closedBy(leaving.provider)
      const logout = await fetch(`${one.url}/api/auth/logout`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}` },
      })
      expect(logout.status).toBe(204)
      expect(await closed).toEqual({
        code: CLOSE_REASONS.unauthenticated,
        reason: 'unauthenticated',
      })
      expect(staying.provider.wsconnected).toBe(true)
      leaving.provider.destroy()
      staying.provider.destroy()
    } finally {
      await one.stop()
      await two.stop()
      await f.close()
    }
  })
})
