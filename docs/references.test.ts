import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import {
  checkForbiddenMentions,
  checkMarkdownLinks,
  checkSourceComments,
  describeBroken,
  existsUnder,
  FORBIDDEN_MENTIONS,
  isSource,
  isText,
  listFiles,
  readText,
} from './references'

// A newcomer follows every reference without leaving the repository (issue 18): checked over
// the whole tree, and each checker shown to fail on a fixture that breaks its rule.
const ROOT = fileURLToPath(new URL('..', import.meta.url))
const FILES = listFiles(ROOT)
const exists = existsUnder(ROOT)

function read(file: string): Array<[string, string]> {
  const text = readText(ROOT, file)
  return text === null ? [] : [[file, text]]
}

describe('references in the repository', () => {
  it('finds the files it checks (the docs, the READMEs, the sources)', () => {
    expect(FILES).toContain('docs/ARCHITECTURE.md')
    expect(FILES).toContain('packages/sdk/src/score.ts')
    expect(FILES.some((f) => f.includes('node_modules/'))).toBe(false)
  })

  it('resolves every relative markdown link to an existing file', () => {
    const markdown = FILES.filter((f) => f.endsWith('.md')).flatMap(read)
    expect(markdown.length).toBeGreaterThan(10)
    const broken = markdown.flatMap(([file, text]) => checkMarkdownLinks(file, text, exists))
    expect(broken, describeBroken(broken)).toEqual([])
  })

  it('finds every .md file a source comment names where the comment says it is', () => {
    const sources = FILES.filter(isSource).flatMap(read)
    const broken = sources.flatMap(([file, text]) => checkSourceComments(file, text, exists))
    expect(broken, describeBroken(broken)).toEqual([])
  })

  it('mentions nothing kept outside the repository', () => {
    const texts = FILES.filter(isText).flatMap(read)
    const broken = texts.flatMap(([file, text]) => checkForbiddenMentions(file, text))
    expect(broken, describeBroken(broken)).toEqual([])
  })
})

describe('the checkers fail on what they forbid', () => {
  const only =
    (...paths: string[]) =>
    (path: string) =>
      paths.includes(path)

  it('reports a relative link to a missing file, and one that leaves the repository', () => {
    const text = [
      'See [the design](DESIGN.md#2-one-schema) and [a picture](screenshots/a.png).',
      '```',
      '[inside code](NOT-CHECKED.md)',
      '```',
      'Also `[inline code](NOT-CHECKED.md)`, [the web](https://example.com/x.md), [here](#top).',
      '[up](../../outside.md)',
      '',
      '[COL7]: ../apps/server/src/collab/SPEC.md',
    ].join('\n')
    const broken = checkMarkdownLinks('docs/GUIDE.md', text, only('docs/DESIGN.md'))
    expect(broken).toEqual([
      { file: 'docs/GUIDE.md', line: 1, target: 'screenshots/a.png', why: expect.any(String) },
      { file: 'docs/GUIDE.md', line: 6, target: '../../outside.md', why: 'leaves the repository' },
      {
        file: 'docs/GUIDE.md',
        line: 8,
        target: '../apps/server/src/collab/SPEC.md',
        why: 'no file apps/server/src/collab/SPEC.md',
      },
    ])
  })

  it('reports a bare design name in a comment, and accepts the in-repo path and a SPEC beside the code', () => {
    const source = [
      '/** Scores exactly per DESIGN.md §2. */',
      "const where = 'DESIGN.md in a string is not a comment'",
      '// Per docs/DESIGN.md §2 and SPEC.md beside it; https://example.com/NOTES.md is a web page.',
      'export const x = 1 // BENCHMARKS.md, "Server submissions"; NOTES.md is not there',
    ].join('\n')
    const exists = only('docs/DESIGN.md', 'apps/server/src/collab/SPEC.md', 'BENCHMARKS.md')
    const broken = checkSourceComments('apps/server/src/collab/score.ts', source, exists)
    expect(broken).toEqual([
      {
        file: 'apps/server/src/collab/score.ts',
        line: 1,
        target: 'DESIGN.md',
        why: expect.stringContaining('apps/server/src/collab/DESIGN.md'),
      },
      {
        file: 'apps/server/src/collab/score.ts',
        line: 4,
        target: 'NOTES.md',
        why: expect.any(String),
      },
    ])
  })

  it('reads comments in TSX and in JavaScript modules too', () => {
    const tsx = 'export const A = () => <div>{/* see MISSING.md */}</div>\n'
    expect(checkSourceComments('apps/x/A.tsx', tsx, () => false)).toMatchObject([
      { target: 'MISSING.md', line: 1 },
    ])
    const mjs = '#!/usr/bin/env node\n// builds per docs/GONE.md\nconsole.log(1)\n'
    expect(checkSourceComments('scripts/b.mjs', mjs, () => false)).toMatchObject([
      { target: 'docs/GONE.md', line: 2 },
    ])
  })

  it('reports every mention of the notes kept outside the repository', () => {
    const [outside, oldName] = FORBIDDEN_MENTIONS
    const text = `read ${outside}/DESIGN.md\nand ${oldName} 7, then ${oldName} 13\n`
    expect(checkForbiddenMentions('x.md', text).map((b) => [b.line, b.target])).toEqual([
      [1, outside],
      [2, oldName],
      [2, oldName],
    ])
  })
})
