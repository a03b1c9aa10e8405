import type { Database, DatabaseKind } from '@yardstick/db'
import { createTestDatabase } from '@yardstick/db/testing'
import { createApp } from '../src/app'
import { loadConfig } from '../src/config'
import { createUser, insertOrg } from '../src/orgs/org-tree'
import type { ReadDatabase } from '../src/replica/read-database'

export const PASSWORD = 'test-password-1'

/** A small organisation tree with one user per role, the way the server tests see the world. */
export interface Fixture {
  database: Database
  app: ReturnType<typeof createApp>
  orgs: {
    committee: number
    sub: number
    otherSub: number
    branch1: number
    branch2: number
    branch3: number
  }
  users: Record<
    'admin' | 'editor' | 'reviewer' | 'secretary' | 'assessor' | 'outsider',
    { id: number; email: string }
  >
  /** Signs a user in and returns their bearer token. */
  login: (who: keyof Fixture['users']) => Promise<string>
  /** `app.request` with JSON in and out and an optional bearer token. */
  call: (
    method: string,
    path: string,
    options?: CallOptions,
  ) => Promise<{ status: number; body: any; headers: Headers }>
  close: () => Promise<void>
}

/** Options of `createFixture`. */
export interface FixtureOptions {
  /** An open, migrated database to build on instead of a fresh one of `kind` (closed with it). */
  database?: Database
  /** Where the app's dashboards and exports read (`AppDeps.readDatabase`); default: `database`. */
  readDatabase?: ReadDatabase
}

export interface CallOptions {
  token?: string
  body?: unknown
  headers?: Record<string, string>
}

/**
 * Builds the app on a fresh database of the given store, seeded with:
 * 机关工委 (committee) → 第一、第二分工委 (sub-committees) → three branches (two under the first).
 */
export async function createFixture(
  kind: DatabaseKind,
  env: Record<string, string> = {},
  options: FixtureOptions = {},
): Promise<Fixture> {
  const database = options.database ?? (await createTestDatabase(kind))
  const config = loadConfig({ SEED_DEMO: 'false', ...env })
  const app = createApp({ database, config, readDatabase: options.readDatabase })
  const { db } = database
  const committee = await insertOrg(db, { kind: 'committee', name: '机关工委' })
  const sub = await insertOrg(db, {
    parentId: committee.id,
    kind: 'subcommittee',
    name: '第一分工委',
  })
  const otherSub = await insertOrg(db, {
    parentId: committee.id,
    kind: 'subcommittee',
    name: '第二分工委',
  })
  const branch1 = await insertOrg(db, {
    parentId: sub.id,
    kind: 'branch',
    name: '第一党支部',
    unitType: 'organ',
  })
  const branch2 = await insertOrg(db, {
    parentId: sub.id,
    kind: 'branch',
    name: '第二党支部',
    unitType: 'enterprise',
  })
  const branch3 = await insertOrg(db, {
    parentId: otherSub.id,
    kind: 'branch',
    name: '第三党支部',
    unitType: 'school',
  })
  const make = async (name: string, grants: Parameters<typeof createUser>[1]['grants']) => {
    const email = `${name}@example.org`
    const user = await createUser(db, { email, name, password: PASSWORD, grants })
    return { id: user.id, email }
  }
  const users = {
    admin: await make('admin', [{ role: 'admin', orgId: committee.id }]),
    editor: await make('editor', [{ role: 'editor', orgId: committee.id }]),
    reviewer: await make('reviewer', [{ role: 'reviewer', orgId: committee.id }]),
    secretary: await make('secretary', [{ role: 'secretary', orgId: branch1.id }]),
    assessor: await make('assessor', [{ role: 'assessor', orgId: sub.id }]),
    outsider: await make('outsider', []),
  }
  const call: Fixture['call'] = async (method, path, { token, body, headers = {} } = {}) => {
    const init: RequestInit = { method, headers: { ...headers } }
    if (token) (init.headers as Record<string, string>).authorization = `Bearer ${token}`
    if (body !== undefined) {
      init.body = typeof body === 'string' ? body : JSON.stringify(body)
      ;(init.headers as Record<string, string>)['content-type'] ??= 'application/json'
    }
    const response = await app.request(path, init)
    const text = await response.text()
    let parsed: unknown = text
    try {
      parsed = text ? JSON.parse(text) : null
    } catch {}
    return { status: response.status, body: parsed, headers: response.headers }
  }
  const login = async (who: keyof typeof users) => {
    const { status, body } = await call('POST', '/api/auth/login', {
      body: { email: users[who].email, password: PASSWORD },
    })
    if (status !== 200) throw new Error(`login ${who}: ${status} ${JSON.stringify(body)}`)
    return body.token as string
  }
  return {
    database,
    app,
    orgs: {
      committee: committee.id,
      sub: sub.id,
      otherSub: otherSub.id,
      branch1: branch1.id,
      branch2: branch2.id,
      branch3: branch3.id,
    },
    users,
    login,
    call,
    close: () => database.close(),
  }
}
