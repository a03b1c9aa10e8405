// The published packages as a consumer gets them: built, packed by `pnpm pack`, linted (publint,
// arethetypeswrong), installed from the tarballs into a fresh folder outside the workspace, then
// used the four ways a consumer would — Node ESM, Node CommonJS, TypeScript under `nodenext` and
// `bundler`, and a Vite page. The workspace's own `@yardstick/source` condition is not in play
// there, so this is what `import '@yardstick/sdk'` does in another system.
import { execFile } from 'node:child_process'
import {
  cpSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  realpathSync,
  rmSync,
  writeFileSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import {
  FORM_LIMITS,
  SOURCE_KEYS,
  satisfactionForm,
  scoreResponse,
  templates,
  validateForm,
} from '@yardstick/sdk'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { checkPackages, ROOT } from '../../../../scripts/packages.mjs'

const run = promisify(execFile)
const FIXTURES = fileURLToPath(new URL('./consumer/', import.meta.url))
const SDK_DIR = fileURLToPath(new URL('../../', import.meta.url))

/** The version the SDK's workspace installed, so the consumer's install is from the local store. */
function installed(name: string): string {
  const path = join(SDK_DIR, 'node_modules', name, 'package.json')
  return (JSON.parse(readFileSync(path, 'utf8')) as { version: string }).version
}

/** The environment without pnpm's own script variables (this test may run under `pnpm test`). */
function consumerEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {}
  for (const [key, value] of Object.entries(process.env)) {
    if (!/^(npm_|pnpm_)/i.test(key)) env[key] = value
  }
  return { ...env, NODE_ENV: 'production' }
}

let folder: string
let packages: Awaited<ReturnType<typeof checkPackages>>
let app: string

/** Runs a command in the consumer's folder; a failure carries its whole output. */
async function inApp(command: string, args: string[]): Promise<string> {
  try {
    const { stdout } = await run(command, args, { cwd: app, env: consumerEnv() })
    return stdout
  } catch (error) {
    const { stdout = '', stderr = '' } = error as { stdout?: string; stderr?: string }
    throw new Error(`${command} ${args.join(' ')} failed:\n${stdout}\n${stderr}`)
  }
}

beforeAll(async () => {
  folder = mkdtempSync(join(tmpdir(), 'yardstick-consumer-'))
  packages = await checkPackages(join(folder, 'tarballs'))
  app = join(folder, 'app')
  cpSync(FIXTURES, app, { recursive: true })
  cpSync(join(app, 'types.ts'), join(app, 'nodenext', 'types.ts'))
  cpSync(join(app, 'types.ts'), join(app, 'bundler', 'types.ts'))
  const tarball = (name: string) => {
    const found = packages.find((pkg) => pkg.name === name)
    if (!found) throw new Error(`${name} was not packed`)
    return `file:${found.tarball}`
  }
  const sdk = tarball('@yardstick/sdk')
  const manifest = {
    name: 'yardstick-consumer',
    private: true,
    type: 'module',
    dependencies: {
      '@yardstick/sdk': sdk,
      '@yardstick/doc': tarball('@yardstick/doc'),
      '@yardstick/embed': tarball('@yardstick/embed'),
      react: installed('react'),
      'react-dom': installed('react-dom'),
      'survey-core': installed('survey-core'),
      'survey-react-ui': installed('survey-react-ui'),
    },
    devDependencies: {
      '@types/react': installed('@types/react'),
      '@types/react-dom': installed('@types/react-dom'),
      typescript: installed('typescript'),
      vite: installed('vite'),
    },
    pnpm: {
      // `@yardstick/doc` and `@yardstick/embed` depend on `@yardstick/sdk@0.1.0`: this tarball.
      overrides: { '@yardstick/sdk': sdk },
      // As in the workspace: survey-react-ui 3.0.0 pins survey-core 3.0.0; the SDK ships 3.1.1.
      peerDependencyRules: { allowedVersions: { 'survey-react-ui>survey-core': '3.1.1' } },
    },
  }
  writeFileSync(join(app, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`)
  // No lockfile here (CI=true would demand one); every version is in the local store already.
  await inApp('pnpm', ['install', '--prefer-offline', '--no-frozen-lockfile', '--reporter=silent'])
}, 600_000)

afterAll(() => {
  if (folder) rmSync(folder, { recursive: true, force: true })
})

describe('the packed tarballs', () => {
  test('pass publint and arethetypeswrong', () => {
    for (const pkg of packages)
      expect({ name: pkg.name, problems: pkg.problems }).toEqual({
        name: pkg.name,
        problems: [],
      })
  })

  test('carry the LICENSE, the README and the CHANGELOG', () => {
    for (const pkg of packages) {
      expect(pkg.files, pkg.name).toEqual(
        expect.arrayContaining(['LICENSE', 'README.md', 'CHANGELOG.md', 'package.json']),
      )
    }
  })

  test('carry the repository MIT LICENSE as it is', () => {
    const license = readFileSync(join(ROOT, 'LICENSE'), 'utf8')
    expect(license).toMatch(/^MIT License\n\nCopyright \(c\) \d{4} The Yardstick authors\n/)
    for (const pkg of packages) {
      expect(readFileSync(join(app, 'node_modules', pkg.name, 'LICENSE'), 'utf8'), pkg.name).toBe(
        license,
      )
    }
  })

  test('have no workspace: or catalog: versions left', () => {
    for (const pkg of packages) {
      const manifest = readFileSync(join(app, 'node_modules', pkg.name, 'package.json'), 'utf8')
      expect(manifest, pkg.name).not.toMatch(/"(workspace|catalog):/)
    }
  })

  test('install outside the workspace, as copies of the tarballs', () => {
    expect(relative(ROOT, app).startsWith('..')).toBe(true)
    for (let dir = app; dir !== dirname(dir); dir = dirname(dir)) {
      expect(existsSync(join(dir, 'pnpm-workspace.yaml')), dir).toBe(false)
    }
    for (const pkg of packages) {
      const real = realpathSync(join(app, 'node_modules', pkg.name))
      expect(real.startsWith(realpathSync(app)), `${pkg.name} at ${real}`).toBe(true)
    }
  })
})

/** What the consumer scripts print, computed here from the workspace's sources. */
function expected() {
  const form = satisfactionForm({
    title: '党员群众满意度测评',
    aspects: [
      { name: 'study', title: '政治理论学习' },
      { name: 'service', title: '联系服务群众' },
    ],
  })
  return {
    satisfaction: scoreResponse(form, { study: 'satisfied', service: 'basic' }).satisfaction,
    scorecardValid: validateForm(templates.scorecard).valid,
    quizQuestions: (templates.quiz.pages ?? []).flatMap((page) => page.elements ?? []).length,
    sources: SOURCE_KEYS,
    maxDepth: FORM_LIMITS.maxDepth,
    token: 'ABCDEF',
  }
}

// Side by side: each runs its own process (node, tsc, vite) in the installed folder.
describe.concurrent('a consumer of the installed packages', () => {
  test('(a) plain Node ES modules import the SDK and the doc, and score a form', async () => {
    const printed = JSON.parse(await inApp('node', ['esm.mjs']))
    // `docRoundTrip`: the doc package's exact round trip ([DOC1]) of a template, in that process.
    expect(printed).toEqual({ ...expected(), docRoundTrip: true })
    expect(printed.satisfaction).toEqual({ satisfied: 2, answered: 2, rate: 1, index: 80 })
  })

  test('(b) CommonJS requires the SDK (and the ES-only doc) and scores a form', async () => {
    expect(JSON.parse(await inApp('node', ['cjs.cjs']))).toEqual({
      ...expected(),
      docRoundTrip: true,
    })
  })

  test('(c) TypeScript type-checks it under nodenext (ESM and CommonJS) and bundler', async () => {
    const tsc = join(app, 'node_modules', '.bin', 'tsc')
    const [nodenext, bundler] = await Promise.all([
      inApp(tsc, ['-p', 'nodenext']),
      inApp(tsc, ['-p', 'bundler']),
    ])
    expect({ nodenext, bundler }).toEqual({ nodenext: '', bundler: '' })
  })

  test('(d) Vite builds a React page with @yardstick/sdk/react', async () => {
    // Unminified: minifying survey-core proves nothing here and doubles the build's time.
    const vite = join(app, 'node_modules', '.bin', 'vite')
    await inApp(vite, ['build', 'vite', '--minify', 'false', '--logLevel', 'error'])
    const assets = readdirSync(join(app, 'vite', 'dist', 'assets'))
    const script = assets.find((file) => file.endsWith('.js'))
    expect(script).toBeDefined()
    // The template's title is in the page's script, and survey-core's stylesheet came along.
    const code = readFileSync(join(app, 'vite', 'dist', 'assets', script ?? ''), 'utf8')
    expect(code).toContain('群众满意率测评表')
    // The extension properties' registration (`sideEffects` names its chunk) was not shaken off.
    expect(code).toMatch(/category: ["']yardstick["']/)
    expect(assets.some((file) => file.endsWith('.css'))).toBe(true)
  })
})
