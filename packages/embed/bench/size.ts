// Bundle size of the embed beside its two floors, measured in one run:
//   pnpm --filter @yardstick/embed bench
// Each is a production Vite build; sizes are gzip (level 9) of every JS and CSS file it emits.
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { build, defaultClientConditions } from 'vite'
import { gzipSizes, inTempDir, kib, type Sizes } from '../../../scripts/gzip-sizes'

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..')
const SURVEY_CORE_2 = join(ROOT, 'node_modules/survey-core-2')

function buildFloor(entry: string, alias: Record<string, string>): Promise<Sizes> {
  return inTempDir('ys-embed-floor-', async (outDir) => {
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
    return gzipSizes(outDir)
  })
}

function buildEmbed(): Promise<{ es: Sizes; classic: Sizes; entry: Sizes }> {
  return inTempDir('ys-embed-', async (outDir) => {
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
      es: gzipSizes(outDir, (file) => file !== 'embed.classic.js'),
      // What a classic page loads: embed.classic.js and the same chunks.
      classic: gzipSizes(outDir, (file) => file !== 'embed.js'),
      // What loads before the portal's `load` event: the element alone.
      entry: gzipSizes(outDir, (file) => file === 'embed.js'),
    }
  })
}

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
