import { execFileSync, spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

/**
 * Whether poppler-utils (`pdftotext`, `pdftoppm`) is installed. In CI (`CI` set) a missing tool
 * throws, so the PDF tests fail there instead of skipping; elsewhere it says loudly that they skip.
 */
export function popplerAvailable(): boolean {
  const found = ['pdftotext', 'pdftoppm'].every(
    (tool) => spawnSync(tool, ['-v'], { stdio: 'ignore' }).error === undefined,
  )
  if (found) return true
  if (process.env.CI) throw new Error('poppler-utils (pdftotext, pdftoppm) is required in CI')
  console.warn(
    '⚠ poppler-utils is not installed: the report PDF tests are SKIPPED (apt-get install poppler-utils)',
  )
  return false
}

function withFile<T>(pdf: Uint8Array, read: (dir: string, file: string) => T): T {
  const dir = mkdtempSync(join(tmpdir(), 'report-pdf-'))
  try {
    const file = join(dir, 'report.pdf')
    writeFileSync(file, pdf)
    return read(dir, file)
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

/** The PDF's text as `pdftotext -layout` reads it (table rows stay on one line). */
export function pdfText(pdf: Uint8Array): string {
  return withFile(pdf, (_dir, file) =>
    execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }),
  )
}

/** How many pages `pdftotext` finds (pages end with a form feed). */
export function pdfPages(text: string): number {
  return text.split('\f').filter((page) => page.trim() !== '').length
}

/**
 * Page 1 rendered by `pdftoppm`: the PNG's bytes, and the share of dark pixels (grey < 128) of a
 * greyscale render of the same page (a PGM, read without a PNG decoder).
 */
export function renderFirstPage(pdf: Uint8Array): { png: Buffer; darkShare: number } {
  return withFile(pdf, (dir, file) => {
    const page = ['-f', '1', '-l', '1', '-r', '50', '-singlefile']
    execFileSync('pdftoppm', [...page, '-png', file, join(dir, 'page')])
    execFileSync('pdftoppm', [...page, '-gray', file, join(dir, 'page')])
    return {
      png: readFileSync(join(dir, 'page.png')),
      darkShare: darkShare(readFileSync(join(dir, 'page.pgm'))),
    }
  })
}

// A binary PGM: "P5", width, height, maximum value, one whitespace, then a byte per pixel.
function darkShare(pgm: Buffer): number {
  const header = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(pgm.subarray(0, 64).toString('latin1'))
  if (!header) throw new Error('pdftoppm -gray did not write a binary PGM')
  const pixels = pgm.subarray(header[0].length)
  let dark = 0
  for (const value of pixels) if (value < 128) dark++
  return dark / pixels.length
}
