// Finds references that leave the repository: a markdown link to a missing file, a `.md` file
// named in a source comment that is not where the comment says, a mention of the design notes
// that used to live outside the repository. `references.test.ts` runs it over the tree.
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { dirname, extname, join, normalize, relative, sep } from 'node:path'
import ts from 'typescript'

/** One reference that does not resolve inside the repository. */
export interface BrokenReference {
  /** The file holding it, relative to the repository root, with `/`. */
  file: string
  line: number
  /** What it names, as written. */
  target: string
  why: string
}

/** Folders never read: installed, built or generated, and the git directory. */
const SKIPPED_DIRS = new Set(['node_modules', 'dist', 'coverage', 'test-results', '.git', '.data'])
const SOURCE_EXTENSIONS = new Set(['.ts', '.tsx', '.mts', '.mjs', '.js', '.cjs'])
const TEXT_EXTENSIONS = new Set([
  ...SOURCE_EXTENSIONS,
  '.md',
  '.json',
  '.yaml',
  '.yml',
  '.html',
  '.css',
  '.sh',
  '.sql',
  '.txt',
  '',
])

/**
 * Words that point outside the repository: the folder the design notes were kept in before they
 * became docs/, and their old name. Built from parts so this file does not name them itself.
 */
export const FORBIDDEN_MENTIONS: readonly string[] = [
  ['..', 'shared'].join('/'),
  ['COLLAB', 'NOTES'].join('-'),
]

/**
 * Every file under `root` that is read, as paths relative to `root` with `/`, skipping
 * `SKIPPED_DIRS` and dot-folders other than `.ci`.
 *
 * @example
 * listFiles('/work/main').filter((f) => f.endsWith('.md'))
 */
export function listFiles(root: string, dir = root): string[] {
  const files: string[] = []
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) {
      if (SKIPPED_DIRS.has(entry.name)) continue
      if (entry.name.startsWith('.') && entry.name !== '.ci') continue
      files.push(...listFiles(root, path))
    } else if (entry.isFile()) {
      files.push(relative(root, path).split(sep).join('/'))
    }
  }
  return files
}

/** Whether `file` (relative to the root) is one the checks read as text. */
export function isText(file: string): boolean {
  return TEXT_EXTENSIONS.has(extname(file))
}

/** Whether `file` is source whose comments are checked. */
export function isSource(file: string): boolean {
  return SOURCE_EXTENSIONS.has(extname(file)) && !file.endsWith('.d.ts')
}

/** What `exists` is asked: a path relative to the root, normalised, with `/`. */
export type Exists = (path: string) => boolean

/** `Exists` on the real file system under `root`. */
export function existsUnder(root: string): Exists {
  return (path) => {
    try {
      statSync(join(root, path))
      return true
    } catch {
      return false
    }
  }
}

function joinPath(...parts: string[]): string {
  return normalize(join(...parts))
    .split(sep)
    .join('/')
}

function lineOf(text: string, index: number): number {
  let line = 1
  for (let i = 0; i < index; i++) if (text.charCodeAt(i) === 10) line++
  return line
}

/** Blanks fenced code blocks and inline code, keeping offsets, so their text is not a link. */
function withoutCode(markdown: string): string {
  const blank = (s: string) => s.replace(/[^\n]/g, ' ')
  return markdown
    .replace(/^(```|~~~)[^\n]*\n[\s\S]*?^\1[^\n]*$/gm, blank)
    .replace(/`[^`\n]*`/g, blank)
}

const INLINE_LINK = /!?\[[^\]\n]*\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g
const REFERENCE_DEFINITION = /^ {0,3}\[[^\]\n]+\]:\s*<?(\S+?)>?(?:\s+"[^"]*")?\s*$/gm

/**
 * The relative links of one markdown file that point at no file: inline links, images and
 * reference definitions, outside code; web addresses and same-page anchors are not files.
 *
 * @example
 * checkMarkdownLinks('README.md', '[style](docs/STYLE.md)', existsUnder(root)) // []
 */
export function checkMarkdownLinks(file: string, text: string, exists: Exists): BrokenReference[] {
  const broken: BrokenReference[] = []
  const scanned = withoutCode(text)
  for (const pattern of [INLINE_LINK, REFERENCE_DEFINITION]) {
    for (const match of scanned.matchAll(pattern)) {
      const target = match[1] ?? ''
      if (/^[a-z][a-z0-9+.-]*:/i.test(target) || target.startsWith('#')) continue
      const path = decodeURI(target.replace(/[#?].*$/, ''))
      const resolved = path.startsWith('/')
        ? joinPath(path.slice(1))
        : joinPath(dirname(file), path)
      if (resolved.startsWith('..')) {
        broken.push({ file, line: lineOf(text, match.index), target, why: 'leaves the repository' })
      } else if (!exists(resolved)) {
        broken.push({ file, line: lineOf(text, match.index), target, why: `no file ${resolved}` })
      }
    }
  }
  return broken
}

/**
 * The comments of a TypeScript or JavaScript source, each with its offset. Every comment is
 * trivia around some token: TypeScript calls one after a line break "leading" (of the next
 * token) and one on the same line "trailing" (of the token before), so both are read.
 */
export function commentsOf(file: string, text: string): Array<{ text: string; at: number }> {
  const kind = file.endsWith('.tsx')
    ? ts.ScriptKind.TSX
    : /\.(m|c)?js$/.test(file)
      ? ts.ScriptKind.JS
      : ts.ScriptKind.TS
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, kind)
  const seen = new Set<number>()
  const comments: Array<{ text: string; at: number }> = []
  const visit = (node: ts.Node) => {
    const ranges = [
      ...(ts.getLeadingCommentRanges(text, node.pos) ?? []),
      ...(ts.getTrailingCommentRanges(text, node.end) ?? []),
    ]
    for (const range of ranges) {
      if (seen.has(range.pos)) continue
      seen.add(range.pos)
      comments.push({ text: text.slice(range.pos, range.end), at: range.pos })
    }
    for (const child of node.getChildren(source)) visit(child)
  }
  visit(source)
  return comments
}

const MD_NAME = /(?<![\w/.@-])((?:\.{1,2}\/)*(?:[\w.@-]+\/)*[\w.-]+\.md)(?![\w-])/g

/**
 * Where a `.md` name written in a comment of `file` can be: a path with a folder from the root
 * or from the file's folder; a bare name in the file's folder or one above it (a SPEC beside
 * the code, the benchmarks at the root) — never a guess elsewhere, so the design's bare name is
 * not found from the sources and a comment must give its folder ("docs/DESIGN.md §2").
 *
 * @example
 * candidatesOf('docs/references.ts', 'STYLE.md') // ['docs/STYLE.md', 'STYLE.md']
 */
export function candidatesOf(file: string, name: string): string[] {
  if (name.includes('/')) return [joinPath(name), joinPath(dirname(file), name)]
  const candidates: string[] = []
  let dir = dirname(file)
  for (;;) {
    candidates.push(joinPath(dir, name))
    if (dir === '.' || dir === '') break
    dir = dirname(dir)
  }
  return candidates
}

/**
 * The `.md` files named in the comments of one source file that are not where the name says
 * (`candidatesOf`). Web addresses in comments are skipped.
 *
 * @example
 * checkSourceComments('packages/sdk/src/score.ts', text, existsUnder(root)) // [] when all resolve
 */
export function checkSourceComments(file: string, text: string, exists: Exists): BrokenReference[] {
  const broken: BrokenReference[] = []
  // Parsing is the cost: a file that names no `.md` file at all has nothing to check.
  if (!text.includes('.md')) return broken
  for (const comment of commentsOf(file, text)) {
    const scanned = comment.text.replace(/\b[a-z][a-z0-9+.-]*:\/\/\S+/gi, (url) =>
      ' '.repeat(url.length),
    )
    for (const match of scanned.matchAll(MD_NAME)) {
      const name = match[1] ?? ''
      const candidates = candidatesOf(file, name)
      if (candidates.some((path) => !path.startsWith('..') && exists(path))) continue
      broken.push({
        file,
        line: lineOf(text, comment.at + match.index),
        target: name,
        why: `no file at ${candidates.filter((c) => !c.startsWith('..')).join(' or ') || name}`,
      })
    }
  }
  return broken
}

/**
 * Every mention in `text` of something kept outside the repository (`FORBIDDEN_MENTIONS`).
 *
 * @example
 * checkForbiddenMentions('a.ts', `see ${FORBIDDEN_MENTIONS[0]}`) // [{ file: 'a.ts', line: 1, … }]
 */
export function checkForbiddenMentions(file: string, text: string): BrokenReference[] {
  const broken: BrokenReference[] = []
  for (const word of FORBIDDEN_MENTIONS) {
    for (let at = text.indexOf(word); at !== -1; at = text.indexOf(word, at + word.length)) {
      broken.push({ file, line: lineOf(text, at), target: word, why: 'outside the repository' })
    }
  }
  return broken
}

/** Reads a file of the tree, or null when it vanished meanwhile (another process's temp file). */
export function readText(root: string, file: string): string | null {
  try {
    const text = readFileSync(join(root, file), 'utf8')
    return text.includes('\u0000') ? null : text
  } catch {
    return null
  }
}

/** One line per broken reference, for a failure message. */
export function describeBroken(broken: readonly BrokenReference[]): string {
  return broken.map((b) => `${b.file}:${b.line}: ${b.target} (${b.why})`).join('\n')
}
