// How a published package (`@yardstick/sdk`, `@yardstick/doc`) is built, read from its own
// package.json so the entries live in one place, its `exports`:
// - Vite in library mode writes the JavaScript, ES modules (`.js`) and, where an export has a
//   `require` condition, CommonJS (`.cjs`), every dependency external (the consumer installs them);
// - Rollup with rollup-plugin-dts then writes one self-contained declaration file per entry, as
//   `.d.ts` and, for CommonJS, `.d.cts`. Bundled declarations have no relative imports, so Node's
//   own resolution (`node16`/`nodenext`, which wants file extensions) and bundlers' both read
//   them, and the sources keep their extensionless imports.
// Plain JavaScript, beside build-ui.mjs: every package's vite.config.ts imports it.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { builtinModules } from 'node:module'
import { tmpdir } from 'node:os'
import { dirname, join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import { rollup } from 'rollup'
import { dts } from 'rollup-plugin-dts'
import ts from 'typescript'

const SOURCE = '@yardstick/source'
const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..')

/**
 * The entries of a package: for each export with a source and a built file, the entry name (the
 * built path under `dist/` without extension) and its source.
 * @param {string} packageDir
 */
export function libraryEntries(packageDir) {
  const pkg = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8'))
  /** @type {Record<string, string>} */
  const entries = {}
  let commonJs = false
  for (const target of Object.values(pkg.exports ?? {})) {
    const source = target[SOURCE]
    // `{ import: { default } }` in a dual package, plain `default` in an ES-only one.
    const built = target.import?.default ?? target.default
    if (typeof source !== 'string' || typeof built !== 'string' || !source.endsWith('.ts')) continue
    entries[built.replace(/^\.\/dist\//, '').replace(/\.js$/, '')] = source
    if (target.require) commonJs = true
  }
  const dependencies = [
    ...Object.keys(pkg.dependencies ?? {}),
    ...Object.keys(pkg.peerDependencies ?? {}),
  ]
  return { entries, commonJs, dependencies }
}

/** Whether an import names one of `dependencies` (or a subpath of one) or a Node built-in. */
function externalTo(dependencies) {
  const builtins = new Set(builtinModules)
  return (id) =>
    id.startsWith('node:') ||
    builtins.has(id) ||
    dependencies.some((name) => id === name || id.startsWith(`${name}/`))
}

/**
 * Emits the declarations of `sources` and what they import (one TypeScript program, the
 * package's tsconfig) under `outDir`, laid out as in the repository.
 * @returns {(source: string) => string} where the declaration of a source file was written
 */
function emitDeclarations(packageDir, sources, outDir) {
  const configPath = join(packageDir, 'tsconfig.json')
  const { config, error } = ts.readConfigFile(configPath, ts.sys.readFile)
  if (error) throw new Error(ts.flattenDiagnosticMessageText(error.messageText, '\n'))
  const { options } = ts.parseJsonConfigFileContent(config, ts.sys, packageDir)
  const program = ts.createProgram(
    sources.map((source) => join(packageDir, source)),
    {
      ...options,
      noEmit: false,
      declaration: true,
      emitDeclarationOnly: true,
      declarationMap: false,
      sourceMap: false,
      incremental: false,
      outDir,
      // The repository root: a sibling package's sources (through `@yardstick/source`) may be in
      // the program; their declarations land beside ours and stay external in the bundle.
      rootDir: ROOT,
    },
  )
  const { diagnostics } = program.emit()
  if (diagnostics.length > 0) {
    const host = {
      getCanonicalFileName: (f) => f,
      getCurrentDirectory: () => ROOT,
      getNewLine: () => '\n',
    }
    throw new Error(ts.formatDiagnostics(diagnostics, host))
  }
  return (source) =>
    join(outDir, relative(ROOT, join(packageDir, source))).replace(/\.tsx?$/, '.d.ts')
}

/**
 * Writes `dist/<entry>.d.ts` (and `.d.cts`) for each entry, each bundled from the declarations.
 * @param {{ packageDir: string, entries: Record<string, string>, commonJs: boolean, dependencies: string[] }} options
 */
export async function buildDeclarations({ packageDir, entries, commonJs, dependencies }) {
  const external = externalTo(dependencies)
  const outDir = mkdtempSync(join(tmpdir(), 'yardstick-declarations-'))
  try {
    const emitted = emitDeclarations(packageDir, Object.values(entries), outDir)
    // One Rollup run per entry: a shared declaration chunk would need relative imports again.
    for (const [name, source] of Object.entries(entries)) {
      const bundle = await rollup({ input: emitted(source), external, plugins: [dts()] })
      try {
        for (const extension of commonJs ? ['.d.ts', '.d.cts'] : ['.d.ts']) {
          const file = join(packageDir, 'dist', `${name}${extension}`)
          await bundle.write({ file, format: 'es' })
        }
      } finally {
        await bundle.close()
      }
    }
  } finally {
    rmSync(outDir, { recursive: true, force: true })
  }
}

/**
 * A Vite plugin writing the declarations (`buildDeclarations`) once the JavaScript is written.
 * @param {{ packageDir: string, entries: Record<string, string>, commonJs: boolean, dependencies: string[] }} options
 * @returns {import('vite').Plugin}
 */
export function declarations(options) {
  return {
    name: 'yardstick:declarations',
    apply: 'build',
    closeBundle: () => buildDeclarations(options),
  }
}

/**
 * The Vite config of a published package: library mode over its exports, then the declarations.
 * @param {string} configUrl the config's `import.meta.url`
 * @returns {import('vite').UserConfig}
 */
export function libraryConfig(configUrl) {
  const packageDir = fileURLToPath(new URL('.', configUrl))
  const { entries, commonJs, dependencies } = libraryEntries(packageDir)
  return {
    root: packageDir,
    // Sources only: a sibling package is a dependency, so it stays an import, never inlined.
    resolve: { conditions: [SOURCE] },
    plugins: [declarations({ packageDir, entries, commonJs, dependencies })],
    build: {
      outDir: 'dist',
      emptyOutDir: true,
      sourcemap: true,
      minify: false,
      target: 'es2022',
      reportCompressedSize: false,
      lib: {
        entry: Object.fromEntries(
          Object.entries(entries).map(([name, source]) => [name, join(packageDir, source)]),
        ),
        formats: commonJs ? ['es', 'cjs'] : ['es'],
        fileName: (format, name) => `${name}.${format === 'es' ? 'js' : 'cjs'}`,
      },
      rollupOptions: {
        external: externalTo(dependencies),
        output: {
          // A chunk of its own (`dist/extensions-<hash>.js`): it registers Yardstick's properties
          // with SurveyJS when loaded, so package.json's `sideEffects` must be able to name it.
          manualChunks: (id) => (id.endsWith('/src/extensions.ts') ? 'extensions' : undefined),
        },
      },
    },
  }
}
