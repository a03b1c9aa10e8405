import type { Server as HttpServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { type ServerType, serve } from '@hono/node-server'
import { type DatabaseKind, schema } from '@yardstick/db'
import { signedInWebSocket } from '@yardstick/testing'
import * as encoding from 'lib0/encoding'
import { afterAll, afterEach, beforeAll } from 'vitest'
import WebSocket from 'ws'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { createApp } from '../../src/app'
import { SESSION_COOKIE } from '../../src/auth/middleware'
import { type CollabOptions, CollabServer } from '../../src/collab/collab-server'
import { seedFromStoredForm } from '../../src/collab/form-documents'
import { loadConfig } from '../../src/config'
import { createFixture, type Fixture } from '../harness'

/** A real HTTP server on an ephemeral port with the app and the co-editing endpoint. */
export interface CollabTestServer {
  url: string
  wsUrl: string
  collab: CollabServer
  stop: () => Promise<void>
}

export async function startCollabServer(
  f: Fixture,
  options: Partial<CollabOptions> = {},
): Promise<CollabTestServer> {
  const collab = new CollabServer({
    database: f.database,
    unloadDelayMs: 200,
    seed: seedFromStoredForm(f.database.db),
    ...options,
  })
  // The app of this server knows the documents (publish and restore go through them).
  const app = createApp({
    database: f.database,
    config: loadConfig({ SEED_DEMO: 'false' }),
    documents: collab,
    responses: collab,
    sockets: collab,
  })
  const server: ServerType = await new Promise((resolve) => {
    const s = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s))
  })
  collab.attach(server as unknown as HttpServer)
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    wsUrl: `ws://127.0.0.1:${port}/collab`,
    collab,
    stop: async () => {
      await collab.close()
      await new Promise<void>((resolve) => server.close(() => resolve()))
    },
  }
}

/** A form row to co-edit, owned by the fixture's committee. */
export async function createForm(f: Fixture, title = '测试表单'): Promise<number> {
  const [form] = await f.database.db
    .insert(schema.forms)
    .values({ orgId: f.orgs.committee, title, json: { title, pages: [] } })
    .returning()
  return form?.id as number
}

/**
 * `y-websocket`'s own provider, with `ws` as its WebSocket and BroadcastChannel OFF: providers
 * in one process would otherwise sync around the server (docs/COLLABORATION.md, "A trap for
 * tests").
 */
export function connect(wsUrl: string, formId: number, token: string, doc = new Y.Doc()) {
  const provider = new WebsocketProvider(wsUrl, String(formId), doc, {
    WebSocketPolyfill: signedInWebSocket(WebSocket, token),
    disableBc: true,
    maxBackoffTime: 200,
  })
  return { doc, provider }
}

/**
 * `ws` as y-websocket's WebSocket, signed in by the session cookie as a browser's upgrade is;
 * `origin` adds the `Origin` header a page sends. (`connect` signs in as a program does, with
 * `Authorization: Bearer`.)
 */
export function cookieSocket(token: string, origin?: string): typeof globalThis.WebSocket {
  const cookie = { cookie: `${SESSION_COOKIE}=${token}`, ...(origin ? { origin } : {}) }
  class CookieSocket extends WebSocket {
    constructor(url: string, protocols?: string | string[]) {
      super(url, protocols, { headers: cookie })
    }
  }
  return CookieSocket as unknown as typeof globalThis.WebSocket
}

/** The options that sign a raw socket in as a program (`Authorization: Bearer`). */
export function sessionHeaders(token: string): WebSocket.ClientOptions {
  return { headers: { authorization: `Bearer ${token}` } }
}

/** Resolves when the provider has synced with the server. */
export function synced(provider: WebsocketProvider, timeoutMs = 10_000): Promise<void> {
  if (provider.synced) return Promise.resolve()
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('not synced in time')), timeoutMs)
    provider.once('sync', (isSynced: boolean) => {
      if (!isSynced) return
      clearTimeout(timer)
      resolve()
    })
  })
}

/** Resolves with the close the server gave a provider that it refused. */
export function closedBy(
  provider: WebsocketProvider,
  timeoutMs = 10_000,
): Promise<{ code: number; reason: string }> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('provider was not closed')), timeoutMs)
    provider.once('closed', (event: { code: number; reason: string }) => {
      clearTimeout(timer)
      resolve(event)
    })
  })
}

/** Polls until `check` passes (it throws until then), or fails with its last error. */
export async function eventually(
  check: () => void | Promise<void>,
  timeoutMs = 5000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    try {
      await check()
      return
    } catch (error) {
      if (Date.now() > deadline) throw error
      await new Promise((resolve) => setTimeout(resolve, 20))
    }
  }
}

/** What a suite of endpoint tests works with; filled in by `useCollabSuite`'s `beforeAll`. */
export interface CollabSuite {
  f: Fixture
  server: CollabTestServer
  /** An editor's session token. */
  token: string
  /** Providers destroyed after each test. */
  providers: WebsocketProvider[]
  /** The API as the signed-in editor, JSON in and out (the body as the test reads it). */
  api: (method: string, path: string, body?: unknown) => Promise<{ status: number; body: any }>
  /** A new form and `count` editors on it, synced (destroyed after the test). */
  editors: (
    count: number,
  ) => Promise<{ formId: number; editors: Array<ReturnType<typeof connect>> }>
}

/**
 * Registers the hooks of a suite on one database kind: a fixture, a real server with `options`,
 * an editor signed in, and providers cleaned up after each test.
 */
export function useCollabSuite(
  kind: DatabaseKind,
  options: Partial<CollabOptions> = {},
): CollabSuite {
  const t = { providers: [] as WebsocketProvider[] } as CollabSuite
  t.api = async (method, path, body) => {
    const response = await fetch(`${t.server.url}${path}`, {
      method,
      headers: { authorization: `Bearer ${t.token}`, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    })
    return { status: response.status, body: await response.json() }
  }
  t.editors = async (count) => {
    const formId = await createForm(t.f)
    const editors = Array.from({ length: count }, () => connect(t.server.wsUrl, formId, t.token))
    t.providers.push(...editors.map((e) => e.provider))
    await Promise.all(editors.map((e) => synced(e.provider)))
    return { formId, editors }
  }
  beforeAll(async () => {
    t.f = await createFixture(kind)
    t.server = await startCollabServer(t.f, options)
    t.token = await t.f.login('editor')
  })
  afterEach(() => {
    for (const provider of t.providers.splice(0)) provider.destroy()
  })
  afterAll(async () => {
    await t.server.stop()
    await t.f.close()
  })
  return t
}

/** A raw socket speaking (or abusing) the protocol, to send exactly the bytes a test wants. */
export function rawSocket(
  url: string,
  options: WebSocket.ClientOptions = {},
): Promise<{
  ws: WebSocket
  closed: Promise<{ code: number; reason: string }>
  received: Uint8Array[]
}> {
  const ws = new WebSocket(url, options)
  const received: Uint8Array[] = []
  ws.on('message', (data) => received.push(new Uint8Array(data as Buffer)))
  const closed = new Promise<{ code: number; reason: string }>((resolve) =>
    ws.on('close', (code, reason) => resolve({ code, reason: reason.toString() })),
  )
  return new Promise((resolve, reject) => {
    ws.once('open', () => resolve({ ws, closed, received }))
    ws.once('error', reject)
  })
}

/** The bytes of one message, written part by part. */
export function message(...parts: Array<(e: encoding.Encoder) => void>): Uint8Array {
  const encoder = encoding.createEncoder()
  for (const part of parts) part(encoder)
  return encoding.toUint8Array(encoder)
}

/** An awareness message carrying `update`. */
export const awarenessMessage = (update: Uint8Array) =>
  message(
    (e) => encoding.writeVarUint(e, 1),
    (e) => encoding.writeVarUint8Array(e, update),
  )
