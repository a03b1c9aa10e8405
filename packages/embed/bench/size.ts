// Bundle size of the embed beside its two floors, measured in one run:
//   pnpm --filter @yardstick/embed bench
// Each is a production Vite build; sizes are gzip (level 9) of every JS and CSS file it emits.
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import { gzipSync } from 'node:zlib'
import { build, defaultClientConditions } from 'vite'

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..')
const SURVEY_CORE_2 = join(ROOT, 'node_modules/survey-core-2')

interface Sizes {
  js: number
  css: number
  files: number
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    return statSync(path).isDirectory() ? filesUnder(path) : [path]
  })
}

function measure(dir: string, skip: (file: string) => boolean = () => false): Sizes {
  const sizes: Sizes = { js: 0, css: 0, files: 0 }
  for (const file of filesUnder(dir)) {
    if (skip(relative(dir, file))) continue
    const gzip = gzipSync(readFileSync(file), { level: 9 }).length
    if (file.endsWith('.js')) sizes.js += gzip
    else if (file.endsWith('.css')) sizes.css += gzip
    else continue
    sizes.files++
  }
  return sizes
}

async function buildFloor(entry: string, alias: Record<string, string>): Promise<Sizes> {
  const outDir = mkdtempSync(join(tmpdir(), 'ys-embed-floor-'))
  try {
    await build({
      configFile: false,
      root: ROOT,
      logLevel: 'error',
      mode: 'production',
      resolve: { alias, conditions: [...defaultClientConditions] },
      define: { 'process.env.NODE_ENV': JSON.stringify('production') },
      build: {
        outDir,
        target: 'es2022',
        reportCompressedSize: false,
        chunkSizeWarningLimit: 5000,
        rollupOptions: { input: join(ROOT, entry) },
      },
    })
    return measure(outDir)
  } finally {
    rmSync(outDir, { recursive: true, force: true })
  }
}

async function buildEmbed(): Promise<{ es: Sizes; classic: Sizes; entry: Sizes }> {
  const outDir = mkdtempSync(join(tmpdir(), 'ys-embed-'))
  try {
    for (const mode of ['production', 'classic']) {
      await build({
        configFile: join(ROOT, 'vite.config.ts'),
        root: ROOT,
        logLevel: 'error',
        mode,
        build: { outDir },
      })
    }
    return {
      // What a module page loads: embed.js and the chunks it imports (not the classic script).
      es: measure(outDir, (file) => file === 'embed.classic.js'),
      // What a classic page loads: embed.classic.js and the same chunks.
      classic: measure(outDir, (file) => file === 'embed.js'),
      // What loads before the portal's `load` event: the element alone.
      entry: measure(outDir, (file) => file !== 'embed.js'),
    }
  } finally {
    rmSync(outDir, { recursive: true, force: true })
  }
}

const kib = (bytes: number) => (bytes / 1024).toFixed(1)

const jsUi = await buildFloor('bench/floors/js-ui.ts', { 'survey-core': SURVEY_CORE_2 })
const reactUi = await buildFloor('bench/floors/react-ui.ts', {})
const embed = await buildEmbed()
const floorTotal = reactUi.js + reactUi.css
const rows: Array<[string, Sizes, string]> = [
  ['floor: survey-core 2.5.38 + survey-js-ui 2.5.38', jsUi, ''],
  ['floor: survey-core 3.1.1 + survey-react-ui 3.0.0 + React 19 (built on)', reactUi, '100 %'],
  ['@yardstick/embed, ES module (embed.js + chunks; CSS inlined in JS)', embed.es, ''],
  ['@yardstick/embed, classic script (embed.classic.js + chunks)', embed.classic, ''],
]
console.log('| bundle | JS gzip KiB | CSS gzip KiB | total KiB | vs React floor |')
console.log('|---|---:|---:|---:|---:|')
for (const [name, sizes] of rows) {
  const total = sizes.js + sizes.css
  const ratio = `${((total / floorTotal) * 100).toFixed(1)} %`
  console.log(`| ${name} | ${kib(sizes.js)} | ${kib(sizes.css)} | ${kib(total)} | ${ratio} |`)
}
console.log(
  `\nbefore the portal's load event a page fetches only embed.js: ${kib(embed.entry.js)} KiB gzip`,
)
const over = (embed.es.js + embed.es.css) / floorTotal - 1
console.log(
  `embed vs the floor it is built on: ${over >= 0 ? '+' : ''}${(over * 100).toFixed(1)} % (limit +5 %)`,
)
if (over > 0.05) process.exitCode = 1
