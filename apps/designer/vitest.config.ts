import { defineProject } from 'vitest/config'

export default defineProject({
  resolve: { conditions: ['@yardstick/source'] },
  ssr: { resolve: { conditions: ['@yardstick/source'] } },
  test: {
    name: 'designer',
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx', 'test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 180_000,
  },
})
