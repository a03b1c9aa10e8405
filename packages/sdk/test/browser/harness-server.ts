import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { build, preview } from 'vite'

const ROOT = dirname(fileURLToPath(import.meta.url))

/** The built harness page, served on 127.0.0.1 on an ephemeral port. */
export interface Harness {
  url: string
  close: () => Promise<void>
}

/**
 * Builds `index.html` + `main.tsx` with Vite (React in development mode, so its warnings reach
 * the console) into a temporary folder and serves it with `vite preview`.
 */
export async function startHarness(): Promise<Harness> {
  const outDir = await mkdtemp(join(tmpdir(), 'yardstick-harness-'))
  const shared = { root: ROOT, configFile: false as const, logLevel: 'warn' as const }
  await build({
    ...shared,
    mode: 'development',
    define: { 'process.env.NODE_ENV': JSON.stringify('development') },
    esbuild: { jsx: 'automatic' },
    build: { outDir, emptyOutDir: true, minify: false, reportCompressedSize: false },
  })
  const server = await preview({
    ...shared,
    build: { outDir },
    preview: { host: '127.0.0.1', port: 0, strictPort: true, open: false },
  })
  const url = server.resolvedUrls?.local[0]
  if (!url) throw new Error('vite preview did not report its address')
  return {
    url,
    close: async () => {
      await server.close()
      await rm(outDir, { recursive: true, force: true })
    },
  }
}
