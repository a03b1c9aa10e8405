import { readdirSync, rmSync } from 'node:fs'
import type { IncomingMessage } from 'node:http'
import { join } from 'node:path'
import react from '@vitejs/plugin-react'
import { defaultClientConditions, defineConfig, type Plugin, type ProxyOptions } from 'vite'

// Where `pnpm dev` finds the API and the co-editing endpoint (the server's default port).
const API = process.env.YARDSTICK_API ?? 'http://127.0.0.1:3000'

/**
 * The build never empties `dist` first: the server may be serving it while a build runs (tests
 * build while another server is up). Builds are deterministic, so a concurrent build writes the
 * same file names; once written, assets that the new bundle does not reference are pruned.
 */
function pruneStaleAssets(): Plugin {
  return {
    name: 'yardstick:prune-stale-assets',
    apply: 'build',
    writeBundle(options, bundle) {
      const dir = options.dir
      if (!dir) return
      const assets = join(dir, 'assets')
      let files: string[] = []
      try {
        files = readdirSync(assets)
      } catch {
        return
      }
      for (const file of files) {
        if (!(`assets/${file}` in bundle)) rmSync(join(assets, file), { force: true })
      }
    },
  }
}

/**
 * The dev server speaks for the server: a request its own page makes carries the dev server's
 * `Origin`, which the server would refuse as another site's (apps/server/src/http/
 * cross-site-writes.ts). Only that origin is rewritten to the server's; any other passes as is.
 */
function asServerOrigin(proxy: Parameters<NonNullable<ProxyOptions['configure']>>[0]): void {
  const rewrite = (
    outgoing: { setHeader(name: string, value: string): void },
    incoming: IncomingMessage,
  ) => {
    const { origin, host } = incoming.headers
    if (origin && host && URL.canParse(origin) && new URL(origin).host === host) {
      outgoing.setHeader('origin', new URL(API).origin)
    }
  }
  proxy.on('proxyReq', (outgoing, incoming) => rewrite(outgoing, incoming))
  proxy.on('proxyReqWs', (outgoing, incoming) => rewrite(outgoing, incoming))
}

export default defineConfig({
  plugins: [react(), pruneStaleAssets()],
  resolve: {
    // Workspace packages resolve to their TypeScript source (docs/STYLE.md: only what is served
    // is built).
    conditions: ['@yardstick/source', ...defaultClientConditions],
    // One copy of each: the SDK registers its properties on the survey-core the renderer uses,
    // and Yjs must be one instance for @yardstick/doc's types to be the provider's.
    dedupe: ['yjs', 'survey-core', 'survey-react-ui', 'react', 'react-dom'],
  },
  build: {
    emptyOutDir: false,
    // `BENCH_PROFILE=1 pnpm bench` profiles readable function names.
    minify: process.env.BENCH_PROFILE ? false : 'esbuild',
    chunkSizeWarningLimit: 4000,
    reportCompressedSize: false,
  },
  server: {
    proxy: {
      '/api': { target: API, changeOrigin: true, configure: asServerOrigin },
      '/collab': { target: API, ws: true, changeOrigin: true, configure: asServerOrigin },
      // What the designer's links, slips and embed snippets point at, served by the server.
      '/s/': { target: API, changeOrigin: true },
      '/embed.js': { target: API, changeOrigin: true },
      '/embed.classic.js': { target: API, changeOrigin: true },
      '/embed/': { target: API, changeOrigin: true },
    },
  },
})
