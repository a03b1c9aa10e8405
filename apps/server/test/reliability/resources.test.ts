// Resources (issue 16 "keep proving", RELIABILITY.md "Resources: idle sockets, open documents,
// slow readers"): what idle co-editing sockets, many open documents and a reader that never
// reads cost the server, in memory and in /api/health latency, beside the idle baseline of the
// same run. The server runs in its own process, so its memory is its own; the clients run here.
// CI-sized by default; `YS_CHAOS=1` (`pnpm chaos`) takes the issue's numbers. The figures are
// printed (`resources …` lines) for RELIABILITY.md; the test asserts invariants only.
import { mkdtempSync, rmSync } from 'node:fs'
import type { Socket } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { kill9, type ServerProcess, startServerProcess } from '@yardstick/testing'
import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import pLimit from 'p-limit'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type WebSocket from 'ws'
import * as syncProtocol from 'y-protocols/sync'
import * as Y from 'yjs'
import { CLOSE_REASONS } from '../../src/collab/close-codes'
import { connect, eventually, rawSocket, sessionHeaders, synced } from '../collab/collab-harness'

const CHAOS = process.env.YS_CHAOS === '1'
/** Idle sockets, and how many forms they are spread over (editors per form: 50). */
const IDLE_SOCKETS = CHAOS ? 2000 : 300
const IDLE_FORMS = IDLE_SOCKETS / 50
/** Documents opened at once, one socket each. */
const OPEN_DOCUMENTS = CHAOS ? 1000 : 100
/** What streams to the slow reader's document: updates of CHUNK characters, inserted and deleted. */
const STREAMED_UPDATES = CHAOS ? 400 : 120
const CHUNK = 256 * 1024
/** /api/health requests per measurement. */
const HEALTH_REQUESTS = CHAOS ? 500 : 100

/** The server's slow-reader threshold (`maxBufferedBytes`, its default: SPEC [COL10]). */
const MAX_BUFFERED = 4 * 1024 * 1024
/** Generous bounds: an order of magnitude above what was measured (RELIABILITY.md). */
const HEAP_PER_IDLE_SOCKET = 256 * 1024
const HEAP_PER_OPEN_DOCUMENT = 2 * 1024 * 1024
/** What the kernel may hold on loopback between a server and a reader that stopped reading. */
const SOCKET_BUFFERS = 16 * 1024 * 1024

const ADMIN = { ADMIN_EMAIL: 'chief@example.org', ADMIN_PASSWORD: 'chief-password-1' }
const MiB = 1024 * 1024
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/** The server's memory after a full collection (its SIGUSR2 handler; needs --expose-gc). */
async function serverMemory(server: ServerProcess): Promise<{ rss: number; heap: number }> {
  const before = server.output().length
  server.child.kill('SIGUSR2')
  for (;;) {
    const match = server
      .output()
      .slice(before)
      .match(/memory (\{.*\})/)
    if (match?.[1]) {
      const usage = JSON.parse(match[1]) as NodeJS.MemoryUsage
      return { rss: usage.rss, heap: usage.heapUsed + usage.external }
    }
    await sleep(20)
  }
}

/** p50 and p95 of HEALTH_REQUESTS sequential /api/health requests; every one must answer ok. */
async function healthLatency(url: string): Promise<{ p50: number; p95: number }> {
  const times: number[] = []
  for (let i = 0; i < HEALTH_REQUESTS; i++) {
    const started = performance.now()
    const response = await fetch(`${url}/api/health`)
    const body = (await response.json()) as { ok: boolean }
    times.push(performance.now() - started)
    expect(response.status).toBe(200)
    expect(body.ok).toBe(true)
  }
  times.sort((a, b) => a - b)
  const at = (p: number) => times[Math.min(times.length - 1, Math.floor(p * times.length))] ?? 0
  return { p50: at(0.5), p95: at(0.95) }
}

/**
 * A raw socket speaking the sync protocol for `doc` and nothing else (no presence): it asks
 * for the document, answers the server's step 1, applies what comes, and resolves once synced.
 * Idle afterwards, as an editor who has the form open and does nothing.
 */
async function idleSocket(wsUrl: string, formId: number, token: string, doc: Y.Doc) {
  const socket = await rawSocket(`${wsUrl}/${formId}`, sessionHeaders(token))
  const synced = new Promise<void>((resolve, reject) => {
    socket.ws.on('message', (data) => {
      const decoder = decoding.createDecoder(new Uint8Array(data as Buffer))
      if (decoding.readVarUint(decoder) !== 0) return // presence: none expected here
      const reply = encoding.createEncoder()
      encoding.writeVarUint(reply, 0)
      const kind = syncProtocol.readSyncMessage(decoder, reply, doc, null)
      if (encoding.length(reply) > 1) socket.ws.send(encoding.toUint8Array(reply))
      if (kind === syncProtocol.messageYjsSyncStep2) resolve()
    })
    void socket.closed.then(({ code, reason }) => reject(new Error(`closed ${code} ${reason}`)))
  })
  const hello = encoding.createEncoder()
  encoding.writeVarUint(hello, 0)
  syncProtocol.writeSyncStep1(hello, doc)
  socket.ws.send(encoding.toUint8Array(hello))
  await synced
  return socket
}

/** Closes sockets and waits until the server has seen them go. */
async function closeAll(sockets: Array<{ ws: WebSocket; closed: Promise<unknown> }>) {
  for (const { ws } of sockets) ws.close()
  await Promise.all(sockets.map((s) => s.closed))
}

const figures: string[] = []
function report(line: string): void {
  figures.push(line)
  console.log(`resources ${line}`)
}

describe('resources: idle sockets, open documents, a slow reader', () => {
  let dataDir: string
  let server: ServerProcess
  let wsUrl: string
  let token: string
  let baseline: { rss: number; heap: number; p50: number; p95: number }

  /** Creates `count` satisfaction forms (a realistic document each) over the API. */
  async function createForms(count: number): Promise<number[]> {
    const limit = pLimit(8)
    return Promise.all(
      Array.from({ length: count }, (_, i) =>
        limit(async () => {
          const response = await fetch(`${server.url}/api/forms`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
            body: JSON.stringify({ title: `资源测试表单 ${i + 1}`, template: 'satisfaction' }),
          })
          expect(response.status).toBe(201)
          return ((await response.json()) as { id: number }).id
        }),
      ),
    )
  }

  /** Memory and health now, printed beside the baseline. */
  async function measure(what: string, per: number, unit: string) {
    const memory = await serverMemory(server)
    const health = await healthLatency(server.url)
    const heapEach = (memory.heap - baseline.heap) / per
    report(
      `${what}: heap+external ${(memory.heap / MiB).toFixed(1)} MiB (idle ${(baseline.heap / MiB).toFixed(1)}), ` +
        `RSS ${(memory.rss / MiB).toFixed(1)} MiB (idle ${(baseline.rss / MiB).toFixed(1)}), ` +
        `${(heapEach / 1024).toFixed(1)} KiB heap per ${unit}; /api/health p50/p95 ` +
        `${health.p50.toFixed(1)}/${health.p95.toFixed(1)} ms (idle ${baseline.p50.toFixed(1)}/${baseline.p95.toFixed(1)} ms)`,
    )
    return { ...memory, heapEach }
  }

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'ys-resources-'))
    server = await startServerProcess(
      { DATA_DIR: dataDir, ...ADMIN },
      { nodeArgs: ['--expose-gc'] },
    )
    wsUrl = `${server.url.replace('http', 'ws')}/collab`
    const login = await fetch(`${server.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: ADMIN.ADMIN_EMAIL, password: ADMIN.ADMIN_PASSWORD }),
    })
    expect(login.status).toBe(200)
    token = ((await login.json()) as { token: string }).token
    // Warm up (first requests compile routes), then the idle baseline of this run.
    await healthLatency(server.url)
    baseline = { ...(await serverMemory(server)), ...(await healthLatency(server.url)) }
  }, 120_000)

  afterAll(async () => {
    if (server) await kill9(server.child)
    if (dataDir) rmSync(dataDir, { recursive: true, force: true })
    console.log(
      `resources (${CHAOS ? 'YS_CHAOS=1' : 'CI'} sizes):\n${figures.map((f) => `  ${f}`).join('\n')}`,
    )
  })

  it(
    `holds ${IDLE_SOCKETS} idle co-editing sockets (${IDLE_FORMS} forms, 50 editors each) with health answering`,
    async () => {
      const forms = await createForms(IDLE_FORMS)
      const docs = forms.map(() => new Y.Doc())
      const limit = pLimit(32)
      const sockets = await Promise.all(
        Array.from({ length: IDLE_SOCKETS }, (_, i) =>
          limit(() =>
            idleSocket(
              wsUrl,
              forms[i % forms.length] as number,
              token,
              docs[i % docs.length] as Y.Doc,
            ),
          ),
        ),
      )
      const held = await measure(
        `${IDLE_SOCKETS} idle sockets on ${IDLE_FORMS} forms`,
        IDLE_SOCKETS,
        'socket',
      )
      // Every socket is still open (none dropped as idle or slow).
      expect(sockets.filter(({ ws }) => ws.readyState !== ws.OPEN)).toEqual([])
      expect(held.heapEach).toBeLessThan(HEAP_PER_IDLE_SOCKET)
      await closeAll(sockets)
    },
    CHAOS ? 600_000 : 90_000,
  )

  it(
    `opens ${OPEN_DOCUMENTS} documents at once with health answering`,
    async () => {
      const forms = await createForms(OPEN_DOCUMENTS)
      const limit = pLimit(16)
      const sockets = await Promise.all(
        forms.map((formId) => limit(() => idleSocket(wsUrl, formId, token, new Y.Doc()))),
      )
      const held = await measure(
        `${OPEN_DOCUMENTS} open documents (satisfaction form, 1 socket each)`,
        OPEN_DOCUMENTS,
        'document',
      )
      expect(sockets.filter(({ ws }) => ws.readyState !== ws.OPEN)).toEqual([])
      expect(held.heapEach).toBeLessThan(HEAP_PER_OPEN_DOCUMENT)
      await closeAll(sockets)
    },
    CHAOS ? 600_000 : 90_000,
  )

  it(
    `bounds a reader that never reads while ${STREAMED_UPDATES} × ${CHUNK / 1024} KiB updates stream to its document: closed as slow`,
    async () => {
      const [formId] = await createForms(1)
      if (formId === undefined) throw new Error('no form')
      const writer = connect(wsUrl, formId, token)
      const watcher = connect(wsUrl, formId, token)
      try {
        await Promise.all([synced(writer.provider), synced(watcher.provider)])
        const slow = await idleSocket(wsUrl, formId, token, new Y.Doc())
        const synchronised = slow.received.length
        // Stop reading: the kernel buffers fill, then the server's send buffer would grow.
        const tcp = (slow.ws as unknown as { _socket: Socket })._socket
        tcp.pause()
        // Each update inserts CHUNK characters and the next deletes them: the document stays
        // small, so only what is buffered for readers could grow with the stream.
        const text = writer.doc.getText('stream')
        const chunk = 'x'.repeat(CHUNK)
        for (let i = 0; i < STREAMED_UPDATES; i++) {
          text.insert(0, chunk)
          text.delete(0, chunk.length)
          await sleep(5)
        }
        // The reading editor got all of it, and health answered meanwhile and after.
        await eventually(() => {
          expect(Y.encodeStateVector(watcher.doc)).toEqual(Y.encodeStateVector(writer.doc))
        }, 60_000)
        const health = await healthLatency(server.url)
        // Reading again, it drains what was sent before the threshold and hears why it was
        // closed; what reached it is the kernel's buffers and the threshold, never the stream.
        tcp.resume()
        expect(await slow.closed).toEqual({
          code: CLOSE_REASONS.slowReader,
          reason: 'slowReader',
        })
        const bytes = slow.received
          .slice(synchronised)
          .reduce((sum, message) => sum + message.byteLength, 0)
        const streamed = STREAMED_UPDATES * CHUNK
        report(
          `slow reader: ${(bytes / MiB).toFixed(1)} MiB of the ${(streamed / MiB).toFixed(0)} MiB streamed reached it ` +
            `before its 4508 close (threshold ${MAX_BUFFERED / MiB} MiB + the kernel's socket buffers); /api/health p50/p95 after ` +
            `${health.p50.toFixed(1)}/${health.p95.toFixed(1)} ms (idle ${baseline.p50.toFixed(1)}/${baseline.p95.toFixed(1)} ms)`,
        )
        expect(bytes).toBeLessThan(Math.min(streamed / 2, MAX_BUFFERED + SOCKET_BUFFERS))
        // The writer and the reading editor carry on.
        writer.doc.getMap('m').set('after', true)
        await eventually(() => expect(watcher.doc.getMap('m').get('after')).toBe(true))
      } finally {
        writer.provider.destroy()
        watcher.provider.destroy()
      }
    },
    CHAOS ? 300_000 : 60_000,
  )
})
