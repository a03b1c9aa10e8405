import { createTestDatabase } from '@yardstick/db/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createApp } from '../app'
import { loadConfig } from '../config'
import { seedDemo } from './demo'

const PASSWORD = 'demo-password-1'

describe('the demo data', () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>
  let app: ReturnType<typeof createApp>
  const call = async (path: string, token?: string): Promise<{ status: number; body: any }> => {
    const headers: Record<string, string> = token ? { authorization: `Bearer ${token}` } : {}
    const response = await app.request(path, { headers })
    return { status: response.status, body: await response.json() }
  }
  const login = async (email: string) => {
    const response = await app.request('/api/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password: PASSWORD }),
    })
    return ((await response.json()) as { token: string }).token
  }

  beforeAll(async () => {
    database = await createTestDatabase('pglite')
    const seeded = await seedDemo(database.db, { password: PASSWORD })
    expect(seeded?.accounts.filter((a) => a.role === 'panel')).toHaveLength(2)
    app = createApp({ database, config: loadConfig({ SEED_DEMO: 'false' }) })
  }, 120_000)
  afterAll(() => database.close())

  it('gives the open 2026 campaign a 述职评议 panel source that has rated a few branches', async () => {
    const admin = await login('admin@yardstick.local')
    const list = await call('/api/campaigns?limit=100', admin)
    const demo = list.body.items.find(
      (c: { name: string }) => c.name === '2026年度党支部综合评定',
    ) as { id: number; status: string }
    expect(demo.status).toBe('open')
    const detail = await call(`/api/campaigns/${demo.id}`, admin)
    const debriefing = detail.body.sources.find((s: { key: string }) => s.key === 'debriefing')
    expect(debriefing).toMatchObject({
      answeredBy: 'panel',
      label: { 'zh-CN': '述职评议', en: 'Debriefing review' },
    })
    expect(debriefing.panel).toHaveLength(2)
    const results = await call(`/api/campaigns/${demo.id}/results?limit=10000`, admin)
    const rated = results.body.units.filter(
      (u: { sources: Record<string, { n: number }> }) => u.sources.debriefing?.n === 2,
    )
    expect(rated).toHaveLength(5)
    // A panel member signs in with no role and is told where to rate.
    const panelist = await login('panel1@yardstick.local')
    expect((await call('/api/me', panelist)).body.onPanel).toBe(true)
    const home = await call(`/api/assessments?campaignId=${demo.id}&limit=100`, panelist)
    expect(home.body.items.filter((i: { scoredByMe: boolean }) => i.scoredByMe)).toHaveLength(5)
  })
})
