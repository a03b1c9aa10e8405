import { defineProject } from 'vitest/config'

export default defineProject({
  resolve: { conditions: ['@yardstick/source'] },
  ssr: { resolve: { conditions: ['@yardstick/source'] } },
  test: {
    name: 'sdk',
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx', 'test/**/*.test.ts'],
    benchmark: { include: ['bench/**/*.bench.ts'] },
  },
})
