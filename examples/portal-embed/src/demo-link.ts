import { readFile } from 'node:fs/promises'
import { join } from 'node:path'

/** Where `pnpm start` keeps the demo accounts (the server's DATA_DIR, default ./.data). */
const DEMO_ACCOUNTS = join(import.meta.dirname, '../../../apps/server/.data/demo-accounts.json')

/**
 * The portal's address for the demo campaign's first members survey, with a fresh one-time
 * token issued by the demo administrator — or why there is none (server not running, no demo).
 *
 * @example
 * const address = await demoSurveyAddress('http://127.0.0.1:8080', 'http://127.0.0.1:3000')
 */
export async function demoSurveyAddress(
  portal: string,
  server: string,
  accountsFile = DEMO_ACCOUNTS,
): Promise<{ ok: true; url: string } | { ok: false; why: string }> {
  try {
    const accounts = JSON.parse(await readFile(accountsFile, 'utf8')) as Array<{
      role: string
      email: string
      password: string
    }>
    const admin = accounts.find((a) => a.role === 'admin')
    if (!admin) return { ok: false, why: `${accountsFile} lists no admin` }
    const login = await post(`${server}/api/auth/login`, admin)
    const auth = { authorization: `Bearer ${login.token}` }
    const links = await (
      await fetch(`${server}/api/campaigns/1/links?limit=3`, { headers: auth })
    ).json()
    const link = links.items.find((l: { source: string }) => l.source === 'members')
    const issued = await post(
      `${server}/api/campaigns/1/tokens`,
      { unitId: link.unitId, source: 'members', count: 1 },
      auth,
    )
    const query = new URLSearchParams({ server, link: link.slug, token: issued.tokens[0] })
    return { ok: true, url: `${portal}/?${query}` }
  } catch (error) {
    return { ok: false, why: error instanceof Error ? error.message : String(error) }
  }
}

async function post(url: string, body: unknown, headers: Record<string, string> = {}) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  })
  if (!response.ok) throw new Error(`${url}: ${response.status} ${await response.text()}`)
  return response.json()
}
