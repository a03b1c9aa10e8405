import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { type Database, migrate, openDatabase, schema } from '@yardstick/db'
import { templates } from '@yardstick/sdk'
import { availableOrSkip } from '@yardstick/testing'
import { eq, sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { csvRows } from '../../test/export-files'
import { createFixture, type Fixture, PASSWORD } from '../../test/harness'
import {
  type StreamingPair,
  startStreamingPair,
  streamingPairMissing,
} from '../../test/streaming-replica'
import { createApp } from '../app'
import {
  campaignBody,
  completeAnswers,
  openCampaign,
  publishTemplate,
} from '../campaigns/test-fixture'
import { loadConfig } from '../config'
import { startServer } from '../start'
import {
  openReplicaReads,
  type ReadDatabase,
  type ReadMove,
  type ReadTarget,
  replicaFailure,
} from './read-database'

describe('DATABASE_REPLICA_URL', () => {
  it('needs DATABASE_URL: PGlite has no replica', () => {
    expect(() => loadConfig({ DATABASE_REPLICA_URL: 'postgres://replica/yardstick' })).toThrow(
      /DATABASE_REPLICA_URL: needs DATABASE_URL/,
    )
    const config = loadConfig({
      DATABASE_URL: 'postgres://primary/yardstick',
      DATABASE_REPLICA_URL: 'postgres://replica/yardstick',
    })
    expect(config.DATABASE_REPLICA_URL).toBe('postgres://replica/yardstick')
    expect(() => loadConfig({ DATABASE_REPLICA_URL: 'mysql://replica' })).toThrow(
      /DATABASE_REPLICA_URL/,
    )
  })

  it('bounds the replica’s lag at REPLICA_MAX_LAG_SECONDS, 30 unless set', () => {
    expect(loadConfig({}).REPLICA_MAX_LAG_SECONDS).toBe(30)
    expect(loadConfig({ REPLICA_MAX_LAG_SECONDS: '1.5' }).REPLICA_MAX_LAG_SECONDS).toBe(1.5)
    expect(() => loadConfig({ REPLICA_MAX_LAG_SECONDS: '0' })).toThrow(/REPLICA_MAX_LAG_SECONDS/)
  })

  it('sends a read to the primary only when the replica cannot answer it', () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' })
    expect(replicaFailure(new Error('wrapped', { cause: refused }))).toBe('down')
    expect(replicaFailure(Object.assign(new Error('starting up'), { code: '57P03' }))).toBe('down')
    expect(replicaFailure(Object.assign(new Error('recovery'), { code: '40001' }))).toBe('retry')
    expect(replicaFailure(Object.assign(new Error('syntax'), { code: '42601' }))).toBeNull()
    expect(replicaFailure(new Error('no code'))).toBeNull()
  })

  it('starts on the primary when the replica is down at start, and says so', async () => {
    const primary = await openDatabase({ worker: false })
    const moves: ReadTarget[] = []
    // Port 1: nothing listens, the connection is refused at once.
    const reads = await openReplicaReads(primary.db, 'postgres://postgres@127.0.0.1:1/none', {
      onChange: (target) => moves.push(target),
    })
    try {
      expect([reads.target(), moves]).toEqual(['primary', ['primary']])
      expect(await reads.replicaState()).toEqual({
        configured: true,
        reachable: false,
        lagSeconds: null,
        servingReads: false,
      })
      const rows = await reads.read((db) => db.execute(sql`select 1 as one`))
      expect(JSON.stringify(rows)).toContain('"one":1')
    } finally {
      await reads.close()
      await primary.close()
    }
  })
})

const missing = streamingPairMissing()
const ready = availableOrSkip({
  available: missing === null,
  missing: `A PostgreSQL streaming replica cannot start here: ${missing}`,
  skipped: 'the read replica test does not run',
})

describe.runIf(ready)('dashboards and exports read a streaming replica', () => {
  let pair: StreamingPair
  let primary: Database
  let reads: ReadDatabase
  let f: Fixture
  let admin: string
  let campaign: Awaited<ReturnType<typeof openCampaign>>
  const moves: ReadTarget[] = []
  const answers = completeAnswers(templates.satisfaction, 'satisfied')
  let keys = 0
  const submit = () =>
    f.call('POST', `/api/links/${campaign.slug(f.orgs.branch1, 'members')}/responses`, {
      body: { answers },
      headers: { 'idempotency-key': `replica-${++keys}` },
    })
  /** What the dashboard says branch 1's members source has: its response count. */
  const dashboardCount = async () => {
    const { status, body } = await f.call('GET', `/api/campaigns/${campaign.id}/results`, {
      token: admin,
    })
    expect(status).toBe(200)
    const unit = body.units.find((u: { unitId: number }) => u.unitId === f.orgs.branch1)
    return unit.sources.members.n as number
  }
  /** How many rows the raw responses export has. */
  const exportCount = async () => {
    const response = await f.app.request(
      `/api/campaigns/${campaign.id}/responses.csv?source=members`,
      { headers: { authorization: `Bearer ${admin}` } },
    )
    expect(response.status).toBe(200)
    return (await csvRows(response)).length - 1
  }
  /** The count on the primary itself. */
  const storedCount = async () =>
    (
      await primary.db
        .select({ id: schema.responses.id })
        .from(schema.responses)
        .where(eq(schema.responses.campaignId, campaign.id))
    ).length

  beforeAll(async () => {
    pair = await startStreamingPair()
    const bootstrap = await openDatabase({ url: pair.primaryUrl('postgres'), maxConnections: 1 })
    await bootstrap.db.execute(sql`create database yardstick`)
    await bootstrap.close()
    primary = await openDatabase({ url: pair.primaryUrl('yardstick') })
    await migrate(primary)
    reads = await openReplicaReads(primary.db, pair.replicaUrl('yardstick'), {
      probeMs: 100,
      onChange: (target) => moves.push(target),
    })
    f = await createFixture('postgres', {}, { database: primary, readDatabase: reads })
    admin = await f.login('admin')
    const members = await publishTemplate(f, 'satisfaction')
    campaign = await openCampaign(f, campaignBody(f, { members }))
    for (let i = 0; i < 2; i++) expect((await submit()).status).toBe(201)
    await pair.caughtUp()
  })
  afterAll(async () => {
    await reads?.close()
    await f?.close()
    await pair?.close()
  })

  it('shows the replica’s figures while its replay is paused; writes still go to the primary', async () => {
    expect(reads.target()).toBe('replica')
    expect([await dashboardCount(), await exportCount()]).toEqual([2, 2])
    await pair.pauseReplay()
    expect((await submit()).status).toBe(201)
    expect(await storedCount()).toBe(3)
    // The replica has not replayed the third response: the dashboard and the export are its.
    expect([await dashboardCount(), await exportCount()]).toEqual([2, 2])
    // The unit detail shows a reader's own writes: it reads the primary.
    const detail = await f.call(
      'GET',
      `/api/campaigns/${campaign.id}/results/units/${f.orgs.branch1}`,
      { token: admin },
    )
    expect(detail.body.sources).toEqual(
      expect.arrayContaining([expect.objectContaining({ key: 'members', n: 3 })]),
    )
    await pair.resumeReplay()
    await pair.caughtUp()
    expect([await dashboardCount(), await exportCount()]).toEqual([3, 3])
  })

  it('reads a campaign the replica has not replayed yet from the primary', async () => {
    await pair.pauseReplay()
    try {
      const members = await publishTemplate(f, 'satisfaction')
      const fresh = await openCampaign(f, campaignBody(f, { members }, { name: '新一期' }))
      const { status } = await f.call('GET', `/api/campaigns/${fresh.id}/results`, {
        token: admin,
      })
      expect(status).toBe(200)
    } finally {
      await pair.resumeReplay()
    }
  })

  it('falls back to the primary while the replica is down, and returns to it once it answers', async () => {
    pair.stopReplica()
    expect((await submit()).status).toBe(201)
    const stored = await storedCount()
    // The request that finds the replica down is answered from the primary, as are the next.
    expect([await dashboardCount(), await exportCount()]).toEqual([stored, stored])
    expect(reads.target()).toBe('primary')
    expect(moves).toEqual(['primary'])
    await pair.startReplica()
    await until(() => reads.target() === 'replica')
    expect(moves).toEqual(['primary', 'replica'])
    await pair.caughtUp()
    await pair.pauseReplay()
    expect((await submit()).status).toBe(201)
    expect([await dashboardCount(), await exportCount()]).toEqual([stored, stored])
    await pair.resumeReplay()
  })

  it('reads the primary while the replica lags past REPLICA_MAX_LAG_SECONDS, and says so at /api/health', async () => {
    const config = loadConfig({
      SEED_DEMO: 'false',
      DATABASE_URL: pair.primaryUrl('yardstick'),
      DATABASE_REPLICA_URL: pair.replicaUrl('yardstick'),
      REPLICA_MAX_LAG_SECONDS: '1',
    })
    const lagMoves: ReadMove['reason'][] = []
    const bounded = await openReplicaReads(primary.db, pair.replicaUrl('yardstick'), {
      maxLagSeconds: config.REPLICA_MAX_LAG_SECONDS,
      onChange: (_target, move) => lagMoves.push(move.reason),
    })
    const app = createApp({ database: primary, config, readDatabase: bounded })
    const get = async (path: string) => {
      const response = await app.request(path, { headers: { authorization: `Bearer ${admin}` } })
      expect(response.status).toBe(200)
      return (await response.json()) as any
    }
    const count = async () =>
      (await get(`/api/campaigns/${campaign.id}/results`)).units.find(
        (u: { unitId: number }) => u.unitId === f.orgs.branch1,
      ).sources.members.n as number
    /** Whether a read of `bounded` runs on the standby. */
    const readsStandby = () =>
      bounded.read(async (db) => {
        const [row] = await db.execute<{ standby: boolean }>(
          sql`select pg_is_in_recovery() as standby`,
        )
        return row?.standby
      })
    try {
      // A fresh commit replayed: the replica's last replayed commit is a moment old, not a test's.
      expect((await submit()).status).toBe(201)
      await pair.caughtUp()
      const before = await storedCount()
      expect(await count()).toBe(before)
      expect((await get('/api/health')).replica).toEqual(
        expect.objectContaining({ configured: true, reachable: true, servingReads: true }),
      )
      await pair.pauseReplay()
      expect((await submit()).status).toBe(201)
      // Once the replica's last replayed commit is more than a second old, the dashboard is the
      // primary's, newer figure (the unbounded replica would keep showing `before`).
      await until(async () => (await count()) === before + 1)
      expect(await readsStandby()).toBe(false)
      const { ok, replica } = await get('/api/health')
      expect({ ok, replica }).toEqual({
        ok: true,
        replica: {
          configured: true,
          reachable: true,
          lagSeconds: expect.any(Number),
          servingReads: false,
        },
      })
      expect(replica.lagSeconds).toBeGreaterThan(1)
      await pair.resumeReplay()
      await pair.caughtUp()
      await until(async () => (await get('/api/health')).replica.servingReads === true)
      expect([bounded.target(), await readsStandby(), await count()]).toEqual([
        'replica',
        true,
        before + 1,
      ])
      // Told once each way, not once per request.
      expect(lagMoves).toEqual(['lagging', 'caughtUp'])
    } finally {
      await pair.resumeReplay()
      await bounded.close()
    }
  })

  it('is what startServer reads dashboards from when DATABASE_REPLICA_URL is set', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'ys-replica-'))
    const server = await startServer(
      loadConfig({
        DATABASE_URL: pair.primaryUrl('yardstick'),
        DATABASE_REPLICA_URL: pair.replicaUrl('yardstick'),
        DATA_DIR: dataDir,
        PORT: '0',
        SEED_DEMO: 'false',
      }),
    )
    try {
      const http = async (path: string, init: RequestInit = {}) => {
        const response = await fetch(`${server.url}${path}`, init)
        return { status: response.status, body: (await response.json()) as any }
      }
      const login = await http('/api/auth/login', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: f.users.admin.email, password: PASSWORD }),
      })
      const auth = { authorization: `Bearer ${login.body.token}` }
      expect((await http('/api/health')).body.replica).toEqual(
        expect.objectContaining({ configured: true, reachable: true, servingReads: true }),
      )
      const count = async () => {
        const { body } = await http(`/api/campaigns/${campaign.id}/results`, { headers: auth })
        return body.units.find((u: { unitId: number }) => u.unitId === f.orgs.branch1).sources
          .members.n as number
      }
      await pair.caughtUp()
      const before = await count()
      await pair.pauseReplay()
      const slug = campaign.slug(f.orgs.branch1, 'members')
      const submitted = await http(`/api/links/${slug}/responses`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'idempotency-key': 'replica-server' },
        body: JSON.stringify({ answers }),
      })
      expect(submitted.status).toBe(201)
      expect([await storedCount(), await count()]).toEqual([before + 1, before])
      await pair.resumeReplay()
      await pair.caughtUp()
      expect(await count()).toBe(before + 1)
    } finally {
      await pair.resumeReplay()
      await server.stop()
      rmSync(dataDir, { recursive: true, force: true })
    }
  })
})

async function until(check: () => boolean | Promise<boolean>, timeoutMs = 10_000) {
  const deadline = Date.now() + timeoutMs
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('timed out')
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
}
