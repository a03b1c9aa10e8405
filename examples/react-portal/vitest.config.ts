import { defineProject } from 'vitest/config'

export default defineProject({
  resolve: { conditions: ['@yardstick/source'] },
  ssr: { resolve: { conditions: ['@yardstick/source'] } },
  test: {
    name: 'example-react-portal',
    include: ['src/**/*.test.ts'],
    // A real server, a Vite build and Chromium on a loaded 2-core machine.
    testTimeout: 90_000,
    hookTimeout: 240_000,
  },
})
