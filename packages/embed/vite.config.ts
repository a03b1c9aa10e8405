import { fileURLToPath } from 'node:url'
import { gzipSync } from 'node:zlib'
import { defaultClientConditions, defineConfig, type Plugin, transformWithEsbuild } from 'vite'
import { declarations, libraryEntries } from '../../scripts/build-library.mjs'

const EMPTY = '\0yardstick-embed:empty-css'
const PACKAGE_DIR = fileURLToPath(new URL('.', import.meta.url))

/**
 * `@yardstick/sdk/react` imports survey-core's stylesheet for ordinary React hosts; the embed
 * puts it into its shadow root instead (`?inline` in renderer.tsx), so the plain import, which
 * would style nothing in a shadow root, becomes an empty module.
 */
function stylesOnlyInShadowRoot(): Plugin {
  return {
    name: 'yardstick:styles-only-in-shadow-root',
    enforce: 'pre',
    resolveId: (id) => (id === 'survey-core/survey-core.css' ? EMPTY : null),
    load: (id) => (id === EMPTY ? '' : null),
  }
}

/**
 * Library mode keeps whitespace in ES output (for downstream bundlers' annotations); the embed
 * is served to browsers as is, so every chunk is minified fully, and gzipped beside itself.
 */
function minifyChunks(): Plugin {
  return {
    name: 'yardstick:minify-chunks',
    apply: 'build',
    // After Vite's own esbuild pass, which reprints library output with whitespace.
    enforce: 'post',
    async generateBundle(_options, bundle) {
      for (const chunk of Object.values(bundle)) {
        if (chunk.type !== 'chunk') continue
        const classic = chunk.fileName.endsWith('classic.js')
        const result = await transformWithEsbuild(chunk.code, chunk.fileName, {
          minify: true,
          target: 'es2022',
          format: classic ? undefined : 'esm',
        })
        chunk.code = result.code
        // Served precompressed by the server (`Content-Encoding: gzip`).
        this.emitFile({
          type: 'asset',
          fileName: `${chunk.fileName}.gz`,
          source: gzipSync(result.code, { level: 9 }),
        })
      }
    },
  }
}

/**
 * Two builds into `dist/` (`vite build` and `vite build --mode classic`):
 * - `embed.js`, the ES module, whose renderer is a lazily imported chunk `embed/renderer.js`
 *   (fixed name: the classic script imports it too) with hashed chunks beside it;
 * - `embed.classic.js`, an IIFE for pages without modules, importing that same renderer.
 */
export default defineConfig(({ mode }) => {
  const classic = mode === 'classic'
  return {
    plugins: [
      stylesOnlyInShadowRoot(),
      minifyChunks(),
      // The module's declarations, `dist/types/embed.d.ts` (outside the served `/embed/` paths).
      ...(classic
        ? []
        : [
            declarations({
              packageDir: PACKAGE_DIR,
              entries: { 'types/embed': 'src/index.ts' },
              commonJs: false,
              dependencies: libraryEntries(PACKAGE_DIR).dependencies,
            }),
          ]),
    ],
    resolve: {
      conditions: ['@yardstick/source', ...defaultClientConditions],
      dedupe: ['survey-core', 'survey-react-ui', 'react', 'react-dom'],
    },
    // Library mode leaves process.env alone; React needs it to pick its production build.
    define: { 'process.env.NODE_ENV': JSON.stringify('production') },
    build: {
      emptyOutDir: false,
      target: 'es2022',
      reportCompressedSize: false,
      chunkSizeWarningLimit: 2000,
      lib: {
        entry: fileURLToPath(new URL(classic ? 'src/classic.ts' : 'src/index.ts', import.meta.url)),
        formats: [classic ? 'iife' : 'es'],
        name: 'YardstickEmbed',
        fileName: () => (classic ? 'embed.classic.js' : 'embed.js'),
      },
      rollupOptions: {
        output: {
          chunkFileNames: (chunk) =>
            chunk.name === 'renderer' ? 'embed/renderer.js' : 'embed/[name]-[hash].js',
        },
      },
    },
  }
})
