import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createTestDatabase } from '@yardstick/db/testing'
import {
  kill9,
  type ServerProcess,
  signInAndCreateForm,
  startServerProcess,
} from '@yardstick/testing'
import { afterAll, describe, expect, it } from 'vitest'
import type { WebsocketProvider } from 'y-websocket'
import { connect, eventually, synced } from './collab-harness'
import { REDIS_URL, redisPrefix, scaleOutReady } from './redis'

const ready = await scaleOutReady('the scale-out test')

describe.runIf(ready)('two server processes sharing documents through Redis', () => {
  const processes: ServerProcess[] = []
  const providers: WebsocketProvider[] = []
  let closeDatabase: (() => Promise<void>) | undefined
  afterAll(async () => {
    for (const p of providers) p.destroy()
    for (const p of processes) await kill9(p.child)
    await closeDatabase?.()
  })

  it('[COL18] shows edits and presence across processes, catches a late process up, and loses nothing when one is killed', async () => {
    const database = await createTestDatabase('postgres')
    closeDatabase = database.close
    const env = {
      DATABASE_URL: database.url as string,
      REDIS_URL,
      REDIS_PREFIX: redisPrefix(),
      ADMIN_EMAIL: 'chief@example.org',
      ADMIN_PASSWORD: 'chief-password-1',
    }
    const one = await startServerProcess({
      ...env,
      DATA_DIR: mkdtempSync(join(tmpdir(), 'ys-p1-')),
    })
    processes.push(one)
    const { token, formId } = await signInAndCreateForm(
      one.url,
      env.ADMIN_EMAIL,
      env.ADMIN_PASSWORD,
    )
    const ws = (p: ServerProcess) => `${p.url.replace('http', 'ws')}/collab`

    const a = connect(ws(one), formId, token)
    providers.push(a.provider)
    await synced(a.provider)
    a.doc.getText('title').insert(0, '早先的编辑')

    // A process that joins late loads the state from the database.
    const two = await startServerProcess({
      ...env,
      DATA_DIR: mkdtempSync(join(tmpdir(), 'ys-p2-')),
    })
    processes.push(two)
    const b = connect(ws(two), formId, token)
    providers.push(b.provider)
    await synced(b.provider)
    await eventually(() => expect(b.doc.getText('title').toString()).toBe('早先的编辑'))

    // Live both ways, through Redis.
    b.doc.getText('title').insert(0, 'B:')
    await eventually(() => expect(a.doc.getText('title').toString()).toBe('B:早先的编辑'))
    a.doc.getMap('settings').set('kind', 'satisfaction')
    await eventually(() => expect(b.doc.getMap('settings').get('kind')).toBe('satisfaction'))
    b.provider.awareness.setLocalStateField('user', { name: '李四', color: '#c00' })
    await eventually(() =>
      expect(a.provider.awareness.getStates().get(b.doc.clientID)).toEqual({
        user: { name: '李四', color: '#c00' },
      }),
    )

    // Killing a process loses nothing it relayed.
    const expected = a.doc.getText('title').toString()
    await kill9(one.child)
    a.provider.destroy()
    const c = connect(ws(two), formId, token)
    providers.push(c.provider)
    await synced(c.provider)
    expect(c.doc.getText('title').toString()).toBe(expected)
    expect(c.doc.getMap('settings').get('kind')).toBe('satisfaction')
  }, 120_000)
})
