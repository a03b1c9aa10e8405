import { defineProject } from 'vitest/config'

export default defineProject({
  resolve: { conditions: ['@yardstick/source'] },
  ssr: { resolve: { conditions: ['@yardstick/source'] } },
  test: {
    name: 'server',
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
})
