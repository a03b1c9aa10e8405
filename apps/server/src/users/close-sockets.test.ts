import type { Server as HttpServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { type ServerType, serve } from '@hono/node-server'
import { testStores } from '@yardstick/db/testing'
import { CLOSE_REASONS } from '@yardstick/doc'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { WebsocketProvider } from 'y-websocket'
import { closedBy, connect, createForm, synced } from '../../test/collab/collab-harness'
import { createFixture, type Fixture, PASSWORD } from '../../test/harness'
import { createApp } from '../app'
import { CollabServer } from '../collab/collab-server'
import { seedFromStoredForm } from '../collab/form-documents'
import { loadConfig } from '../config'
import { createUser } from '../orgs/org-tree'

const STRONG = 'Kx7p-Mq4z-Tr9w'

// [COL9] Deactivation and password changes close a user's sockets at once, not at the next
// revalidation (set far away here, so only the immediate close can pass).
describe.each(await testStores())('closing a user’s co-editing sockets on %s', (kind) => {
  let f: Fixture
  let collab: CollabServer
  let server: ServerType
  let url = ''
  const providers: WebsocketProvider[] = []
  const call = async (method: string, path: string, token: string, body?: unknown) => {
    const response = await fetch(`${url}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    })
    const answer = (await response.json().catch(() => null)) as {
      token?: string
      items?: Array<{ id: number }>
    } | null
    return { status: response.status, body: answer }
  }
  const login = async (email: string, password = PASSWORD) => {
    const { body } = await call('POST', '/api/auth/login', '', { email, password })
    if (!body?.token) throw new Error(`no token for ${email}`)
    return body.token
  }
  const open = async (formId: number, token: string) => {
    const { provider } = connect(`${url.replace('http', 'ws')}/collab`, formId, token)
    providers.push(provider)
    await synced(provider)
    return provider
  }

  beforeAll(async () => {
    f = await createFixture(kind)
    collab = new CollabServer({
      database: f.database,
      seed: seedFromStoredForm(f.database.db),
      revalidateMs: 600_000,
    })
    const app = createApp({
      database: f.database,
      config: loadConfig({ SEED_DEMO: 'false' }),
      documents: collab,
      responses: collab,
      sockets: collab,
    })
    server = await new Promise((resolve) => {
      const s = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s))
    })
    collab.attach(server as unknown as HttpServer)
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  })
  afterAll(async () => {
    for (const provider of providers) provider.destroy()
    await collab.close()
    await new Promise<void>((resolve) => server.close(() => resolve()))
    await f.close()
  })

  it('deactivation closes the user’s live socket with 4401 and their token stops working', async () => {
    await createUser(f.database.db, {
      email: 'co-editor@example.org',
      name: '协同编辑',
      password: PASSWORD,
      grants: [{ role: 'editor', orgId: f.orgs.committee }],
    })
    const token = await login('co-editor@example.org')
    const formId = await createForm(f)
    const provider = await open(formId, token)
    const bystander = await open(formId, await f.login('editor'))
    const closed = closedBy(provider, 3000)
    const users = await call('GET', '/api/users?q=co-editor', await f.login('admin'))
    const id = users.body?.items?.[0]?.id
    if (id === undefined) throw new Error('the co-editor is not listed')
    const { status } = await call('POST', `/api/users/${id}/deactivate`, await f.login('admin'))
    expect(status).toBe(200)
    expect(await closed).toMatchObject({ code: CLOSE_REASONS.unauthenticated })
    expect((await call('GET', '/api/me', token)).status).toBe(401)
    expect(bystander.wsconnected).toBe(true)
    expect(collab.stats().connections).toBe(1)
  })

  it('a password change closes the user’s other sessions’ sockets and keeps its own', async () => {
    await createUser(f.database.db, {
      email: 'two-tabs@example.org',
      name: '两处登录',
      password: PASSWORD,
      grants: [{ role: 'editor', orgId: f.orgs.committee }],
    })
    const here = await login('two-tabs@example.org')
    const there = await login('two-tabs@example.org')
    const formId = await createForm(f)
    const kept = await open(formId, here)
    const other = await open(formId, there)
    const closed = closedBy(other, 3000)
    const changed = await call('POST', '/api/auth/password', here, {
      currentPassword: PASSWORD,
      newPassword: STRONG,
    })
    expect(changed.status).toBe(200)
    expect(await closed).toMatchObject({ code: CLOSE_REASONS.unauthenticated })
    expect(kept.wsconnected).toBe(true)
    expect((await call('GET', '/api/me', there)).status).toBe(401)
    expect((await call('GET', '/api/me', here)).status).toBe(200)
  })

  it('a user who must change their password is refused a co-editing socket until they do', async () => {
    await createUser(f.database.db, {
      email: 'must-change@example.org',
      name: '待改密码',
      password: PASSWORD,
      mustChangePassword: true,
      grants: [{ role: 'editor', orgId: f.orgs.committee }],
    })
    const token = await login('must-change@example.org')
    const formId = await createForm(f)
    const { provider } = connect(`${url.replace('http', 'ws')}/collab`, formId, token)
    providers.push(provider)
    expect(await closedBy(provider, 3000)).toMatchObject({ code: CLOSE_REASONS.forbidden })
    const changed = await call('POST', '/api/auth/password', token, {
      currentPassword: PASSWORD,
      newPassword: STRONG,
    })
    expect(changed.status).toBe(200)
    await open(formId, token)
  })
})
