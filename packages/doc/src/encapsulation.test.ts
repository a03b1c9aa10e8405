import { readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { FIELD, TYPE_NAMES } from './layout'

const REPO = fileURLToPath(new URL('../../..', import.meta.url))
const SCANNED = ['apps', 'packages', 'examples']
const SKIPPED = new Set(['node_modules', 'dist', 'coverage'])

/** One place where code outside this package names the document's private layout. */
interface Leak {
  line: number
  name: string
}

const literally = (text: string) => text.replace(/[$()*+.?[\\\]^{|}]/g, '\\$&')
// A layout field (`$place`, `$keys`, …) anywhere, comments included: no other code has a reason
// to name one.
const FIELD_PATTERN = new RegExp(
  `(?<![\\w$])(${Object.values(FIELD).map(literally).join('|')})(?![\\w$])`,
  'g',
)
// A top-level type looked up by its name (`doc.getMap('elements')`, `doc.share.get('items')`).
// The names alone (`elements`, `items`) are SurveyJS properties too, so only a lookup counts.
const TYPE_PATTERN = new RegExp(
  '(?:\\b(?:getMap|getArray|getText|getXmlFragment|getXmlElement)\\s*(?:<[^()]*>)?|\\bshare\\.get)' +
    `\\s*\\(\\s*(['"\`])(${Object.values(TYPE_NAMES).map(literally).join('|')})\\1\\s*\\)`,
  'g',
)

/** Where `source` names a layout field or looks up one of the form document's top-level types. */
function layoutLeaks(source: string): Leak[] {
  const leaks: Leak[] = []
  source.split('\n').forEach((text, index) => {
    for (const match of text.matchAll(FIELD_PATTERN)) {
      leaks.push({ line: index + 1, name: match[1] ?? '' })
    }
    for (const match of text.matchAll(TYPE_PATTERN)) {
      leaks.push({ line: index + 1, name: match[2] ?? '' })
    }
  })
  return leaks
}

/** Every .ts/.tsx file of the repository outside this package (and outside build output). */
function sourcesOutsideDoc(): string[] {
  const doc = join(REPO, 'packages', 'doc')
  const files: string[] = []
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name)
      if (entry.isDirectory()) {
        if (!SKIPPED.has(entry.name) && !entry.name.startsWith('.') && path !== doc) walk(path)
      } else if (/\.tsx?$/.test(entry.name)) files.push(path)
    }
  }
  for (const top of SCANNED) walk(join(REPO, top))
  return files
}

describe('the document layout is private to @yardstick/doc (SPEC [DOC20])', () => {
  it('finds a layout field or a type lookup by name, and not a SurveyJS property of that name', () => {
    const leaking = [
      "const place = node.get('$place')",
      'const keys = map.get("$keys") // and `$from`',
      "for (const [id] of doc.getMap<Y.Map<unknown>>('elements').entries()) {}",
      'doc.getMap(`survey`).observeDeep(onChange); doc.share.get("items")',
    ].join('\n')
    expect(layoutLeaks(leaking)).toEqual([
      { line: 1, name: '$place' },
      { line: 2, name: '$keys' },
      { line: 2, name: '$from' },
      { line: 3, name: 'elements' },
      { line: 4, name: 'survey' },
      { line: 4, name: 'items' },
    ])
    const innocent = [
      "const slots = ['pages', 'elements', 'items']",
      'const n = json.elements?.length ?? page.items.length',
      "doc.getMap('answers').get('survey'); const total = $valueOf + $keysOf + elements$v",
    ].join('\n')
    expect(layoutLeaks(innocent)).toEqual([])
  })

  it('is named nowhere in apps/, packages/ (but this one) or examples/', () => {
    const files = sourcesOutsideDoc()
    expect(files.length).toBeGreaterThan(100)
    const leaks = files.flatMap((file) =>
      layoutLeaks(readFileSync(file, 'utf8')).map(
        (leak) => `${relative(REPO, file)}:${leak.line} ${leak.name}`,
      ),
    )
    expect(leaks).toEqual([])
  })
})
