import { defineConfig } from 'vitest/config'

// One root config: `pnpm test <pattern>` works from the root across every workspace.
export default defineConfig({
  resolve: { conditions: ['@yardstick/source'] },
  ssr: { resolve: { conditions: ['@yardstick/source'] } },
  test: {
    projects: [
      'packages/*/vitest.config.ts',
      'packages/sdk/test/package/vitest.config.ts',
      'apps/*/vitest.config.ts',
      'examples/*/vitest.config.ts',
      'docs/vitest.config.ts',
    ],
  },
})
