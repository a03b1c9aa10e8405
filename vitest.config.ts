import { defineConfig } from 'vitest/config'

// One root config: `pnpm test <pattern>` works from the root across every workspace.
export default defineConfig({
  resolve: { conditions: ['@yardstick/source'] },
  ssr: { resolve: { conditions: ['@yardstick/source'] } },
  test: {
    // Two files at a time (vitest's default on 2 cores is one): the browser, server-process and
    // database tests spend most of their time waiting on another process. A project that must
    // not overlap its own files says so (`fileParallelism: false`: designer, respondent); the
    // server project runs in its own group after the rest (its vitest.config.ts).
    maxWorkers: 2,
    projects: [
      'packages/*/vitest.config.ts',
      'packages/sdk/test/package/vitest.config.ts',
      'apps/*/vitest.config.ts',
      'examples/*/vitest.config.ts',
      'docs/vitest.config.ts',
    ],
  },
})
