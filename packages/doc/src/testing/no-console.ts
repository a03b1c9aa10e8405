import { afterEach, beforeEach, vi } from 'vitest'

// docs/STYLE.md: a test that writes to the console unexpectedly fails (Yjs warns on misuse there).
const METHODS = ['log', 'info', 'warn', 'error', 'debug'] as const
const written: string[] = []

beforeEach(() => {
  for (const method of METHODS) {
    vi.spyOn(console, method).mockImplementation((...args: unknown[]) => {
      written.push(`console.${method}: ${args.map(String).join(' ')}`)
    })
  }
})

afterEach(() => {
  vi.restoreAllMocks()
  const lines = written.splice(0)
  if (lines.length > 0) throw new Error(`unexpected console output:\n${lines.join('\n')}`)
})
