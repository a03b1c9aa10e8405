// Three server processes on one PostgreSQL and one Redis behind HAProxy (Debian's package,
// started here with the configuration of docs/deploy.md): whichever process a request lands on,
// a session works, a sign-in limit counts, an Idempotency-Key replays and a co-edit arrives; and
// killing one process while members submit loses nothing: the balancer routes around it.
import { randomUUID } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { schema } from '@yardstick/db'
import { createTestDatabase } from '@yardstick/db/testing'
import { templates } from '@yardstick/sdk'
import { kill9, type ServerProcess, startServerProcess } from '@yardstick/testing'
import { eq } from 'drizzle-orm'
import { afterAll, describe, expect, it } from 'vitest'
import type { WebsocketProvider } from 'y-websocket'
import { completeAnswers } from '../../src/campaigns/test-fixture'
import { verifyAggregates } from '../../src/results/verify-aggregates'
import { connect, eventually, synced } from '../collab/collab-harness'
import { REDIS_URL, redisPrefix, scaleOutReady } from '../collab/redis'
import { type Balancer, haproxyReady, startHaproxy } from './haproxy'
import { ADMIN, envOfAdmin, setUpTokenCampaign } from './token-campaign'

const PROCESSES = 3
const SUBMISSIONS = process.env.YS_CHAOS === '1' ? 3000 : 240
const CLIENTS = 8
const START_TIMEOUT = 240_000

const ready =
  (await scaleOutReady('the balancer test')) && (await haproxyReady('the balancer test'))

describe.runIf(ready)(`${PROCESSES} server processes behind HAProxy`, () => {
  const processes: ServerProcess[] = []
  const providers: WebsocketProvider[] = []
  const folders: string[] = []
  let balancer: Balancer | undefined
  let closeDatabase: (() => Promise<void>) | undefined
  afterAll(async () => {
    for (const provider of providers) provider.destroy()
    await balancer?.stop()
    for (const p of processes) await kill9(p.child)
    await closeDatabase?.()
    for (const folder of folders) rmSync(folder, { recursive: true, force: true })
  })

  it('serves sessions, limits, idempotency and co-editing from any process, and loses nothing when one is killed', async () => {
    const database = await createTestDatabase('postgres')
    closeDatabase = database.close
    const env = {
      ...envOfAdmin(),
      DATABASE_URL: database.url as string,
      REDIS_URL,
      REDIS_PREFIX: redisPrefix(),
      TRUST_PROXY: '1',
    }
    // One at a time: the first applies the migrations the others then find applied.
    for (let i = 0; i < PROCESSES; i++) {
      const folder = mkdtempSync(join(tmpdir(), `ys-lb${i}-`))
      folders.push(folder)
      processes.push(
        await startServerProcess({ ...env, DATA_DIR: folder }, { timeout: START_TIMEOUT }),
      )
    }
    balancer = await startHaproxy(processes.map((p) => p.url))
    const url = balancer.url
    const servedBy = (response: Response) => response.headers.get('x-served-by')

    // A session made on one process is honoured by every other.
    const login = await fetch(`${url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(ADMIN),
    })
    expect(login.status).toBe(200)
    const { token } = (await login.json()) as { token: string }
    const seen = new Set<string | null>()
    for (let i = 0; i < PROCESSES * 2; i++) {
      const me = await fetch(`${url}/api/me`, { headers: { authorization: `Bearer ${token}` } })
      expect(me.status).toBe(200)
      seen.add(servedBy(me))
    }
    expect(seen.size).toBe(PROCESSES)

    // Sign-in limits count across processes (Redis): ten wrong guesses spread over all three,
    // then the eleventh attempt is refused whichever process takes it.
    const guess = (password: string) =>
      fetch(`${url}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'nobody@example.org', password }),
      })
    const guessedOn = new Set<string | null>()
    for (let i = 0; i < 10; i++) {
      const refused = await guess(`wrong-${i}`)
      expect(refused.status).toBe(401)
      guessedOn.add(servedBy(refused))
    }
    expect(guessedOn.size).toBe(PROCESSES)
    for (let i = 0; i < PROCESSES; i++) expect((await guess('wrong-again')).status).toBe(429)

    // An Idempotency-Key replays on another process: one response, the first answer's id.
    const { campaignId, slug, tokens } = await setUpTokenCampaign(url, SUBMISSIONS + 1, '均衡')
    const submit = (key: string, body: string) =>
      fetch(`${url}/api/links/${slug}/responses`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'idempotency-key': key },
        body,
        signal: AbortSignal.timeout(60_000),
      })
    const bodyOf = (i: number) =>
      JSON.stringify({
        answers: completeAnswers(templates.satisfaction, 'satisfied'),
        token: tokens[i],
      })
    const key = randomUUID()
    const answers = []
    for (let i = 0; i < PROCESSES; i++) answers.push(await submit(key, bodyOf(SUBMISSIONS)))
    expect(answers.map((a) => a.status)).toEqual([201, 200, 200])
    expect(new Set(answers.map(servedBy)).size).toBe(PROCESSES)
    const ids = await Promise.all(answers.map(async (a) => ((await a.json()) as { id: number }).id))
    expect(new Set(ids).size).toBe(1)

    // Co-editing: editors on different processes, through the balancer, see each other.
    const created = await fetch(`${url}/api/forms`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ title: '均衡测试表单' }),
    })
    const formId = ((await created.json()) as { id: number }).id
    const ws = `${url.replace('http', 'ws')}/collab`
    const editors = Array.from({ length: PROCESSES }, () => connect(ws, formId, token))
    for (const editor of editors) {
      providers.push(editor.provider)
      await synced(editor.provider)
    }
    editors[0]?.doc.getText('title').insert(0, '甲')
    editors[1]?.doc.getText('title').insert(0, '乙')
    for (const editor of editors) {
      await eventually(() =>
        expect(editor.doc.getText('title').toString().split('').sort().join('')).toContain('乙甲'),
      )
    }

    // Members submit without pause; one process is SIGKILLed a third of the way through. A
    // client sends a failed request again with the same key, as the respondent page does.
    const acknowledged = new Map<string, number>()
    let retries = 0
    let next = 0
    const client = async () => {
      while (next < SUBMISSIONS) {
        const i = next++
        const requestKey = randomUUID()
        for (;;) {
          try {
            const response = await submit(requestKey, bodyOf(i))
            if (response.status === 201 || response.status === 200) {
              acknowledged.set(requestKey, ((await response.json()) as { id: number }).id)
              break
            }
            expect(response.status).toBe(503)
          } catch (error) {
            if ((error as Error).name === 'AssertionError') throw error
          }
          retries++
          await new Promise((resolve) => setTimeout(resolve, 50))
        }
      }
    }
    const killer = async () => {
      while (acknowledged.size < SUBMISSIONS / 3) await new Promise((r) => setTimeout(r, 5))
      await kill9((processes[1] as ServerProcess).child)
    }
    await Promise.all([killer(), ...Array.from({ length: CLIENTS }, client)])
    expect(acknowledged.size).toBe(SUBMISSIONS)

    // The balancer has taken the dead process out of rotation.
    const after = new Set<string | null>()
    for (let i = 0; i < PROCESSES * 2; i++) {
      const me = await fetch(`${url}/api/me`, { headers: { authorization: `Bearer ${token}` } })
      expect(me.status).toBe(200)
      after.add(servedBy(me))
    }
    expect([...after].sort()).toEqual(['s1', 's3'])

    const rows = await database.db
      .select({ id: schema.responses.id, key: schema.responses.idempotencyKey })
      .from(schema.responses)
      .where(eq(schema.responses.campaignId, campaignId))
    const stored = new Map(rows.map((r) => [String(r.key).slice(slug.length + 1), r.id]))
    expect(rows).toHaveLength(SUBMISSIONS + 1)
    for (const [k, id] of acknowledged) expect(stored.get(k)).toBe(id)
    expect((await verifyAggregates(database.db, campaignId)).differences).toEqual([])
    console.log(JSON.stringify({ processes: PROCESSES, submissions: SUBMISSIONS, retries }))
  }, 600_000)
})
