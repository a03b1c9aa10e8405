import { cpus, loadavg } from 'node:os'
import type { DatabaseKind } from '@yardstick/db'
import { testStores } from '@yardstick/db/testing'
import { createFixture, type Fixture } from '../test/harness'

const THREADS = 100
const ROUNDS = 300

/** Times `ROUNDS` in-process requests; ms per request (median, p95) and the body size. */
async function time(f: Fixture, path: string, headers: Record<string, string>) {
  const times: number[] = []
  let bytes = 0
  let status = 0
  for (let i = 0; i < ROUNDS; i++) {
    const start = performance.now()
    const response = await f.app.request(path, { headers })
    bytes = (await response.arrayBuffer()).byteLength
    status = response.status
    times.push(performance.now() - start)
  }
  times.sort((a, b) => a - b)
  const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))] ?? 0
  return { status, median: at(0.5), p95: at(0.95), bytes }
}

async function onStore(kind: DatabaseKind) {
  const f = await createFixture(kind)
  try {
    const editor = await f.login('editor')
    const reviewer = await f.login('reviewer')
    const auth = (token: string) => ({ authorization: `Bearer ${token}` })
    const created = await f.call('POST', '/api/forms', { token: editor, body: { title: '评审' } })
    const form = created.body.id as number
    for (let i = 0; i < THREADS; i++) {
      const thread = await f.call('POST', `/api/forms/${form}/comments`, {
        token: reviewer,
        body: {
          elementId: `el${i % 20}`,
          elementName: `q${i % 20}`,
          body: `第 ${i} 条意见：表述需要调整`,
        },
      })
      await f.call('POST', `/api/forms/${form}/comments/${thread.body.id}/replies`, {
        token: editor,
        body: { body: '已按意见修改，请复核' },
      })
    }
    const path = `/api/forms/${form}/comments?limit=100`
    const first = await f.app.request(path, { headers: auth(editor) })
    const etag = first.headers.get('etag') ?? ''
    const lines = [
      ['GET /api/me (baseline: one session lookup)', await time(f, '/api/me', auth(editor))],
      [`GET …/comments, ${THREADS} threads + replies (200)`, await time(f, path, auth(editor))],
      [
        'GET …/comments with If-None-Match (304)',
        await time(f, path, { ...auth(editor), 'if-none-match': etag }),
      ],
    ] as const
    for (const [what, r] of lines) {
      console.log(
        `| ${kind} | ${what} | ${r.status} | ${r.median.toFixed(2)} | ${r.p95.toFixed(2)} | ${r.bytes} |`,
      )
    }
  } finally {
    await f.close()
  }
}

/**
 * What the designer's comment polling costs the server: every open editor asks every 2 s with
 * its last ETag. In process (`app.request`, no socket), on each store, with a baseline.
 */
export async function runReviewsBench(): Promise<void> {
  console.log(
    `${cpus().length} cores, load ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' / ')}`,
  )
  console.log(`${ROUNDS} sequential requests per line\n`)
  console.log('| store | request | status | median ms | p95 ms | body bytes |')
  console.log('| --- | --- | --- | --- | --- | --- |')
  for (const kind of await testStores()) await onStore(kind)
}
