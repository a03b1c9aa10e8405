import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import {
  kill9,
  type ServerProcess,
  signInAndCreateForm,
  startServerProcess,
} from '@yardstick/testing'
import { afterAll, describe, expect, it } from 'vitest'
import type { WebsocketProvider } from 'y-websocket'
import { connect, eventually, synced } from './collab-harness'

describe('a server killed with SIGKILL (embedded PGlite)', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'ys-kill-'))
  const env = {
    DATA_DIR: dataDir,
    ADMIN_EMAIL: 'chief@example.org',
    ADMIN_PASSWORD: 'chief-password-1',
  }
  const processes: ServerProcess[] = []
  const providers: WebsocketProvider[] = []
  afterAll(async () => {
    for (const p of providers) p.destroy()
    for (const p of processes) await kill9(p.child)
  })

  it('[COL17] has every update it relayed after a restart', async () => {
    const first = await startServerProcess(env)
    processes.push(first)
    const { token, formId } = await signInAndCreateForm(
      first.url,
      env.ADMIN_EMAIL,
      env.ADMIN_PASSWORD,
    )
    const wsUrl = `${first.url.replace('http', 'ws')}/collab`
    const a = connect(wsUrl, formId, token)
    const b = connect(wsUrl, formId, token)
    providers.push(a.provider, b.provider)
    await Promise.all([synced(a.provider), synced(b.provider)])
    for (let i = 0; i < 60; i++) {
      a.doc.getText('title').insert(a.doc.getText('title').length, String(i % 10))
      a.doc.getMap('settings').set(`k${i % 7}`, i)
    }
    const expected = a.doc.getText('title').toString()
    // B saw everything: the server relayed it, so it must be durable.
    await eventually(() => expect(b.doc.getText('title').toString()).toBe(expected))
    await kill9(first.child)
    // The clients must not bring the state back themselves: only the server's storage counts.
    a.provider.destroy()
    b.provider.destroy()

    const second = await startServerProcess(env)
    processes.push(second)
    const c = connect(`${second.url.replace('http', 'ws')}/collab`, formId, token)
    providers.push(c.provider)
    await synced(c.provider)
    expect(c.doc.getText('title').toString()).toBe(expected)
    expect(c.doc.getMap('settings').get('k3')).toBe(59)
  }, 120_000)
})
