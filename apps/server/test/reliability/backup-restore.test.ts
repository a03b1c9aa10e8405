// Backups under load: a real server process takes submissions from many clients while
// `pnpm backup` runs (the CLI itself, as an operator types it); the backup is restored with
// `pnpm restore` into new storage and a server started on it. Then every submission is sent
// again, with the same Idempotency-Key and token, to the restored server: what the backup held
// must answer 200 with the id it was first acknowledged with (nothing acknowledged before the
// backup began is missing, nothing is counted twice), the rest 201 — and the restored server's
// results must then equal the source's, byte for byte.
import { spawn } from 'node:child_process'
import { randomUUID } from 'node:crypto'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createTestDatabase, testStores } from '@yardstick/db/testing'
import { templates } from '@yardstick/sdk'
import { kill9, startServerProcess } from '@yardstick/testing'
import { afterAll, describe, expect, it } from 'vitest'
import { completeAnswers } from '../../src/campaigns/test-fixture'
import { ADMIN, call, envOfAdmin, setUpTokenCampaign } from './token-campaign'

const SUBMISSIONS = process.env.YS_CHAOS === '1' ? 3000 : 300
const CLIENTS = 8
// Paced so that submissions keep arriving while the backup command starts (a few seconds of
// Node and tsx) and runs: about 40 a second in all.
const PAUSE_MS = (CLIENTS * 1000) / 40
/** The backup starts after this many acknowledgements; this many wait for it to finish. */
const MARGIN = SUBMISSIONS / 6
const START_TIMEOUT = 240_000
const SERVER_ROOT = join(import.meta.dirname, '../..')
const CHOICES = ['satisfied', 'basic', 'dissatisfied']

/** Runs `pnpm backup` / `pnpm restore`'s command with `env`; resolves with its output. */
function backupCli(args: string[], env: Record<string, string>): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', '--conditions=@yardstick/source', 'src/backup/cli.ts', ...args],
      { cwd: SERVER_ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] },
    )
    let output = ''
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk
    })
    child.stderr.on('data', (chunk: Buffer) => {
      output += chunk
    })
    child.on('exit', (code) =>
      code === 0 ? resolve(output) : reject(new Error(`backup cli ${args[0]}: ${code} ${output}`)),
    )
  })
}

async function signIn(url: string): Promise<string> {
  const response = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(ADMIN),
  })
  return ((await response.json()) as { token: string }).token
}

interface Sent {
  key: string
  body: string
}

async function submit(url: string, slug: string, { key, body }: Sent) {
  const response = await fetch(`${url}/api/links/${slug}/responses`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'idempotency-key': key },
    body,
    signal: AbortSignal.timeout(60_000),
  })
  const answer = (await response.json()) as { id?: number }
  return { status: response.status, id: answer.id }
}

const STORES = await testStores()
const folders: string[] = []
afterAll(() => {
  for (const folder of folders) rmSync(folder, { recursive: true, force: true })
})

describe('pnpm backup under load, pnpm restore', () => {
  it.concurrent.each(STORES)(
    'restores on %s to a server whose results equal the source once every request is replayed',
    async (kind) => {
      const folder = mkdtempSync(join(tmpdir(), 'ys-backup-'))
      folders.push(folder)
      const source = kind === 'postgres' ? await createTestDatabase('postgres') : null
      const target = kind === 'postgres' ? await createTestDatabase('postgres') : null
      const sourceEnv: Record<string, string> = { DATA_DIR: join(folder, 'source') }
      const targetEnv: Record<string, string> = { DATA_DIR: join(folder, 'target') }
      if (source?.url) sourceEnv.DATABASE_URL = source.url
      if (target?.url) targetEnv.DATABASE_URL = target.url
      const archive = join(folder, kind === 'postgres' ? 'backup.dump' : 'backup.tar.gz')
      const servers = []
      try {
        const first = await startServerProcess(
          { ...sourceEnv, ...envOfAdmin() },
          { timeout: START_TIMEOUT },
        )
        servers.push(first)
        const { campaignId, slug, tokens } = await setUpTokenCampaign(
          first.url,
          SUBMISSIONS,
          '备份测试',
        )
        const sent: Sent[] = tokens.map((token, i) => ({
          key: randomUUID(),
          body: JSON.stringify({
            answers: completeAnswers(templates.satisfaction, CHOICES[i % CHOICES.length]),
            token,
          }),
        }))
        const acknowledged = new Map<string, number>()
        let next = 0
        // The last few wait for the backup to finish, so the backup cannot hold everything.
        let backupDone: () => void = () => {}
        const finished = new Promise<void>((resolve) => {
          backupDone = resolve
        })
        const client = async () => {
          while (next < SUBMISSIONS) {
            if (next >= SUBMISSIONS - MARGIN) await finished
            if (next >= SUBMISSIONS) return
            const request = sent[next++] as Sent
            await new Promise((resolve) => setTimeout(resolve, PAUSE_MS))
            const { status, id } = await submit(first.url, slug, request)
            expect(status).toBe(201)
            acknowledged.set(request.key, id as number)
          }
        }
        let before = new Set<string>()
        let during = 0
        const backup = async () => {
          while (acknowledged.size < MARGIN) await new Promise((r) => setTimeout(r, 5))
          before = new Set(acknowledged.keys())
          await backupCli(['backup', '--out', archive], sourceEnv)
          during = acknowledged.size - before.size
          backupDone()
        }
        await Promise.all([backup(), ...Array.from({ length: CLIENTS }, client)])
        expect(existsSync(archive)).toBe(true)
        // Under load means submissions were acknowledged while the backup ran.
        expect(during).toBeGreaterThan(0)
        const sourceResults = await call(
          first.url,
          await signIn(first.url),
          'GET',
          `/api/campaigns/${campaignId}/results`,
        )
        await kill9(first.child)

        await backupCli(['restore', archive], targetEnv)
        const restored = await startServerProcess(
          { ...targetEnv, ...envOfAdmin() },
          { timeout: START_TIMEOUT },
        )
        servers.push(restored)
        let held = 0
        for (const request of sent) {
          const { status, id } = await submit(restored.url, slug, request)
          if (before.has(request.key)) {
            expect({ key: request.key, status, id }).toEqual({
              key: request.key,
              status: 200,
              id: acknowledged.get(request.key),
            })
          }
          expect([200, 201]).toContain(status)
          if (status === 200) held++
        }
        expect(held).toBeGreaterThanOrEqual(before.size)
        expect(held).toBeLessThan(SUBMISSIONS)
        const restoredResults = await call(
          restored.url,
          await signIn(restored.url),
          'GET',
          `/api/campaigns/${campaignId}/results`,
        )
        expect(restoredResults).toEqual(sourceResults)
        // The restored running aggregates equal the restored responses (and the replays added).
        const verified = await call(
          restored.url,
          await signIn(restored.url),
          'GET',
          `/api/campaigns/${campaignId}/aggregates/verify`,
        )
        expect(verified).toMatchObject({ differences: [], differenceCount: 0 })
        console.log(
          JSON.stringify({ kind, submissions: SUBMISSIONS, before: before.size, during, held }),
        )
      } catch (error) {
        // A failed request (a 500) says why only in the server's own output: keep it.
        servers.forEach((server, i) => {
          console.error(
            `${kind} ${i === 0 ? 'source' : 'restored'} server output:\n${server.output()}`,
          )
        })
        throw error
      } finally {
        for (const server of servers) await kill9(server.child)
        await source?.close()
        await target?.close()
      }
    },
    900_000,
  )
})
