import type { Server as HttpServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { type ServerType, serve } from '@hono/node-server'
import { schema } from '@yardstick/db'
import WebSocket from 'ws'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { createApp } from '../../src/app'
import { type CollabOptions, CollabServer } from '../../src/collab/collab-server'
import { seedFromStoredForm } from '../../src/collab/form-documents'
import { loadConfig } from '../../src/config'
import type { Fixture } from '../harness'

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
 * in one process would otherwise sync around the server (COLLAB-NOTES, "a trap for tests").
 */
export function connect(wsUrl: string, formId: number, token: string, doc = new Y.Doc()) {
  const provider = new WebsocketProvider(wsUrl, String(formId), doc, {
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
    params: { token },
    maxBackoffTime: 200,
  })
  return { doc, provider }
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
