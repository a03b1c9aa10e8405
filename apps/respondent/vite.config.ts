import { readdirSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import react from '@vitejs/plugin-react'
import { defaultClientConditions, defineConfig, type Plugin } from 'vite'

// Where `pnpm dev` finds the API (the server's default port).
const API = process.env.YARDSTICK_API ?? 'http://127.0.0.1:3000'

/**
 * What the page is built for: WeChat's in-app browser as respondents meet it. On Android that is
 * WeChat's own Chromium-based kernel (XWeb; Chromium 86 or later on current WeChat releases), on
 * iOS the system's WKWebView (Safari 13 or later on the iOS versions WeChat supports). Syntax is
 * lowered to ES2019 (no optional chaining, `??` or class fields in the output), which a test
 * checks on the built files (`test/build.test.ts`).
 */
export const BUILD_TARGET = ['es2019', 'chrome80', 'safari13', 'ios13']

/**
 * The build never empties `dist` first: the server may be serving it while a build runs (tests
 * build while another server is up). Once written, assets the new bundle does not reference
 * (and their .gz) are pruned.
 */
function pruneStaleAssets(): Plugin {
  return {
    name: 'yardstick:prune-stale-assets',
    apply: 'build',
    writeBundle(options, bundle) {
      const dir = options.dir
      if (!dir) return
      let files: string[] = []
      try {
        files = readdirSync(join(dir, 'assets'))
      } catch {
        return
      }
      for (const file of files) {
        const name = `assets/${file.replace(/\.gz$/, '')}`
        if (!(name in bundle)) rmSync(join(dir, 'assets', file), { force: true })
      }
    },
  }
}

/**
 * Writes a `.gz` beside each script and stylesheet (the server sends it, `precompressed`), once
 * the files are final: Vite fills in its preload list only at the very end of the bundle.
 */
function gzipBeside(): Plugin {
  return {
    name: 'yardstick:gzip-beside',
    apply: 'build',
    writeBundle(options, bundle) {
      const dir = options.dir
      if (!dir) return
      for (const file of Object.values(bundle)) {
        if (!/\.(js|css)$/.test(file.fileName)) continue
        const source = file.type === 'chunk' ? file.code : file.source
        writeFileSync(join(dir, `${file.fileName}.gz`), gzipSync(source, { level: 9 }))
      }
    },
  }
}

export default defineConfig({
  // Served by the server at /s/:slug, its files at /s/assets/*.
  base: '/s/',
  plugins: [react(), pruneStaleAssets(), gzipBeside()],
  resolve: {
    // Workspace packages resolve to their TypeScript source (docs/STYLE.md: only what is served
    // is built).
    conditions: ['@yardstick/source', ...defaultClientConditions],
    // One copy of each: the SDK registers its properties on the survey-core the renderer uses.
    dedupe: ['survey-core', 'survey-react-ui', 'react', 'react-dom'],
  },
  build: {
    emptyOutDir: false,
    target: BUILD_TARGET,
    chunkSizeWarningLimit: 2000,
    reportCompressedSize: false,
  },
  server: {
    proxy: { '/api': { target: API, changeOrigin: true } },
  },
})
