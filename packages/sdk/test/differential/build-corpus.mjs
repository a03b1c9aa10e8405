// Rebuilds the differential corpus (issue 15): real SurveyJS form JSON from SurveyJS's own public
// repositories — tests, docs and examples — each with its source (repo, path, commit, line),
// deduplicated, kept only when survey-core (the catalog version) loads it without JSON errors.
//
//   node packages/sdk/test/differential/build-corpus.mjs <git-dir>...
//
// Each <git-dir> is a bare or mirrored clone named `<owner>+<name>` (what the search tool's
// `fetch github:surveyjs/survey-library` brings to /work/.mirror/surveyjs+survey-library/repo);
// without arguments the three mirrors below are read. Output: corpus.jsonl.gz next to this file.
import { execFileSync, spawnSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { writeFileSync } from 'node:fs'
import { basename, dirname, extname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { gzipSync } from 'node:zlib'
import { Model, settings } from 'survey-core'
import ts from 'typescript'

const here = dirname(fileURLToPath(import.meta.url))
const DEFAULT_REPOS = ['survey-library', 'survey-creator', 'code-examples'].map(
  (name) => `/work/.mirror/surveyjs+${name}/repo`,
)
const CODE = new Set(['.ts', '.tsx', '.js', '.jsx', '.mjs', '.cjs'])
const SKIP = /(^|\/)(node_modules|dist|build|localization|i18n|translations)\/|\.min\.js$|\.d\.ts$/
const MAX_FILE = 2_000_000
const MAX_FORM = 200_000

/** A value read from source text that is pure JSON, or `FAIL` when any part is computed. */
const FAIL = Symbol('not a literal')

function literal(node) {
  switch (node.kind) {
    case ts.SyntaxKind.ParenthesizedExpression:
    case ts.SyntaxKind.AsExpression:
    case ts.SyntaxKind.SatisfiesExpression:
    case ts.SyntaxKind.TypeAssertionExpression:
      return literal(node.expression)
    case ts.SyntaxKind.StringLiteral:
    case ts.SyntaxKind.NoSubstitutionTemplateLiteral:
      return node.text
    case ts.SyntaxKind.NumericLiteral:
      return Number(node.text)
    case ts.SyntaxKind.TrueKeyword:
      return true
    case ts.SyntaxKind.FalseKeyword:
      return false
    case ts.SyntaxKind.NullKeyword:
      return null
    case ts.SyntaxKind.PrefixUnaryExpression: {
      const inner = literal(node.operand)
      if (typeof inner !== 'number') return FAIL
      if (node.operator === ts.SyntaxKind.MinusToken) return -inner
      return node.operator === ts.SyntaxKind.PlusToken ? inner : FAIL
    }
    case ts.SyntaxKind.ArrayLiteralExpression: {
      const out = []
      for (const element of node.elements) {
        const value = literal(element)
        if (value === FAIL) return FAIL
        out.push(value)
      }
      return out
    }
    case ts.SyntaxKind.ObjectLiteralExpression: {
      const out = {}
      for (const property of node.properties) {
        if (property.kind !== ts.SyntaxKind.PropertyAssignment) return FAIL
        const name = property.name
        let key
        if (
          ts.isIdentifier(name) ||
          ts.isStringLiteral(name) ||
          ts.isNumericLiteral(name) ||
          ts.isNoSubstitutionTemplateLiteral(name)
        )
          key = name.text
        else return FAIL
        const value = literal(property.initializer)
        if (value === FAIL) return FAIL
        out[key] = value
      }
      return out
    }
    default:
      return FAIL
  }
}

const isObject = (v) => v !== null && typeof v === 'object' && !Array.isArray(v)
const hasElements = (c) => isObject(c) && (Array.isArray(c.elements) || Array.isArray(c.questions))

/** Survey JSON: pages with elements, or top-level elements/questions; not an element itself. */
function surveyLike(v) {
  if (!isObject(v) || typeof v.type === 'string') return false
  if (Array.isArray(v.pages) && v.pages.some(hasElements)) return true
  const list = Array.isArray(v.elements) ? v.elements : v.questions
  return Array.isArray(list) && list.some((e) => isObject(e) && typeof e.type === 'string')
}

function formsInJsonValue(value, found, line) {
  if (surveyLike(value)) return void found.push({ json: value, line })
  if (Array.isArray(value)) for (const v of value) formsInJsonValue(v, found, line)
  else if (isObject(value)) for (const v of Object.values(value)) formsInJsonValue(v, found, line)
}

function formsInCode(text, fileName, found, lineOffset = 0) {
  const kind = fileName.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, false, kind)
  const visit = (node) => {
    if (ts.isObjectLiteralExpression(node)) {
      const value = literal(node)
      if (value !== FAIL && surveyLike(value)) {
        const { line } = source.getLineAndCharacterOfPosition(node.getStart(source))
        found.push({ json: value, line: line + 1 + lineOffset })
        return
      }
    }
    ts.forEachChild(node, visit)
  }
  visit(source)
}

function formsInMarkdown(text, found) {
  const fence = /^(\s*)(```|~~~)([\w+-]*)[^\n]*\n([\s\S]*?)^\1\2/gm
  for (const match of text.matchAll(fence)) {
    const lang = match[3].toLowerCase()
    if (lang && !/^(js|javascript|ts|typescript|json|jsx|tsx|json5)$/.test(lang)) continue
    const body = match[4]
    const line = text.slice(0, match.index).split('\n').length + 1
    try {
      formsInJsonValue(JSON.parse(body), found, line)
      continue
    } catch {}
    formsInCode(body, lang.includes('x') ? 'block.tsx' : 'block.ts', found, line - 1)
  }
}

function filesOf(gitDir) {
  const listing = execFileSync('git', ['--git-dir', gitDir, 'ls-tree', '-r', '-l', 'HEAD'], {
    maxBuffer: 1 << 28,
  }).toString()
  const files = []
  for (const row of listing.split('\n')) {
    const match = /^\d+ blob ([0-9a-f]+)\s+(\d+)\t(.*)$/.exec(row)
    if (!match) continue
    const [, blob, size, path] = match
    const ext = extname(path).toLowerCase()
    if (SKIP.test(path) || Number(size) > MAX_FILE) continue
    if (CODE.has(ext) || ext === '.json' || ext === '.md') files.push({ blob, path, ext })
  }
  return files
}

function readBlobs(gitDir, files) {
  const out = spawnSync('git', ['--git-dir', gitDir, 'cat-file', '--batch'], {
    input: `${files.map((f) => f.blob).join('\n')}\n`,
    maxBuffer: 1 << 30,
  }).stdout
  let at = 0
  for (const file of files) {
    const headerEnd = out.indexOf(10, at)
    const size = Number(out.subarray(at, headerEnd).toString().split(' ')[2])
    file.text = out.subarray(headerEnd + 1, headerEnd + 1 + size).toString('utf8')
    at = headerEnd + 1 + size + 1
  }
}

/** Sorted-key JSON: the identity of a form for deduplication. */
function canonical(value) {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`
  if (isObject(value))
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical(value[k])}`)
      .join(',')}}`
  return JSON.stringify(value)
}

/** Files and signatures kept as binary (`storeDataAsText: false`) need a browser's `Image`. */
const needsBrowser = (json) => JSON.stringify(json).includes('"storeDataAsText":false')

function loads(json) {
  if (needsBrowser(json)) return false
  try {
    const model = new Model(json)
    return model.jsonErrors == null || model.jsonErrors.length === 0
      ? model.getAllQuestions(false, false, true).length > 0
      : false
  } catch {
    return false
  }
}

const repos = process.argv.length > 2 ? process.argv.slice(2) : DEFAULT_REPOS
const seen = new Map()
const stats = {}
const quiet = { warn: console.warn, error: console.error, log: console.log }
settings.animationEnabled = false
for (const gitDir of repos) {
  const repo = basename(dirname(gitDir)).replace('+', '/')
  const commit = execFileSync('git', ['--git-dir', gitDir, 'rev-parse', 'HEAD']).toString().trim()
  const files = filesOf(gitDir)
  readBlobs(gitDir, files)
  const stat = { files: files.length, candidates: 0, kept: 0 }
  stats[repo] = stat
  for (const file of files) {
    const found = []
    try {
      if (file.ext === '.json') formsInJsonValue(JSON.parse(file.text), found, 1)
      else if (file.ext === '.md') formsInMarkdown(file.text, found)
      else formsInCode(file.text, file.path, found)
    } catch {
      continue // not parseable as JSON: not a form file
    }
    for (const { json, line } of found) {
      stat.candidates++
      const text = canonical(json)
      if (text.length > MAX_FORM) continue
      const id = createHash('sha1').update(text).digest('hex').slice(0, 16)
      if (seen.has(id)) continue
      console.warn = console.error = console.log = () => {}
      const ok = loads(json)
      Object.assign(console, quiet)
      if (!ok) continue
      seen.set(id, { id, source: { repo, path: file.path, commit, line }, json })
      stat.kept++
    }
  }
}
const lines = [...seen.values()].map((r) => JSON.stringify(r)).join('\n')
const target = join(here, 'corpus.jsonl.gz')
writeFileSync(target, gzipSync(`${lines}\n`, { level: 9 }))
console.log(JSON.stringify({ forms: seen.size, bytes: gzipSync(lines).length, stats }, null, 1))
