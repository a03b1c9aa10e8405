import { defineProject } from 'vitest/config'

export default defineProject({
  resolve: { conditions: ['@yardstick/source'] },
  ssr: { resolve: { conditions: ['@yardstick/source'] } },
  test: {
    name: 'doc',
    include: ['src/**/*.test.ts'],
    setupFiles: ['src/testing/no-console.ts'],
    benchmark: { include: ['bench/**/*.bench.ts'] },
  },
})
