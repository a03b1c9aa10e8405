import { defineProject } from 'vitest/config'

// The documentation's own checks: every reference in the repository stays inside it.
export default defineProject({
  test: {
    name: 'docs',
    include: ['**/*.test.ts'],
    // Parses every source file of the tree once.
    testTimeout: 60_000,
  },
})
