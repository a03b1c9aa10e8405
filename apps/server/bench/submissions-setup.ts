import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { type Database, type DatabaseKind, migrate, openDatabase, schema } from '@yardstick/db'
import { createTestDatabase } from '@yardstick/db/testing'
import { type Answers, compileForm, templates } from '@yardstick/sdk'
import { eq } from 'drizzle-orm'
import { insertOrg } from '../src/orgs/org-tree'

export const ADMIN = { email: 'bench-admin@example.org', password: 'bench-password-1' }
const BRANCHES = 10

/** A fresh store for one server process: its environment, and how to read it afterwards. */
export interface BenchStore {
  kind: DatabaseKind
  env: Record<string, string>
  /** Opens the store (after the server stopped, for PGlite) and reads a campaign's keys. */
  storedKeys: (campaignId: number) => Promise<string[]>
  close: () => Promise<void>
}

/** The committee, a sub-committee and its branches, through `insertOrg` (the tree's service). */
async function insertTree(database: Database): Promise<void> {
  const { db } = database
  const committee = await insertOrg(db, { kind: 'committee', name: '机关工委' })
  const sub = await insertOrg(db, { parentId: committee.id, kind: 'subcommittee', name: '分工委' })
  for (let i = 1; i <= BRANCHES; i++) {
    await insertOrg(db, {
      parentId: sub.id,
      kind: 'branch',
      name: `第${i}党支部`,
      unitType: 'organ',
    })
  }
}

async function keysOf(database: Database, campaignId: number): Promise<string[]> {
  const rows = await database.db
    .select({ key: schema.responses.idempotencyKey })
    .from(schema.responses)
    .where(eq(schema.responses.campaignId, campaignId))
  return rows.map((row) => String(row.key))
}

/**
 * A fresh store with its organisation tree (`insertTree`): PGlite in a new `DATA_DIR` (closed
 * before the server opens it), or a new PostgreSQL database (`DATABASE_URL`).
 */
export async function prepareStore(kind: DatabaseKind): Promise<BenchStore> {
  const dataDir = await mkdtemp(join(tmpdir(), 'yardstick-submissions-'))
  const env = { DATA_DIR: dataDir, ADMIN_EMAIL: ADMIN.email, ADMIN_PASSWORD: ADMIN.password }
  if (kind === 'postgres') {
    const database = await createTestDatabase('postgres')
    await insertTree(database)
    return {
      kind,
      env: { ...env, DATABASE_URL: database.url ?? '' },
      storedKeys: (campaignId) => keysOf(database, campaignId),
      close: async () => {
        await database.close()
        await rm(dataDir, { recursive: true, force: true })
      },
    }
  }
  const pgliteDir = join(dataDir, 'pglite')
  const database = await openDatabase({ dataDir: pgliteDir })
  await migrate(database)
  await insertTree(database)
  await database.close()
  return {
    kind,
    env,
    storedKeys: async (campaignId) => {
      const reopened = await openDatabase({ dataDir: pgliteDir })
      try {
        return await keysOf(reopened, campaignId)
      } finally {
        await reopened.close()
      }
    },
    close: () => rm(dataDir, { recursive: true, force: true }),
  }
}

async function call(url: string, path: string, token: string | null, body?: unknown) {
  const response = await fetch(`${url}${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: {
      'content-type': 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  const json = (await response.json()) as Record<string, unknown>
  if (response.status >= 300) throw new Error(`${path}: ${response.status} ${JSON.stringify(json)}`)
  return json
}

/**
 * Over the server's API, as an office would: signs in, creates and publishes a form from the
 * satisfaction template, creates and opens a campaign over every branch with a NON-anonymous
 * `members` source (no token needed), and returns its id and the members links' slugs.
 */
export async function setupCampaign(url: string): Promise<{ campaignId: number; slugs: string[] }> {
  const { token } = (await call(url, '/api/auth/login', null, ADMIN)) as { token: string }
  const form = await call(url, '/api/forms', token, {
    title: '满意度基准',
    template: 'satisfaction',
  })
  const version = await call(url, `/api/forms/${form.id}/publish`, token, { note: 'bench' })
  const [top] = ((await call(url, '/api/orgs', token)) as { items: Array<{ id: number }> }).items
  const campaign = await call(
    url,
    '/api/campaigns',
    token,
    membersCampaignBody('提交吞吐基准', top?.id as number, version.id as number),
  )
  const campaignId = campaign.id as number
  await call(url, `/api/campaigns/${campaignId}/open`, token, {})
  const links = (await call(url, `/api/campaigns/${campaignId}/links?limit=100`, token)) as {
    items: Array<{ slug: string; source: string }>
  }
  const slugs = links.items.filter((l) => l.source === 'members').map((l) => l.slug)
  if (slugs.length !== BRANCHES) throw new Error(`expected ${BRANCHES} links, got ${slugs.length}`)
  return { campaignId, slugs }
}

/** `count` distinct complete satisfaction answers (a deterministic mix of every choice). */
export function answerBodies(count: number): string[] {
  const questions = compileForm(templates.satisfaction).questions
  return Array.from({ length: count }, (_, i) => {
    const answers: Answers = {}
    for (const [q, question] of questions.entries()) {
      const values = [...question.choices.values()].map((choice) => choice.value)
      if (values.length > 0) answers[question.name] = values[(i * 7 + q * 3) % values.length]
      else if (i % 4 === 0) answers[question.name] = `建议${i}`
    }
    return JSON.stringify({ answers })
  })
}

/**
 * The body of `POST /api/campaigns` for a benchmark: one non-anonymous members source on the given
 * form version, over a subtree, open from an hour ago to tomorrow (the submissions and national
 * benchmarks).
 *
 * @example
 * await call(url, '/api/campaigns', token, membersCampaignBody('提交吞吐基准', 1, 7))
 */
export function membersCampaignBody(name: string, subtree: number, formVersion: number) {
  return {
    name,
    cadence: 'yearly',
    opensAt: new Date(Date.now() - 3_600_000).toISOString(),
    closesAt: new Date(Date.now() + 86_400_000).toISOString(),
    units: { subtree },
    sources: [
      { key: 'members', formVersion, weight: 1, measure: 'satisfactionRate', anonymous: false },
    ],
    bands: [
      { min: 90, grade: '好', stars: 5 },
      { min: 70, grade: '较好', stars: 4 },
      { min: 0, grade: '一般', stars: 3 },
    ],
  }
}
