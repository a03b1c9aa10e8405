import { defineProject } from 'vitest/config'

export default defineProject({
  resolve: { conditions: ['@yardstick/source'] },
  ssr: { resolve: { conditions: ['@yardstick/source'] } },
  test: {
    name: 'contract',
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    // The drift test runs `tsc` on a fixture: a few seconds alone, more on a loaded machine.
    testTimeout: 120_000,
  },
})
