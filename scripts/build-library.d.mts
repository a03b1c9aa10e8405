import type { Plugin, UserConfig } from 'vite'

/** The entries (built name → source), whether there is a CommonJS build, and the externals. */
export declare function libraryEntries(packageDir: string): {
  entries: Record<string, string>
  commonJs: boolean
  dependencies: string[]
}

/** Writes one bundled `dist/<entry>.d.ts` (and `.d.cts`) per entry. */
export declare function buildDeclarations(options: {
  packageDir: string
  entries: Record<string, string>
  commonJs: boolean
  dependencies: string[]
}): Promise<void>

/** A Vite plugin running `buildDeclarations` once the JavaScript is written. */
export declare function declarations(options: {
  packageDir: string
  entries: Record<string, string>
  commonJs: boolean
  dependencies: string[]
}): Plugin

/** The Vite config of a published package, from its package.json `exports`. */
export declare function libraryConfig(configUrl: string): UserConfig
