/**
 * What a production build weighs on the wire, for the size benches (packages/embed/bench/size.ts,
 * apps/respondent/bench/size.ts): gzip (level 9) of every JS and CSS file a build emits, and a
 * temporary folder to build into. Node only, so each bench brings its own Vite.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, relative } from 'node:path'
import { gzipSync } from 'node:zlib'

/** Gzipped bytes of the JS and of the CSS counted, and how many files they are. */
export interface Sizes {
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

/**
 * Gzips (level 9) each JS and CSS file under `dir` that `keep` accepts (given its path relative
 * to `dir`, e.g. `assets/index-1a2b.js`) and adds up the sizes; other files are not counted.
 *
 * @example
 * const entry = gzipSizes(outDir, (file) => file === 'embed.js')
 */
export function gzipSizes(dir: string, keep: (file: string) => boolean = () => true): Sizes {
  const sizes: Sizes = { js: 0, css: 0, files: 0 }
  for (const file of filesUnder(dir)) {
    if (!keep(relative(dir, file))) continue
    const gzip = gzipSync(readFileSync(file), { level: 9 }).length
    if (file.endsWith('.js')) sizes.js += gzip
    else if (file.endsWith('.css')) sizes.css += gzip
    else continue
    sizes.files++
  }
  return sizes
}

/**
 * Runs `use` with a fresh temporary folder (named after `prefix`) and removes the folder after,
 * whatever happens: where a bench builds and measures.
 *
 * @example
 * const sizes = await inTempDir('ys-embed-', async (outDir) => {
 *   await build({ root, build: { outDir } })
 *   return gzipSizes(outDir)
 * })
 */
export async function inTempDir<T>(prefix: string, use: (dir: string) => Promise<T>): Promise<T> {
  const dir = mkdtempSync(join(tmpdir(), prefix))
  try {
    return await use(dir)
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

/**
 * Bytes as KiB with one decimal, as the benches print them.
 *
 * @example
 * kib(2048) // '2.0'
 */
export const kib = (bytes: number): string => (bytes / 1024).toFixed(1)
