import { defineProject } from 'vitest/config'

export default defineProject({
  resolve: { conditions: ['@yardstick/source'] },
  ssr: { resolve: { conditions: ['@yardstick/source'] } },
  test: {
    name: 'respondent',
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx', 'test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 240_000,
    // The browser tests each build the page into the one dist/ the server serves and start a
    // server and a Chromium: one file at a time (the unit tests are quick).
    fileParallelism: false,
  },
})
