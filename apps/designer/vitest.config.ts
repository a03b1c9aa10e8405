import { defineProject } from 'vitest/config'

export default defineProject({
  resolve: { conditions: ['@yardstick/source'] },
  ssr: { resolve: { conditions: ['@yardstick/source'] } },
  test: {
    name: 'designer',
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx', 'test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 180_000,
    // The browser tests each build the app into the one dist/ the server serves and start a
    // server and a Chromium: run this project's files one at a time (its unit tests are quick).
    fileParallelism: false,
  },
})
