// startDemoServer copies its data folder from one kept for the server's sources (copyDemoData):
// each server must still get the whole demo data and a folder of its own.
import { afterAll, describe, expect, it } from 'vitest'
import { api, apiToken, campaignIdByName, DEMO_CAMPAIGN, startTestServer } from './demo-server'
import type { DemoServer } from './server-process'

describe('demo servers from the kept demo data', () => {
  const servers: DemoServer[] = []
  afterAll(() => Promise.all(servers.map((server) => server.stop())))

  it('each has the demo accounts and campaign, and what one writes the other never sees', async () => {
    const [first, second] = await Promise.all([startTestServer(), startTestServer()])
    servers.push(first, second)
    const admins = await Promise.all(
      [first, second].map((server) => apiToken(server.url, 'admin@yardstick.local')),
    )
    for (const [index, server] of [first, second].entries()) {
      expect(
        await campaignIdByName(server, admins[index] as string, DEMO_CAMPAIGN),
      ).toBeGreaterThan(0)
    }
    const title = `只在第一台 ${Date.now()}`
    await api(first, admins[0] as string, 'POST', '/api/forms', { title })
    const titles = async (server: DemoServer, token: string) =>
      (
        await api<{ items: Array<{ title: string }> }>(server, token, 'GET', '/api/forms?limit=100')
      ).items.map((form) => form.title)
    expect(await titles(first, admins[0] as string)).toContain(title)
    expect(await titles(second, admins[1] as string)).not.toContain(title)
  })
})
