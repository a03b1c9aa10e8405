// The published packages as a consumer receives them: build each, `pnpm pack` it (which replaces
// `workspace:` and `catalog:` versions), then lint the tarball with publint and check its types
// with arethetypeswrong. `pnpm check:packages` runs this; the consumer test
// (packages/sdk/test/package/) reuses it before installing the tarballs elsewhere.
import { execFile } from 'node:child_process'
import { mkdirSync, mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { basename, dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { publint } from 'publint'
import { formatMessage } from 'publint/utils'
import { buildUi } from './build-ui.mjs'

const run = promisify(execFile)
export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..')

/**
 * The published packages. `attw` is arethetypeswrong's profile: `node16` checks Node's ESM and
 * CommonJS resolution and bundlers (not node10, which has no subpath exports); `esm-only` skips
 * CommonJS, for packages that ship ES modules alone (their READMEs say why).
 */
export const PUBLISHED = [
  { name: '@yardstick/sdk', dir: 'packages/sdk', attw: 'node16' },
  { name: '@yardstick/doc', dir: 'packages/doc', attw: 'esm-only' },
  { name: '@yardstick/embed', dir: 'packages/embed', attw: 'esm-only' },
]

/**
 * Builds every published package: the SDK first (the others import it), then the doc and the
 * embed side by side (the embed through build-ui's lock, shared with `pnpm start` and the
 * browser tests, which reuse its build).
 */
export async function buildPackages() {
  const build = (name) =>
    run('pnpm', ['--filter', name, 'run', '--if-present', 'build'], { cwd: ROOT })
  await build('@yardstick/sdk')
  await Promise.all([build('@yardstick/doc'), buildUi(['embed'])])
}

/**
 * Packs each published package into `destination` with `pnpm pack`.
 * @returns {Promise<Array<{ name: string, attw: string, tarball: string }>>}
 */
export async function packPackages(destination) {
  mkdirSync(destination, { recursive: true })
  return Promise.all(
    PUBLISHED.map(async (pkg) => {
      const { stdout } = await run('pnpm', ['pack', '--json', '--pack-destination', destination], {
        cwd: join(ROOT, pkg.dir),
      })
      const { filename } = JSON.parse(stdout)
      return { ...pkg, tarball: join(destination, basename(filename)) }
    }),
  )
}

/** The paths inside a tarball, without npm's `package/` prefix. */
export async function tarballFiles(tarball) {
  const { stdout } = await run('tar', ['-tzf', tarball])
  return stdout
    .split('\n')
    .filter(Boolean)
    .map((path) => path.replace(/^package\//, ''))
}

/**
 * What publint (errors, warnings and suggestions, strict) and arethetypeswrong find in a tarball.
 * @returns {Promise<string[]>} one line per problem; empty when the tarball is clean
 */
export async function tarballProblems({ tarball, attw }) {
  const problems = []
  const data = readFileSync(tarball)
  const buffer = data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength)
  const { messages, pkg } = await publint({ pack: { tarball: buffer }, level: 'suggestion' })
  for (const message of messages) {
    problems.push(`publint ${message.type}: ${formatMessage(message, pkg, { color: false })}`)
  }
  try {
    await run(join(ROOT, 'node_modules/.bin/attw'), [
      tarball,
      '--profile',
      attw,
      '--format',
      'ascii',
    ])
  } catch (error) {
    problems.push(`attw: ${String(error.stdout || error.message).trim()}`)
  }
  return problems
}

/**
 * Builds, packs and checks every published package.
 * @returns {Promise<Array<{ name: string, tarball: string, files: string[], problems: string[] }>>}
 */
export async function checkPackages(destination) {
  await buildPackages()
  const packed = await packPackages(destination)
  return Promise.all(
    packed.map(async (pkg) => ({
      ...pkg,
      files: await tarballFiles(pkg.tarball),
      problems: await tarballProblems(pkg),
    })),
  )
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const results = await checkPackages(mkdtempSync(join(tmpdir(), 'yardstick-pack-')))
  for (const { name, tarball, problems } of results) {
    console.log(`${problems.length === 0 ? 'ok' : 'FAIL'} ${name} (${tarball})`)
    for (const problem of problems) console.log(`  ${problem.replaceAll('\n', '\n  ')}`)
  }
  process.exitCode = results.some(({ problems }) => problems.length > 0) ? 1 : 0
}
