// The server's production build (`pnpm --filter @yardstick/server build`, which `pnpm start`
// runs when the sources changed): one ES module bundle that plain `node` runs, with no TypeScript
// compiled at start. The workspace's packages are bundled in from their TypeScript sources; every
// other package stays an import of its installed file, by absolute path, because pnpm gives each
// workspace package its own dependencies (survey-core is @yardstick/sdk's, not the server's).
import { isBuiltin } from 'node:module'
import { pathToFileURL } from 'node:url'
import { defineConfig, type Plugin } from 'vite'

const WORKSPACE = /^@yardstick\//

/** Installed packages are imported where they are installed, not bundled. */
function installedPackagesExternal(): Plugin {
  return {
    name: 'yardstick-installed-packages-external',
    enforce: 'pre',
    async resolveId(id, importer, options) {
      if (!importer || id.startsWith('.') || id.startsWith('/') || id.startsWith('\0')) return null
      if (isBuiltin(id)) return { id, external: true }
      if (WORKSPACE.test(id)) return null
      const resolved = await this.resolve(id, importer, { ...options, skipSelf: true })
      if (!resolved) return null
      return { id: resolved.id, external: 'absolute' }
    },
  }
}

/**
 * Each bundled module keeps the address of its source file as `import.meta.url`, so the files it
 * finds beside its source (migrations, the PGlite worker's entry, the built pages) are found from
 * the bundle too. The validation pool is the exception: it looks for the worker built beside the
 * bundle (`validate.worker.js`) and falls back to the TypeScript one only when running sources.
 */
function sourceAddresses(): Plugin {
  return {
    name: 'yardstick-source-addresses',
    transform(code, id) {
      if (id.includes('/node_modules/') || !code.includes('import.meta.url')) return null
      if (id.endsWith('/forms/validation-pool.ts')) return null
      // Same lines, only columns move: the existing source map stays right line by line.
      return {
        code: code.replaceAll('import.meta.url', JSON.stringify(pathToFileURL(id).href)),
        map: null,
      }
    },
  }
}

export default defineConfig({
  plugins: [installedPackagesExternal(), sourceAddresses()],
  resolve: { conditions: ['@yardstick/source', 'node', 'import', 'module', 'default'] },
  ssr: {
    noExternal: true,
    resolve: { conditions: ['@yardstick/source', 'node', 'import', 'module', 'default'] },
  },
  build: {
    ssr: true,
    target: 'node20',
    outDir: 'dist',
    emptyOutDir: true,
    minify: false,
    sourcemap: true,
    rollupOptions: {
      input: { main: 'src/main.ts', 'validate.worker': 'src/forms/validate.worker.ts' },
      output: {
        format: 'es',
        entryFileNames: '[name].js',
        // Beside the entries: the validation pool finds its worker relative to its own chunk.
        chunkFileNames: '[name]-[hash].js',
      },
    },
  },
})
