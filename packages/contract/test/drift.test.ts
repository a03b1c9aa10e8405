import { execFile } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { afterAll, describe, expect, it } from 'vitest'

const run = promisify(execFile)
const pkg = join(import.meta.dirname, '..')
const tsc = join(pkg, 'node_modules', '.bin', 'tsc')
// Inside the package, so that `@yardstick/contract` resolves as a client's import does.
const dir = mkdtempSync(join(pkg, '.drift-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

writeFileSync(
  join(dir, 'tsconfig.json'),
  JSON.stringify({
    extends: '../../../tsconfig.base.json',
    // As the designer compiles: a browser's globals, no Node types.
    compilerOptions: { noEmit: true, types: [], lib: ['ES2023', 'DOM', 'DOM.Iterable'] },
    include: ['*.ts'],
  }),
)

// What a designer screen writes: a campaign's title where the contract says `name`.
const client = (field: string) => `import type { CampaignSummary } from '@yardstick/contract'

export function heading(campaign: CampaignSummary): string {
  return campaign.${field}
}
`

async function compile(source: string): Promise<{ ok: boolean; output: string }> {
  writeFileSync(join(dir, 'client.ts'), source)
  try {
    await run(tsc, ['-p', join(dir, 'tsconfig.json')], { cwd: dir })
    return { ok: true, output: '' }
  } catch (error) {
    const { stdout = '', stderr = '' } = error as { stdout?: string; stderr?: string }
    return { ok: false, output: stdout + stderr }
  }
}

describe('a client drifting from the contract', () => {
  it('fails to compile, naming the field the contract does not have', async () => {
    const { ok, output } = await compile(client('title'))
    expect(ok).toBe(false)
    expect(output).toMatch(/Property 'title' does not exist on type/)
  })

  it('compiles with the contract’s field', async () => {
    const { ok, output } = await compile(client('name'))
    expect(output).toBe('')
    expect(ok).toBe(true)
  })
})
