import { defineProject } from 'vitest/config'

export default defineProject({
  resolve: { conditions: ['@yardstick/source'] },
  ssr: { resolve: { conditions: ['@yardstick/source'] } },
  test: {
    name: 'testing',
    include: ['src/**/*.test.ts'],
    // demo-data.test.ts starts two server processes.
    testTimeout: 120_000,
    hookTimeout: 60_000,
  },
})
