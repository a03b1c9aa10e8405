// Builds what `pnpm start` serves and runs — the designer, the embed, the respondent page and the
// server's own bundle — unless a build of the same sources is already there. `pnpm start`, the browser tests and the
// benchmarks all call this: the first builds, the rest reuse, and two never build one package at
// the same time (a lock per checkout). Plain JavaScript so `pnpm start` runs it with no loader.
import { spawn } from 'node:child_process'
import { createHash } from 'node:crypto'
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { dirname, join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..')
const STAMP = '.source-fingerprint'

/** What each build reads (beyond node_modules, which the lockfile pins) and where it writes. */
const TARGETS = {
  designer: {
    filter: '@yardstick/designer',
    dist: 'apps/designer/dist',
    inputs: ['apps/designer', 'packages/sdk', 'packages/doc'],
  },
  embed: {
    filter: '@yardstick/embed',
    dist: 'packages/embed/dist',
    inputs: ['packages/embed', 'packages/sdk'],
  },
  respondent: {
    filter: '@yardstick/respondent',
    dist: 'apps/respondent/dist',
    inputs: ['apps/respondent', 'packages/sdk'],
  },
  // The server itself, as plain JavaScript (apps/server/build.config.ts): `pnpm start` runs it
  // with `node`, compiling no TypeScript at start.
  server: {
    filter: '@yardstick/server',
    dist: 'apps/server/dist',
    inputs: ['apps/server', 'packages/sdk', 'packages/contract', 'packages/db', 'packages/doc'],
  },
}
const SKIP = new Set(['node_modules', 'dist', 'test', 'bench', '.data'])

function walk(dir, files) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (SKIP.has(entry.name) || entry.name.startsWith('.')) continue
    const path = join(dir, entry.name)
    if (entry.isDirectory()) walk(path, files)
    else if (!/\.test\.tsx?$/.test(entry.name)) files.push(path)
  }
}

/** A hash of the inputs' paths, sizes and modification times, and of the lockfile. */
function fingerprint(target) {
  const files = [join(ROOT, 'pnpm-lock.yaml')]
  for (const input of target.inputs) walk(join(ROOT, input), files)
  const hash = createHash('sha256')
  for (const file of files.sort()) {
    const { size, mtimeMs } = statSync(file)
    hash.update(`${relative(ROOT, file)}\0${size}\0${mtimeMs}\n`)
  }
  return hash.digest('hex')
}

function readStamp(target) {
  try {
    return readFileSync(join(ROOT, target.dist, STAMP), 'utf8')
  } catch {
    return null
  }
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms))

function alive(pid) {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return error.code === 'EPERM'
  }
}

/**
 * The fingerprint of what the named target is built from (its sources and the lockfile): what
 * else is derived from the same sources (the tests' demo data folder) is kept beside it.
 * @param {keyof typeof TARGETS} name
 */
export function sourcesFingerprint(name) {
  const target = TARGETS[name]
  if (!target) throw new Error(`build-ui: no target ${name} (${Object.keys(TARGETS).join(', ')})`)
  return fingerprint(target)
}

/**
 * Holds `node_modules/.cache/yardstick-build-<name>.lock` while `work` runs: one builder at a
 * time across processes; a lock whose process died is taken over.
 * @template T
 * @param {string} name
 * @param {() => Promise<T>} work
 * @returns {Promise<T>}
 */
export async function withLock(name, work) {
  const lock = join(ROOT, 'node_modules', '.cache', `yardstick-build-${name}.lock`)
  mkdirSync(dirname(lock), { recursive: true })
  const deadline = Date.now() + 10 * 60_000
  for (;;) {
    try {
      mkdirSync(lock)
      writeFileSync(join(lock, 'pid'), String(process.pid))
      break
    } catch (error) {
      if (error.code !== 'EEXIST') throw error
      let holder = 0
      try {
        holder = Number(readFileSync(join(lock, 'pid'), 'utf8'))
      } catch {
        // Created but its pid not written yet: its holder is starting.
      }
      if (holder && !alive(holder)) rmSync(lock, { recursive: true, force: true })
      else if (Date.now() > deadline) throw new Error(`build-ui: ${lock} held for 10 min`)
      else await sleep(200)
    }
  }
  try {
    return await work()
  } finally {
    rmSync(lock, { recursive: true, force: true })
  }
}

function run(filter) {
  return new Promise((resolve, reject) => {
    // Production React whatever the caller runs under (vitest sets NODE_ENV=test).
    const child = spawn('pnpm', ['--filter', filter, 'build'], {
      cwd: ROOT,
      stdio: ['ignore', 'inherit', 'inherit'],
      env: { ...process.env, NODE_ENV: 'production' },
    })
    child.on('error', reject)
    child.on('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`build-ui: ${filter} build exited with ${code}`)),
    )
  })
}

/**
 * Builds each named target whose sources changed since its last build.
 * @param {Array<keyof typeof TARGETS>} names
 * @returns {Promise<string[]>} the targets it built
 */
export async function buildUi(names = Object.keys(TARGETS)) {
  const built = []
  for (const name of names) {
    const target = TARGETS[name]
    if (!target) throw new Error(`build-ui: no target ${name} (${Object.keys(TARGETS).join(', ')})`)
    await withLock(name, async () => {
      const sources = fingerprint(target)
      if (readStamp(target) === sources) return
      await run(target.filter)
      writeFileSync(join(ROOT, target.dist, STAMP), sources)
      built.push(name)
    })
  }
  return built
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const names = process.argv.slice(2)
  const built = await buildUi(names.length > 0 ? names : undefined)
  console.log(built.length > 0 ? `built ${built.join(', ')}` : 'builds up to date')
}
