import type { CDPSession, Page } from 'playwright-core'

interface ProfileNode {
  id: number
  callFrame: { functionName: string; url: string; lineNumber: number }
  hitCount?: number
  children?: number[]
}

/**
 * With `BENCH_PROFILE=1`: samples the page's CPU until the returned function is called, which
 * prints the functions that took the most time (to find what to make faster; not a figure).
 */
export async function startProfile(page: Page): Promise<() => Promise<void>> {
  const cdp = await page.context().newCDPSession(page)
  await cdp.send('Profiler.enable')
  await cdp.send('Profiler.start')
  return () => stopProfile(cdp)
}

async function stopProfile(cdp: CDPSession): Promise<void> {
  const { profile } = (await cdp.send('Profiler.stop')) as unknown as {
    profile: { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] }
  }
  const byId = new Map(profile.nodes.map((n) => [n.id, n]))
  const self = new Map<string, number>()
  profile.samples.forEach((id, i) => {
    const frame = byId.get(id)?.callFrame
    if (!frame) return
    const name = `${frame.functionName || '(anonymous)'} ${frame.url.split('/').pop()}:${frame.lineNumber}`
    self.set(name, (self.get(name) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000)
  })
  const top = [...self].sort((a, b) => b[1] - a[1]).slice(0, 12)
  for (const [name, t] of top) console.log(`self ${t.toFixed(0).padStart(6)} ms  ${name}`)
  // Inclusive time: what called the expensive code.
  const parent = new Map<number, number>()
  for (const node of profile.nodes)
    for (const child of node.children ?? []) parent.set(child, node.id)
  const total = new Map<string, number>()
  profile.samples.forEach((id, i) => {
    const seen = new Set<string>()
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const frame = byId.get(at)?.callFrame
      if (!frame?.functionName) continue
      const name = `${frame.functionName} ${frame.url.split('/').pop()}:${frame.lineNumber}`
      if (seen.has(name)) continue
      seen.add(name)
      total.set(name, (total.get(name) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000)
    }
  })
  const inclusive = [...total].sort((a, b) => b[1] - a[1]).slice(0, 40)
  for (const [name, t] of inclusive) console.log(`total ${t.toFixed(0).padStart(6)} ms  ${name}`)
  // React components (capitalised functions of the app), inclusive: which parts of the editor render.
  const components = [...total].filter(([name]) => /^[A-Z]/.test(name)).sort((a, b) => b[1] - a[1])
  for (const [name, t] of components.slice(0, 30)) {
    console.log(`component ${t.toFixed(0).padStart(6)} ms  ${name}`)
  }
  await cdp.detach()
}
