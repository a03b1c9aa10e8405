import { type ChildProcess, spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { copyDemoData } from './demo-data'

// The server's process entry stays with the server (it imports the server's own start); the
// harness only starts it, from the server's folder so tsx and the source condition resolve there.
const SERVER_ROOT = join(import.meta.dirname, '../../../apps/server')
const SERVER_ENTRY = join(SERVER_ROOT, 'test/collab/server-process.ts')

/** A server process started for a test, with its URL and its output so far. */
export interface ServerProcess {
  child: ChildProcess
  url: string
  output: () => string
}

/** How startServerProcess starts the process. */
export interface ServerProcessOptions {
  /** The script to run; the server's test entry (`apps/server/test/collab/server-process.ts`) by default. */
  entry?: string
  /** Node's own flags, e.g. `--expose-gc`; none by default. */
  nodeArgs?: string[]
  /** Milliseconds to wait for its URL; 60 000 by default (waitForUrl). */
  timeout?: number
}

/**
 * Starts the server in ONE Node process (tsx as an import hook, not the tsx binary, which would
 * run the server in a grandchild that SIGKILL of the child leaves behind) with `env` over this
 * process's environment (port 0, no demo data unless asked), and waits for the URL it prints.
 *
 * @example
 * const server = await startServerProcess({ DATA_DIR: dir })
 * await kill9(server.child)
 */
export function startServerProcess(
  env: Record<string, string>,
  { entry = SERVER_ENTRY, nodeArgs = [], timeout }: ServerProcessOptions = {},
): Promise<ServerProcess> {
  const child = spawn(
    process.execPath,
    [...nodeArgs, '--import', 'tsx', '--conditions=@yardstick/source', entry],
    {
      cwd: SERVER_ROOT,
      env: { ...process.env, PORT: '0', SEED_DEMO: 'false', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  )
  return waitForUrl(child, timeout === undefined ? {} : { timeout })
}

/** How long waitForUrl waits, and what its errors call the process. */
export interface WaitForUrlOptions {
  /** Milliseconds before it gives up; 60 000 by default. */
  timeout?: number
  /** The process's name in the errors; `server` by default. */
  name?: string
}

/**
 * Collects a started server's output and waits for the URL it prints (`running at http://…`);
 * fails with that output if the process exits first or prints no URL in time.
 *
 * @example
 * const started = await waitForUrl(spawn('pnpm', ['start']), { timeout: 180_000, name: 'pnpm start' })
 */
export function waitForUrl(
  child: ChildProcess,
  { timeout = 60_000, name = 'server' }: WaitForUrlOptions = {},
): Promise<ServerProcess> {
  let out = ''
  child.stdout?.on('data', (chunk) => {
    out += chunk
  })
  child.stderr?.on('data', (chunk) => {
    out += chunk
  })
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`${name} printed no URL in ${timeout / 1000} s:\n${out}`)),
      timeout,
    )
    const check = setInterval(() => {
      const match = out.match(/running at (http:\/\/[\d.]+:\d+)/)
      if (!match?.[1]) return
      clearInterval(check)
      clearTimeout(timer)
      resolve({ child, url: match[1], output: () => out })
    }, 25)
    child.once('exit', (code) => {
      clearInterval(check)
      clearTimeout(timer)
      reject(new Error(`${name} exited with ${code} before printing its URL:\n${out}`))
    })
  })
}

/**
 * Kills a process with SIGKILL and waits until it is gone.
 *
 * @example
 * await kill9(server.child)
 */
export function kill9(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve()
  return new Promise((resolve) => {
    child.once('exit', () => resolve())
    child.kill('SIGKILL')
  })
}

/**
 * Signs in over HTTP and creates a form; returns the token and the form id.
 *
 * @example
 * const { token, formId } = await signInAndCreateForm(server.url, email, password)
 */
export async function signInAndCreateForm(
  url: string,
  email: string,
  password: string,
): Promise<{ token: string; formId: number }> {
  const login = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  })
  if (login.status !== 200) throw new Error(`login: ${login.status} ${await login.text()}`)
  const { token } = (await login.json()) as { token: string }
  const created = await fetch(`${url}/api/forms`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ title: '进程测试表单' }),
  })
  if (created.status !== 201)
    throw new Error(`create form: ${created.status} ${await created.text()}`)
  const { id } = (await created.json()) as { id: number }
  return { token, formId: id }
}

/** A real server process on a fresh data folder with the demo data. */
export interface DemoServer {
  url: string
  process: ServerProcess
  /** Everything the process printed so far. */
  output: () => string
  /** Kills the process and removes its data folder. */
  stop: () => Promise<void>
}

/**
 * The real server in its own process on a fresh data folder, seeded with the demo data whose
 * accounts all have `password` (browser tests, examples, benchmarks); `env` adds to its settings.
 * The folder starts as a copy of one the same sources seeded (copyDemoData); the server's start
 * then finds the demo data there, as a restart does.
 *
 * @example
 * const server = await startDemoServer(PASSWORD)
 * afterAll(() => server.stop())
 */
export async function startDemoServer(
  password: string,
  env: Record<string, string> = {},
): Promise<DemoServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'ys-demo-'))
  // On PostgreSQL the demo data is seeded there; the folder holds no database to copy.
  if (!env.DATABASE_URL) await copyDemoData(dataDir, password)
  const server = await startServerProcess({
    DATA_DIR: dataDir,
    SEED_DEMO: 'true',
    SEED_PASSWORD: password,
    ...env,
  })
  return {
    url: server.url,
    process: server,
    output: server.output,
    stop: async () => {
      await kill9(server.child)
      rmSync(dataDir, { recursive: true, force: true })
    },
  }
}
