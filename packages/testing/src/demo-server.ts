import type { Browser } from 'playwright-core'
import { type DemoServer, startDemoServer } from './server-process'

/** The password of every demo account on a server a test started (startTestServer). */
export const PASSWORD = 'e2e-demo-password'

/** The demo data's yearly evaluation (apps/server/src/seed), with responses from every source. */
export const DEMO_CAMPAIGN = '2026年度党支部综合评定'

/** The real server in its own process on a fresh data folder, with the demo data. */
export type TestServer = DemoServer

/**
 * The real server with the demo data, every account's password PASSWORD.
 *
 * @example
 * const server = await startTestServer()
 * afterAll(() => server.stop())
 */
export function startTestServer(): Promise<TestServer> {
  return startDemoServer(PASSWORD)
}

/**
 * Closes Chromium and stops the server, whichever of them started.
 *
 * @example
 * afterAll(() => stopRun({ browser, server }))
 */
export async function stopRun(run: { browser?: Browser; server?: TestServer }): Promise<void> {
  await run.browser?.close()
  await run.server?.stop()
}

/**
 * Signs a demo account in over the API and returns the token (for setting up data a test then
 * opens).
 *
 * @example
 * const admin = await apiToken(server.url, 'admin@yardstick.local')
 */
export async function apiToken(url: string, email: string): Promise<string> {
  const response = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: PASSWORD }),
  })
  if (!response.ok) throw new Error(`login ${email}: ${response.status}`)
  return ((await response.json()) as { token: string }).token
}

/**
 * JSON over the API with a bearer token; throws on an error status (with what the server said).
 *
 * @example
 * const form = await api<{ id: number }>(server, admin, 'POST', '/api/forms', { title, template })
 */
export async function api<T>(
  server: Pick<TestServer, 'url'>,
  token: string,
  method: string,
  path: string,
  body?: unknown,
): Promise<T> {
  const response = await fetch(`${server.url}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  const text = await response.text()
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${text}`)
  return (text ? JSON.parse(text) : null) as T
}

/**
 * The id of a campaign by its name, as the user behind `token` sees the list.
 *
 * @example
 * const demoId = await campaignIdByName(server, admin, DEMO_CAMPAIGN)
 */
export async function campaignIdByName(
  server: Pick<TestServer, 'url'>,
  token: string,
  name: string,
): Promise<number> {
  const list = await api<{ items: Array<{ id: number; name: string }> }>(
    server,
    token,
    'GET',
    '/api/campaigns?limit=100',
  )
  const found = list.items.find((campaign) => campaign.name === name)
  if (!found) throw new Error(`no campaign ${name} in the list`)
  return found.id
}
