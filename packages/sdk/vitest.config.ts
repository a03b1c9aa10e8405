import { defineProject } from 'vitest/config'

export default defineProject({
  resolve: { conditions: ['@yardstick/source'] },
  ssr: { resolve: { conditions: ['@yardstick/source'] } },
  test: {
    // Property tests run hundreds of cases: generous on a loaded 2-core CI machine.
    testTimeout: 60_000,
    name: 'sdk',
    // Its slow files (the corpus halves, the Model property tests) are CPU-bound and share no
    // state: two at once on the 2-core CI machine instead of vitest's default of cores − 1.
    // vitest runs projects that differ in workers as separate groups: this one last, alone.
    maxWorkers: 2,
    sequence: { groupOrder: 1 },
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx', 'test/**/*.test.ts'],
    // Its own project (`packages`): it builds, packs and installs the published packages.
    exclude: ['test/package/**', '**/node_modules/**'],
    benchmark: { include: ['bench/**/*.bench.ts'] },
  },
})
