// Size of the respondent page beside the embed's, measured in one run:
//   pnpm --filter @yardstick/respondent bench
// Each is a production Vite build into a temporary folder; sizes are gzip (level 9) of every JS
// and CSS file it emits (what the server sends: it serves the precompressed files).
import { readFileSync } from 'node:fs'
import { basename, dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { gzipSync } from 'node:zlib'
import { build } from 'vite'
import { gzipSizes, inTempDir, kib, type Sizes } from '../../../scripts/gzip-sizes'

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..')
const EMBED = join(ROOT, '../../packages/embed')

function buildRespondent(): Promise<{ first: Sizes; lazy: Sizes; html: number }> {
  return inTempDir('ys-respondent-', async (outDir) => {
    await build({
      configFile: join(ROOT, 'vite.config.ts'),
      root: ROOT,
      logLevel: 'error',
      mode: 'production',
      build: { outDir, emptyOutDir: true },
    })
    const html = readFileSync(join(outDir, 'index.html'), 'utf8')
    // What index.html names is the first load; everything else is imported once a form shows.
    const named = new Set([...html.matchAll(/\/s\/(assets\/[^"]+)"/g)].map((m) => m[1]))
    const asset = (file: string) => file.startsWith('assets/') && !file.endsWith('.gz')
    return {
      first: gzipSizes(outDir, (file) => asset(file) && named.has(file)),
      lazy: gzipSizes(outDir, (file) => asset(file) && !named.has(file)),
      html: gzipSync(html, { level: 9 }).length,
    }
  })
}

function buildEmbed(): Promise<{ entry: Sizes; renderer: Sizes }> {
  return inTempDir('ys-embed-', async (outDir) => {
    await build({
      configFile: join(EMBED, 'vite.config.ts'),
      root: EMBED,
      logLevel: 'error',
      mode: 'production',
      build: { outDir },
    })
    const js = (file: string) => !file.endsWith('.gz')
    return {
      entry: gzipSizes(outDir, (file) => js(file) && basename(file) === 'embed.js'),
      renderer: gzipSizes(outDir, (file) => js(file) && file.startsWith('embed/')),
    }
  })
}

const row = (name: string, sizes: Sizes) =>
  `| ${name} | ${kib(sizes.js)} | ${kib(sizes.css)} | ${kib(sizes.js + sizes.css)} | ${sizes.files} |`

const respondent = await buildRespondent()
const embed = await buildEmbed()
const sum = (a: Sizes, b: Sizes): Sizes => ({
  js: a.js + b.js,
  css: a.css + b.css,
  files: a.files + b.files,
})
console.log('| bundle | JS gzip KiB | CSS gzip KiB | total KiB | files |')
console.log('|---|---:|---:|---:|---:|')
console.log(
  row(
    'respondent page, first load (shell, error pages, token form, link client, React)',
    respondent.first,
  ),
)
console.log(
  row(
    'respondent page, loaded with a form (survey-core, survey-react-ui, LinkSurvey, CSS)',
    respondent.lazy,
  ),
)
console.log(row('respondent page, all', sum(respondent.first, respondent.lazy)))
console.log(row('@yardstick/embed, embed.js (before the portal’s load event)', embed.entry))
console.log(
  row('@yardstick/embed, renderer and chunks (React, survey-core, CSS in JS)', embed.renderer),
)
console.log(row('@yardstick/embed, all (ES module)', sum(embed.entry, embed.renderer)))
console.log(`\nindex.html: ${kib(respondent.html)} KiB gzip`)
