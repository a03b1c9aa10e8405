// One open campaign taking one-time tokens, set up through the API as an office would, for the
// reliability tests that push submissions through a real server process.
import { templates } from '@yardstick/sdk'

/** The administrator the server processes ensure (ADMIN_EMAIL / ADMIN_PASSWORD). */
export const ADMIN = { email: 'chief@example.org', password: 'chief-password-1' }

/** The environment that makes a server process ensure ADMIN, without demo data. */
export function envOfAdmin(): Record<string, string> {
  return { ADMIN_EMAIL: ADMIN.email, ADMIN_PASSWORD: ADMIN.password, SEED_DEMO: 'false' }
}

/** One authenticated JSON call; throws with the status and body on anything but 2xx. */
export async function call<T>(
  url: string,
  token: string,
  method: string,
  path: string,
  body?: unknown,
) {
  const response = await fetch(`${url}${path}`, {
    method,
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  const text = await response.text()
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${text}`)
  return (text ? JSON.parse(text) : null) as T
}

/**
 * An open campaign over one new branch whose anonymous members survey takes `count` one-time
 * tokens; `name` prefixes the branch, form and campaign names.
 */
export async function setUpTokenCampaign(url: string, count: number, name: string) {
  const login = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(ADMIN),
  })
  if (login.status !== 200) throw new Error(`login: ${login.status} ${await login.text()}`)
  const { token } = (await login.json()) as { token: string }
  const orgs = await call<{ items?: Array<{ id: number; kind: string }> } | Array<any>>(
    url,
    token,
    'GET',
    '/api/orgs',
  )
  const list = Array.isArray(orgs) ? orgs : (orgs.items ?? [])
  const committee = list.find((o: { kind: string }) => o.kind === 'committee')
  if (!committee) throw new Error(`no committee in ${JSON.stringify(orgs).slice(0, 300)}`)
  const branch = await call<{ id: number }>(url, token, 'POST', '/api/orgs', {
    parentId: committee.id,
    kind: 'branch',
    name: `${name}支部`,
    unitType: 'organ',
  })
  const form = await call<{ id: number }>(url, token, 'POST', '/api/forms', {
    title: `${name}问卷`,
    json: templates.satisfaction,
  })
  const version = await call<{ id: number }>(url, token, 'POST', `/api/forms/${form.id}/publish`, {
    note: 'SIGKILL',
  })
  const campaign = await call<{ id: number }>(url, token, 'POST', '/api/campaigns', {
    name: `${name}测评`,
    cadence: 'yearly',
    opensAt: new Date(Date.now() - 3_600_000).toISOString(),
    closesAt: new Date(Date.now() + 86_400_000).toISOString(),
    units: { ids: [branch.id] },
    sources: [
      {
        key: 'members',
        formVersion: version.id,
        weight: 1,
        anonymous: true,
        measure: 'satisfactionRate',
      },
    ],
    bands: [{ min: 0, grade: '达标' }],
  })
  await call(url, token, 'POST', `/api/campaigns/${campaign.id}/open`, {})
  const links = await call<{ items: Array<{ slug: string }> }>(
    url,
    token,
    'GET',
    `/api/campaigns/${campaign.id}/links`,
  )
  const slug = links.items[0]?.slug as string
  const tokens: string[] = []
  while (tokens.length < count) {
    const batch = Math.min(1000, count - tokens.length)
    const issued = await call<{ tokens: string[] }>(
      url,
      token,
      'POST',
      `/api/campaigns/${campaign.id}/tokens`,
      { unitId: branch.id, source: 'members', count: batch },
    )
    tokens.push(...issued.tokens)
  }
  return { campaignId: campaign.id, slug, tokens, adminToken: token }
}
