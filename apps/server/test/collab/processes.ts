import { type ChildProcess, spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

const ENTRY = join(import.meta.dirname, 'server-process.ts')
const SERVER_ROOT = join(import.meta.dirname, '../..')

/** A server process started for a test, with its URL and its output so far. */
export interface ServerProcess {
  child: ChildProcess
  url: string
  output: () => string
}

/**
 * Starts `server-process.ts` in ONE Node process (tsx as an import hook, not the tsx binary,
 * which would run the server in a grandchild that SIGKILL of the child leaves behind) and
 * waits for the URL it prints.
 */
export function startServerProcess(
  env: Record<string, string>,
  { entry = ENTRY, nodeArgs = [] as string[] } = {},
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
  let out = ''
  child.stdout?.on('data', (chunk) => {
    out += chunk
  })
  child.stderr?.on('data', (chunk) => {
    out += chunk
  })
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`server printed no URL in 60 s:\n${out}`)),
      60_000,
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
      reject(new Error(`server exited with ${code}:\n${out}`))
    })
  })
}

/** Kills a process with SIGKILL and waits until it is gone. */
export function kill9(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve()
  return new Promise((resolve) => {
    child.once('exit', () => resolve())
    child.kill('SIGKILL')
  })
}

/** Signs in over HTTP and creates a form; returns the token and the form id. */
export async function signInAndCreateForm(url: string, email: string, password: string) {
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
 * accounts all have `password` (browser tests, examples, benchmarks).
 */
export async function startDemoServer(
  password: string,
  env: Record<string, string> = {},
): Promise<DemoServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'ys-demo-'))
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
