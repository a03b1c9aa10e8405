import { defineProject } from 'vitest/config'

export default defineProject({
  resolve: { conditions: ['@yardstick/source'] },
  ssr: { resolve: { conditions: ['@yardstick/source'] } },
  test: {
    name: 'server',
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Most files wait on PostgreSQL, Redis, sockets or a spawned server: two at once fill the
    // 2-core CI machine that vitest's default (cores − 1 = one worker) leaves half idle. Each file
    // has its own database and ports. Projects that differ in workers run as separate groups:
    // this one after the main group and the sdk's.
    maxWorkers: 2,
    sequence: { groupOrder: 2 },
  },
})
