import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { gunzipSync } from 'node:zlib'
import { parse } from 'acorn'
import { beforeAll, describe, expect, it } from 'vitest'
import { buildUi } from '../../../scripts/build-ui.mjs'

const DIST = join(import.meta.dirname, '../dist')
const ASSETS = join(DIST, 'assets')

/** Syntax newer than ES2019 that acorn still parses at ES2020 (import() is ES2020 and allowed). */
function newerThanEs2019(node: unknown, found = new Set<string>()): Set<string> {
  if (Array.isArray(node)) for (const item of node) newerThanEs2019(item, found)
  else if (node && typeof node === 'object') {
    const n = node as { type?: string; operator?: string; bigint?: string }
    if (n.type === 'ChainExpression') found.add('optional chaining')
    if (n.type === 'LogicalExpression' && n.operator === '??') found.add('??')
    if (n.type === 'Literal' && n.bigint !== undefined) found.add('BigInt literal')
    for (const value of Object.values(node))
      if (value && typeof value === 'object') newerThanEs2019(value, found)
  }
  return found
}

describe('the built page', () => {
  let html: string
  let entry: string
  let scripts: string[]
  beforeAll(async () => {
    await buildUi(['respondent'])
    html = readFileSync(join(DIST, 'index.html'), 'utf8')
    const src = /<script type="module" crossorigin src="\/s\/assets\/([^"]+\.js)"/.exec(html)?.[1]
    if (!src) throw new Error(`no entry script in ${html}`)
    entry = src
    scripts = readdirSync(ASSETS).filter((file) => file.endsWith('.js'))
  }, 240_000)

  it('is served from /s/ and loads one script and one stylesheet first', () => {
    expect(html.match(/<script/g)).toHaveLength(1)
    expect(html).toMatch(/<link rel="stylesheet" crossorigin href="\/s\/assets\/[^"]+\.css">/)
    // Nothing of the form's renderer is preloaded before a form is shown.
    expect(html).not.toContain('modulepreload')
  })

  it('keeps survey-core and its renderer out of the first load, in a chunk loaded on demand', () => {
    const first = readFileSync(join(ASSETS, entry), 'utf8')
    const lazy = scripts.filter((file) => file !== entry)
    expect(lazy.length).toBeGreaterThan(0)
    const later = lazy.map((file) => readFileSync(join(ASSETS, file), 'utf8')).join('\n')
    for (const marker of ['sd-root-modern', 'SurveyJS']) {
      expect(first).not.toContain(marker)
      expect(later).toContain(marker)
    }
    expect(first).toMatch(/import\("\.\/Answer-[\w-]+\.js"\)/)
  })

  it('parses as ES2019 plus modules: no syntax WeChat’s older in-app browsers lack', () => {
    for (const file of scripts) {
      const code = readFileSync(join(ASSETS, file), 'utf8')
      const ast = parse(code, { ecmaVersion: 2020, sourceType: 'module' })
      expect([...newerThanEs2019(ast)], file).toEqual([])
    }
  })

  it('has a gzipped copy of each script and stylesheet, the same bytes', () => {
    for (const file of readdirSync(ASSETS).filter((f) => /\.(js|css)$/.test(f))) {
      const zipped = join(ASSETS, `${file}.gz`)
      expect(existsSync(zipped), file).toBe(true)
      expect(gunzipSync(readFileSync(zipped)).equals(readFileSync(join(ASSETS, file))), file).toBe(
        true,
      )
    }
  })
})
