// HAProxy from Debian's package, started by a test in front of server processes, with the
// configuration docs/deploy.md gives (health checks on /api/ready, retries only where a request
// is safe to send again).
import { type ChildProcess, execFileSync, spawn } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { availableOrSkip } from '@yardstick/testing'

const HAPROXY = '/usr/sbin/haproxy'

/** Whether HAProxy is installed; absent in CI, an error, elsewhere a loud skip. */
export async function haproxyReady(name: string): Promise<boolean> {
  let installed = true
  try {
    execFileSync(HAPROXY, ['-v'], { stdio: 'ignore' })
  } catch {
    installed = false
  }
  return availableOrSkip({
    available: installed,
    missing: `HAProxy (${HAPROXY}; Debian: apt-get install haproxy) is not installed`,
    skipped: `${name} does not run`,
  })
}

/** A free port on the loopback (HAProxy cannot be told to pick one and say which). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('port')),
      )
    })
  })
}

const DEPLOYED_CONFIG = join(import.meta.dirname, '../../../../docs/deploy/haproxy.cfg')

/**
 * The configuration of docs/deploy.md (`docs/deploy/haproxy.cfg`, read, not copied), listening
 * on `port` over `backends` (`host:port`).
 */
export function haproxyConfig(port: number, backends: readonly string[]): string {
  const servers = backends.map((backend, i) => `  server s${i + 1} ${backend} check`).join('\n')
  const lines = readFileSync(DEPLOYED_CONFIG, 'utf8').split('\n')
  const kept = lines.filter((line) => !/^\s*server\s/.test(line))
  const bind = kept.findIndex((line) => /^\s*bind\s/.test(line))
  if (bind < 0 || kept.length === lines.length) throw new Error('haproxy.cfg: no bind or servers')
  kept[bind] = `  bind 127.0.0.1:${port}`
  return `${kept.join('\n').trimEnd()}\n${servers}\n`
}

/** A running HAProxy: its URL and how to stop it. */
export interface Balancer {
  url: string
  child: ChildProcess
  stop: () => Promise<void>
}

/** Starts HAProxy in the foreground over `urls` and waits until it routes to a ready process. */
export async function startHaproxy(urls: readonly string[]): Promise<Balancer> {
  const port = await freePort()
  const folder = mkdtempSync(join(tmpdir(), 'ys-haproxy-'))
  const file = join(folder, 'haproxy.cfg')
  writeFileSync(
    file,
    haproxyConfig(
      port,
      urls.map((u) => new URL(u).host),
    ),
  )
  try {
    execFileSync(HAPROXY, ['-c', '-f', file], { stdio: 'pipe' })
  } catch (error) {
    throw new Error(`haproxy refuses its configuration: ${(error as { stderr?: Buffer }).stderr}`)
  }
  const child = spawn(HAPROXY, ['-db', '-f', file], { stdio: ['ignore', 'ignore', 'pipe'] })
  let output = ''
  child.stderr?.on('data', (chunk: Buffer) => {
    output += chunk
  })
  const url = `http://127.0.0.1:${port}`
  const stop = async () => {
    if (child.exitCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve))
      child.kill('SIGKILL')
      await exited
    }
    rmSync(folder, { recursive: true, force: true })
  }
  const deadline = Date.now() + 30_000
  for (;;) {
    if (child.exitCode !== null) throw new Error(`haproxy exited ${child.exitCode}: ${output}`)
    try {
      if ((await fetch(`${url}/api/ready`)).status === 200) return { url, child, stop }
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline) {
      await stop()
      throw new Error(`haproxy did not route within 30 s: ${output}`)
    }
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
}
