import { readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { describe, expect, it } from 'vitest'

const SRC = join(import.meta.dirname, '..')

// Errors that never come from the API and carry text made in this browser for the form's author:
// SurveyJS refusing the JSON being designed, scoring the live preview, a validator parameter.
const LOCAL_ERRORS = new Set([
  'editor/preview/LivePreview.tsx',
  'editor/preview/ScorePanel.tsx',
  'editor/properties/ValidatorsEditor.tsx',
])

// What shows an error's own prose: `error.message`, `(caught as Error).message`, `x.error.message`.
const SHOWS_PROSE =
  /\b(?:error|caught|failure|problem|\w+\.error)\)?\.message\b|as Error\)\.message/

function screens(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) return screens(path)
    return entry.name.endsWith('.tsx') && !entry.name.includes('.test.') ? [path] : []
  })
}

describe('every screen that shows an error', () => {
  it('shows it through errorText (by code, in the reader’s language), never its message', () => {
    const offenders = screens(SRC)
      .map((path) => relative(SRC, path))
      .filter((path) => !LOCAL_ERRORS.has(path))
      .flatMap((path) =>
        readFileSync(join(SRC, path), 'utf8')
          .split('\n')
          .map((line, i) => ({ path, line: i + 1, text: line.trim() }))
          .filter(({ text }) => SHOWS_PROSE.test(text)),
      )
    expect(offenders).toEqual([])
  })

  it('is found by the check (the pattern catches the ways prose was shown before)', () => {
    for (const line of [
      "{t('app.error', { message: forms.error.message })}",
      "setFailure(t('branch.failed', { message: (error as Error).message }))",
      '<p className="error">{loaded.error.message}</p>',
    ]) {
      expect(SHOWS_PROSE.test(line), line).toBe(true)
    }
    expect(SHOWS_PROSE.test('{issue.message}')).toBe(false)
  })
})
