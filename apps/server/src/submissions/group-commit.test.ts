import { openDatabase, schema } from '@yardstick/db'
import { testStores } from '@yardstick/db/testing'
import { scoreResponse, templates } from '@yardstick/sdk'
import { eq, sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createFixture, type Fixture } from '../../test/harness'
import { hashRespondentToken } from '../campaigns/secrets'
import {
  campaignBody,
  completeAnswers,
  openCampaign,
  publishTemplate,
} from '../campaigns/test-fixture'
import { verifyAggregates } from '../results/verify-aggregates'
import { ConcurrentInsertError, commitBatch, type SubmissionItem } from './commit-batch'
import { SubmissionWriter } from './group-commit'

describe.each(await testStores())('group commit on %s', (kind) => {
  let f: Fixture
  let campaignId: number
  let version: number
  let admin: string
  const answers = completeAnswers(templates.satisfaction, 'basic')
  const score = scoreResponse(templates.satisfaction, answers)
  let n = 0
  const item = (overrides: Partial<SubmissionItem> = {}): SubmissionItem => ({
    idempotencyKey: `writer-test:${++n}`,
    campaignId,
    unitId: f.orgs.branch1,
    sourceKey: 'members',
    formVersionId: version,
    answers,
    score,
    respondentId: null,
    tokenHash: null,
    requestHash: 'the same request',
    drawSeed: null,
    ...overrides,
  })
  const rowsOf = (keys: string[]) =>
    f.database.db
      .select()
      .from(schema.responses)
      .where(eq(schema.responses.campaignId, campaignId))
      .then((rows) => rows.filter((row) => keys.includes(String(row.idempotencyKey))))

  beforeAll(async () => {
    f = await createFixture(kind)
    version = await publishTemplate(f, 'satisfaction')
    const opened = await openCampaign(f, campaignBody(f, { members: version }))
    campaignId = opened.id
    admin = opened.admin
  })
  afterAll(() => f.close())

  it('writes concurrent submissions as one transaction and answers each after it', async () => {
    const writer = new SubmissionWriter(f.database.db)
    const items = Array.from({ length: 50 }, () => item())
    const results = await Promise.all(items.map((i) => writer.submit(i)))
    expect(results.every((r) => r.status === 'created')).toBe(true)
    const rows = await rowsOf(items.map((i) => i.idempotencyKey))
    expect(rows).toHaveLength(50)
    // created_at defaults to now(), the start of the transaction: one value means one transaction.
    expect(new Set(rows.map((row) => row.createdAt.getTime())).size).toBe(1)
    await writer.close()
  })

  it('stores the good items of a batch whose transaction fails, and rejects the bad one', async () => {
    const writer = new SubmissionWriter(f.database.db)
    const good = [item(), item()]
    const bad = item({ unitId: 999_999 })
    const settled = await Promise.allSettled([
      writer.submit(good[0] as SubmissionItem),
      writer.submit(bad),
      writer.submit(good[1] as SubmissionItem),
    ])
    expect(settled.map((s) => s.status)).toEqual(['fulfilled', 'rejected', 'fulfilled'])
    expect((settled[1] as PromiseRejectedResult).reason).toBeInstanceOf(Error)
    for (const s of [settled[0], settled[2]]) {
      expect((s as PromiseFulfilledResult<{ status: string }>).value.status).toBe('created')
    }
    const rows = await rowsOf([...good, bad].map((i) => i.idempotencyKey))
    expect(rows.map((row) => row.idempotencyKey).sort()).toEqual(
      good.map((i) => i.idempotencyKey).sort(),
    )
    await writer.close()
  })

  it('resolves a repeated key in one batch to the first: one row, one id, the rest replayed', async () => {
    const writer = new SubmissionWriter(f.database.db)
    const first = item()
    const results = await Promise.all(Array.from({ length: 5 }, () => writer.submit({ ...first })))
    expect(results.map((r) => r.status)).toEqual([
      'created',
      'replayed',
      'replayed',
      'replayed',
      'replayed',
    ])
    expect(new Set(results.map((r) => ('id' in r ? r.id : null))).size).toBe(1)
    expect(await rowsOf([first.idempotencyKey])).toHaveLength(1)
    await writer.close()
  })

  it('gives a token used twice in one batch to the first and 409 tokenUsed to the second', async () => {
    const { body } = await f.call('POST', `/api/campaigns/${campaignId}/tokens`, {
      token: admin,
      body: { unitId: f.orgs.branch1, source: 'members', count: 1 },
    })
    const tokenHash = hashRespondentToken(body.tokens[0])
    const writer = new SubmissionWriter(f.database.db)
    const [first, second] = await Promise.all([
      writer.submit(item({ tokenHash })),
      writer.submit(item({ tokenHash })),
    ])
    expect(first?.status).toBe('created')
    expect(second).toEqual({ status: 'refused', code: 'tokenUsed' })
    await writer.close()
  })

  it('refuses a campaign that closed even when the caller thought it open', async () => {
    const other = await openCampaign(f, campaignBody(f, { members: version }))
    await f.call('POST', `/api/campaigns/${other.id}/close`, { token: other.admin })
    const writer = new SubmissionWriter(f.database.db)
    const result = await writer.submit(item({ campaignId: other.id }))
    expect(result).toEqual({ status: 'refused', code: 'campaignNotOpen' })
    await writer.close()
  })

  it('stores one row when two writers (two processes) race on the same key', async () => {
    const [a, b] = [new SubmissionWriter(f.database.db), new SubmissionWriter(f.database.db)]
    const shared = item()
    const results = await Promise.all([a.submit({ ...shared }), b.submit({ ...shared })])
    expect(results.map((r) => r.status).sort()).toEqual(['created', 'replayed'])
    expect(new Set(results.map((r) => ('id' in r ? r.id : null))).size).toBe(1)
    expect(await rowsOf([shared.idempotencyKey])).toHaveLength(1)
    await Promise.all([a.close(), b.close()])
  })

  it('rolls a batch back whole when another transaction commits one of its keys meanwhile', async () => {
    const { body } = await f.call('POST', `/api/campaigns/${campaignId}/tokens`, {
      token: admin,
      body: { unitId: f.orgs.branch1, source: 'members', count: 1 },
    })
    const tokenHash = hashRespondentToken(body.tokens[0])
    const raced = item()
    const other = item({ tokenHash })
    const { responses, respondentTokens } = schema
    let batch: Promise<unknown> = Promise.resolve()
    // PGlite runs one transaction at a time, so there the batch simply runs after and replays.
    await f.database.db.transaction(async (tx) => {
      await tx.insert(responses).values({
        campaignId,
        unitId: raced.unitId,
        sourceKey: 'members',
        formVersionId: version,
        answers: raced.answers,
        score: raced.score,
        percent: raced.score.percent,
        idempotencyKey: raced.idempotencyKey,
      })
      batch = commitBatch(f.database.db, [raced, other]).catch((error: unknown) => error)
      await new Promise((resolve) => setTimeout(resolve, 200))
    })
    const outcome = await batch
    if (kind === 'postgres') {
      expect(outcome).toBeInstanceOf(ConcurrentInsertError)
      expect(await rowsOf([other.idempotencyKey])).toHaveLength(0)
      const [token] = await f.database.db
        .select({ usedAt: respondentTokens.usedAt })
        .from(respondentTokens)
        .where(eq(respondentTokens.tokenHash, tokenHash))
      expect(token?.usedAt).toBeNull()
    } else {
      expect((outcome as Array<{ status: string }>).map((r) => r.status)).toEqual([
        'replayed',
        'created',
      ])
    }
  })

  it('with two batches in flight, gives a key sent again mid-flight the first one’s row', async () => {
    const writer = new SubmissionWriter(f.database.db, { maxInFlight: 2 })
    const first = item()
    const original = writer.submit({ ...first })
    await new Promise((resolve) => setImmediate(resolve))
    // The first batch is in flight now; these form a second one beside it.
    const others = Array.from({ length: 3 }, () => item())
    const [retry, ...rest] = await Promise.all([
      writer.submit({ ...first }),
      ...others.map((i) => writer.submit(i)),
    ])
    const created = await original
    expect(created.status).toBe('created')
    expect(retry).toEqual({ ...created, status: 'replayed' })
    expect(rest.every((r) => r.status === 'created')).toBe(true)
    expect(await rowsOf([first.idempotencyKey])).toHaveLength(1)
    await writer.close()
  })

  it('with two batches in flight, holds a token’s second use until the first is written', async () => {
    const { body } = await f.call('POST', `/api/campaigns/${campaignId}/tokens`, {
      token: admin,
      body: { unitId: f.orgs.branch1, source: 'members', count: 1 },
    })
    const tokenHash = hashRespondentToken(body.tokens[0])
    const writer = new SubmissionWriter(f.database.db, { maxInFlight: 2 })
    const first = writer.submit(item({ tokenHash }))
    await new Promise((resolve) => setImmediate(resolve))
    const second = await writer.submit(item({ tokenHash }))
    expect((await first).status).toBe('created')
    expect(second).toEqual({ status: 'refused', code: 'tokenUsed' })
    await writer.close()
  })

  it('drains what is queued on close, then takes nothing more', async () => {
    const writer = new SubmissionWriter(f.database.db)
    const items = Array.from({ length: 10 }, () => item())
    const pending = items.map((i) => writer.submit(i))
    await writer.close()
    expect(await rowsOf(items.map((i) => i.idempotencyKey))).toHaveLength(10)
    expect((await Promise.all(pending)).every((r) => r.status === 'created')).toBe(true)
    await expect(writer.submit(item())).rejects.toThrow(/closed/)
  })

  it('leaves the running aggregates equal to the responses after every batch above', async () => {
    const check = await verifyAggregates(f.database.db, campaignId)
    expect(check.differences).toEqual([])
    expect(check.compared.unit_source_totals).toBeGreaterThan(0)
  })
})

// PostgreSQL only (PGlite's driver keeps no prepared statements): where PostgreSQL is available.
describe.each((await testStores()).filter((kind) => kind === 'postgres'))(
  'the batch statement on %s',
  (kind) => {
    let f: Fixture
    let campaignId: number
    let version: number
    let n = 0
    const answers = completeAnswers(templates.satisfaction, 'basic')
    const item = (): SubmissionItem => ({
      idempotencyKey: `prepared-test:${++n}`,
      campaignId,
      unitId: f.orgs.branch1,
      sourceKey: 'members',
      formVersionId: version,
      answers,
      score: scoreResponse(templates.satisfaction, answers),
      respondentId: null,
      tokenHash: null,
      requestHash: 'the same request',
      drawSeed: null,
    })

    beforeAll(async () => {
      f = await createFixture(kind)
      version = await publishTemplate(f, 'satisfaction')
      campaignId = (await openCampaign(f, campaignBody(f, { members: version }))).id
    })
    afterAll(() => f.close())

    it('is prepared: parsed and planned once per connection, one round trip per batch', async () => {
      const url = (f.database as { url?: string }).url as string
      const single = await openDatabase({ url, maxConnections: 1 })
      try {
        const writer = new SubmissionWriter(single.db)
        for (const i of [item(), item()]) expect((await writer.submit(i)).status).toBe('created')
        await writer.close()
        const prepared = (await single.db.execute(
          sql`select statement from pg_prepared_statements`,
        )) as unknown as Array<{ statement: string }>
        const batches = prepared.filter((row) => row.statement.includes('jsonb_to_recordset'))
        expect(batches).toHaveLength(1)
      } finally {
        await single.close()
      }
    })
  },
)
