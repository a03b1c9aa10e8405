import { defineProject } from 'vitest/config'

export default defineProject({
  resolve: { conditions: ['@yardstick/source'] },
  ssr: { resolve: { conditions: ['@yardstick/source'] } },
  test: {
    // Property tests run hundreds of cases: generous on a loaded 2-core CI machine.
    testTimeout: 60_000,
    name: 'example-node-sdk',
    include: ['src/**/*.test.ts'],
  },
})
