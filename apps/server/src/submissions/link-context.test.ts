import { type Db, schema } from '@yardstick/db'
import { testStores } from '@yardstick/db/testing'
import { and, eq } from 'drizzle-orm'
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { createFixture, type Fixture } from '../../test/harness'
import { campaignBody, openCampaign, publishTemplate } from '../campaigns/test-fixture'
import { moveOrg, updateOrg } from '../orgs/org-edits'
import { insertOrg } from '../orgs/org-tree'
import { LinkContextCache, linkContexts } from './link-context'

/** A database that counts its reads of a campaign's settings and of a link's own part. */
function counting(db: Db) {
  const reads = { campaign: 0, link: 0 }
  const wrapped = new Proxy(db, {
    get(target, prop, receiver) {
      if (prop !== 'select') return Reflect.get(target, prop, receiver)
      return (fields: Record<string, unknown>) => {
        if ('campaign' in fields) reads.campaign++
        if ('unit' in fields) reads.link++
        return target.select(fields as never)
      }
    },
  })
  return { db: wrapped as Db, reads }
}

/** Moves `Date.now()` on (only the clock is faked: database I/O runs as ever). */
function later(ms: number) {
  vi.setSystemTime(new Date(Date.now() + ms))
}

describe.each(await testStores())('link contexts on %s', (kind) => {
  let f: Fixture
  let campaignId: number
  let scorecard: number
  /** The members links of 20 extra branches, in unit order. */
  let slugs: string[]
  let units: number[]

  beforeAll(async () => {
    f = await createFixture(kind)
    const db = f.database.db
    units = []
    for (let i = 0; i < 20; i++) {
      const unit = await insertOrg(db, {
        parentId: f.orgs.sub,
        kind: 'branch',
        name: `第${i + 10}党支部`,
        unitType: 'organ',
      })
      units.push(unit.id)
    }
    const members = await publishTemplate(f, 'satisfaction')
    scorecard = await publishTemplate(f, 'scorecard')
    campaignId = (await openCampaign(f, campaignBody(f, { members }))).id
    const rows = await db
      .select({ slug: schema.links.slug, unitId: schema.links.unitId })
      .from(schema.links)
      .where(and(eq(schema.links.campaignId, campaignId), eq(schema.links.sourceKey, 'members')))
    slugs = units.map((unit) => rows.find((row) => row.unitId === unit)?.slug as string)
  })
  afterAll(() => f.close())
  afterEach(() => vi.useRealTimers())

  const setStatus = (status: 'open' | 'closed') =>
    f.database.db
      .update(schema.campaigns)
      .set({ status })
      .where(eq(schema.campaigns.id, campaignId))

  it('reads a campaign once per TTL however many of its links are hit', async () => {
    vi.useFakeTimers({ toFake: ['Date'] })
    const { db, reads } = counting(f.database.db)
    const cache = new LinkContextCache(db, { ttlMs: 1000, linkTtlMs: 60_000 })
    const first = await Promise.all(slugs.map((slug) => cache.get(slug)))
    expect(first.map((context) => context?.unit.id)).toEqual(units)
    expect(first.every((context) => context?.campaign.id === campaignId)).toBe(true)
    expect(reads).toEqual({ campaign: 1, link: 20 })
    await Promise.all(slugs.map((slug) => cache.get(slug)))
    expect(reads).toEqual({ campaign: 1, link: 20 })
    later(1001)
    await Promise.all(slugs.map((slug) => cache.get(slug)))
    await Promise.all(slugs.map((slug) => cache.get(slug)))
    // The links' own parts are still young: only the campaign was read again.
    expect(reads).toEqual({ campaign: 2, link: 20 })
    later(60_000)
    await cache.get(slugs[0] as string)
    expect(reads).toEqual({ campaign: 3, link: 21 })
  })

  it('sees a status change after the TTL, and at once after invalidateCampaign', async () => {
    vi.useFakeTimers({ toFake: ['Date'] })
    const cache = new LinkContextCache(f.database.db, { ttlMs: 1000, linkTtlMs: 60_000 })
    const slug = slugs[1] as string
    try {
      expect((await cache.get(slug))?.campaign.status).toBe('open')
      await setStatus('closed')
      expect((await cache.get(slug))?.campaign.status).toBe('open')
      later(1001)
      expect((await cache.get(slug))?.campaign.status).toBe('closed')
      await setStatus('open')
      cache.invalidateCampaign(campaignId)
      expect((await cache.get(slug))?.campaign.status).toBe('open')
    } finally {
      await setStatus('open')
    }
  })

  it('sees a source moved to another form version, on another process, after the status TTL', async () => {
    vi.useFakeTimers({ toFake: ['Date'] })
    const cache = new LinkContextCache(f.database.db, { ttlMs: 1000, linkTtlMs: 60_000 })
    const slug = slugs[2] as string
    const source = and(
      eq(schema.campaignSources.campaignId, campaignId),
      eq(schema.campaignSources.key, 'members'),
    )
    const was = await cache.get(slug)
    const before = was?.source.formVersionId
    try {
      await f.database.db
        .update(schema.campaignSources)
        .set({ formVersionId: scorecard })
        .where(source)
      expect((await cache.get(slug))?.source.formVersionId).toBe(before)
      later(1001)
      const moved = await cache.get(slug)
      expect(moved?.source.formVersionId).toBe(scorecard)
      expect(moved?.form).not.toBe(was?.form)
    } finally {
      await f.database.db
        .update(schema.campaignSources)
        .set({ formVersionId: before })
        .where(source)
    }
  })

  it('sees a unit renamed on another process within the status TTL, and at once in this one', async () => {
    vi.useFakeTimers({ toFake: ['Date'] })
    const cache = new LinkContextCache(f.database.db, { ttlMs: 1000, linkTtlMs: 60_000 })
    const unit = units[4] as number
    const slug = slugs[4] as string
    const { orgs } = schema
    await f.database.db.update(orgs).set({ name: '更名党支部' }).where(eq(orgs.id, unit))
    expect((await cache.get(slug))?.unit.name).toBe('更名党支部')
    await f.database.db.update(orgs).set({ name: '再更名党支部' }).where(eq(orgs.id, unit))
    // The org tree's version rides on the campaign's read: the link is read again after the
    // status TTL, long before its own.
    expect((await cache.get(slug))?.unit.name).toBe('更名党支部')
    later(1001)
    expect((await cache.get(slug))?.unit.name).toBe('再更名党支部')

    // updateOrg and moveOrg drop the process's shared cache at once, whatever the TTLs.
    const shared = linkContexts(f.database.db)
    expect((await shared.get(slug))?.unit.name).toBe('再更名党支部')
    await updateOrg(
      f.database.db,
      unit,
      { name: '第三次更名党支部' },
      { actorId: f.users.admin.id },
    )
    expect((await shared.get(slug))?.unit.name).toBe('第三次更名党支部')
    const path = (await shared.get(slug))?.unit.path
    await moveOrg(f.database.db, unit, f.orgs.otherSub, { actorId: f.users.admin.id })
    const moved = (await shared.get(slug))?.unit.path
    expect(moved).not.toBe(path)
    expect(moved).toMatch(new RegExp(`/${f.orgs.otherSub}/${unit}/$`))
  })

  it('evicts the oldest link past its bound', async () => {
    const { db, reads } = counting(f.database.db)
    const cache = new LinkContextCache(db, { maxLinks: 3 })
    for (const slug of slugs.slice(5, 9)) await cache.get(slug)
    expect(reads.link).toBe(4)
    await cache.get(slugs[8] as string)
    await cache.get(slugs[6] as string)
    expect(reads.link).toBe(4)
    await cache.get(slugs[5] as string)
    expect(reads.link).toBe(5)
  })

  it('answers null for a slug no link has', async () => {
    expect(await new LinkContextCache(f.database.db).get('no-such-slug')).toBeNull()
  })
})
