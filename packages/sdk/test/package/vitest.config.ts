import { defineProject } from 'vitest/config'

// The packed-tarball consumer test: its own project, since it builds and installs (slow, once).
export default defineProject({
  // The expected results are computed from the workspace's sources.
  resolve: { conditions: ['@yardstick/source'] },
  ssr: { resolve: { conditions: ['@yardstick/source'] } },
  test: {
    name: 'packages',
    root: import.meta.dirname,
    include: ['*.test.ts'],
    // Each test runs tsc, vite or node in the installed folder, beside the rest of `pnpm test`.
    testTimeout: 180_000,
  },
})
