import { type ChildProcess, spawn } from 'node:child_process'
import { existsSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { type ServerProcess, waitForUrl } from '@yardstick/testing'
import { afterAll, describe, expect, it } from 'vitest'

const ROOT = join(import.meta.dirname, '../../..')

/** Runs the README's `pnpm start` as a real process and waits for the URL it prints. */
function pnpmStart(env: Record<string, string>): Promise<ServerProcess> {
  const child = spawn('pnpm', ['start'], {
    cwd: ROOT,
    env: { ...process.env, ...env, PORT: '0', FORCE_COLOR: '0' },
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  // It builds the designer, the pages and the server first: a longer wait than a bare server's.
  return waitForUrl(child, { timeout: 300_000, name: 'pnpm start' })
}

function exitOf(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) resolve(child.exitCode)
    else child.once('exit', (code) => resolve(code))
  })
}

describe('pnpm start (the README command, a real process)', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'ys-start-'))
  const env = {
    DATA_DIR: dataDir,
    SEED_PASSWORD: 'demo-password-1',
    ADMIN_EMAIL: 'chief@example.org',
    ADMIN_PASSWORD: 'chief-password-1',
  }
  const running: ChildProcess[] = []
  afterAll(() => {
    for (const child of running) {
      if (child.exitCode !== null || child.signalCode !== null || !child.pid) continue
      try {
        process.kill(-child.pid, 'SIGKILL')
      } catch (error) {
        // Already gone between the check and the kill: nothing to clean up.
        if ((error as NodeJS.ErrnoException).code !== 'ESRCH') throw error
      }
    }
  })

  it('serves the API on PGlite with the demo data, refuses a second process, and restarts with its data', async () => {
    const first = await pnpmStart(env)
    running.push(first.child)
    expect(first.output()).toContain('admin@yardstick.local')
    expect(await (await fetch(`${first.url}/api/health`)).json()).toEqual({
      ok: true,
      db: 'pglite',
    })

    const login = await fetch(`${first.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'admin@yardstick.local', password: 'demo-password-1' }),
    })
    expect(login.status).toBe(200)
    const chief = await fetch(`${first.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: env.ADMIN_EMAIL, password: env.ADMIN_PASSWORD }),
    })
    expect(chief.status).toBe(200)
    // It runs the built server (plain `node`, no tsx), and the built form-check worker with it:
    // publishing a form is checked in that worker.
    expect(first.output()).toContain('node --enable-source-maps dist/main.js')
    const { token } = (await chief.json()) as { token: string }
    const signedIn = { 'content-type': 'application/json', authorization: `Bearer ${token}` }
    const form = await fetch(`${first.url}/api/forms`, {
      method: 'POST',
      headers: signedIn,
      body: JSON.stringify({ title: '构建检查' }),
    })
    const { id } = (await form.json()) as { id: number }
    const published = await fetch(`${first.url}/api/forms/${id}/publish`, {
      method: 'POST',
      headers: signedIn,
      body: JSON.stringify({ note: 'built worker' }),
    })
    expect(published.status).toBe(201)
    const home = await (await fetch(first.url)).text()
    expect(home).toContain('secretary@yardstick.local')
    expect(home).not.toContain('demo-password-1')

    // PGlite is single-process: a second server on the same folder must refuse to start.
    const second = spawn('pnpm', ['start'], {
      cwd: ROOT,
      env: { ...process.env, ...env, PORT: '0' },
      detached: true,
    })
    running.push(second)
    let secondOut = ''
    second.stderr?.on('data', (c) => {
      secondOut += c
    })
    second.stdout?.on('data', (c) => {
      secondOut += c
    })
    expect(await exitOf(second)).not.toBe(0)
    expect(secondOut).toContain('in use by another Yardstick process')

    process.kill(-(first.child.pid as number), 'SIGTERM')
    await exitOf(first.child)
    // pnpm may exit before the server below it has flushed and released its lock.
    const deadline = Date.now() + 15_000
    while (existsSync(join(dataDir, 'yardstick.lock')) && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 50))
    }
    expect(existsSync(join(dataDir, 'yardstick.lock'))).toBe(false)

    const again = await pnpmStart(env)
    running.push(again.child)
    expect(again.output()).toContain('admin@yardstick.local')
    const relogin = await fetch(`${again.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'editor@yardstick.local', password: 'demo-password-1' }),
    })
    expect(relogin.status).toBe(200)
    process.kill(-(again.child.pid as number), 'SIGTERM')
    await exitOf(again.child)
  }, 720_000)
})
